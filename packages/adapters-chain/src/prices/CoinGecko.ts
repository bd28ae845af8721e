/**
 * Prices from CoinGecko's simple price endpoint
 * (`GET /simple/price?ids=bitcoin&vs_currencies=usd&include_last_updated_at=true&precision=full`,
 * a demo key in the `x-cg-demo-api-key` header when given). The price is a JSON number, read exactly
 * from the answer's text (lossless-json keeps its digits; an exponent such as 1e-7 is exact too),
 * never through a JS number. A rate is dated `last_updated_at`, so a price CoinGecko stopped updating
 * is refused by the domain as stale; an answer without that time, or dated more than a minute ahead
 * of our clock, is refused here.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import { type Asset, assetInfo, type FiatCurrency, type NamedPriceSource, now, rate, type Rate, type ServiceUnavailable } from "@tokenshop/domain"
import type * as BigDecimal from "effect/BigDecimal"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import { isLosslessNumber, parse } from "lossless-json"
import { makeAnswerCache, makePriceHttp, positiveJsonNumber, type PriceSourceSettings, unavailable } from "./PriceHttp.js"

export const coinGeckoBaseUrl = "https://api.coingecko.com/api/v3"

export interface CoinGeckoSettings extends PriceSourceSettings {
  /** A demo-plan key, sent as the `x-cg-demo-api-key` header. */
  readonly apiKey?: Redacted.Redacted<string> | undefined
}

/** CoinGecko's coin ids by the symbol shown to people. */
export const coinGeckoIds: Readonly<Record<string, string>> = {
  BTC: "bitcoin",
  LTC: "litecoin",
  ETH: "ethereum",
  SOL: "solana",
  TRX: "tron",
  USDT: "tether",
  USDC: "usd-coin",
  DOGE: "dogecoin",
  BNB: "binancecoin"
}

export const coinGeckoId = (asset: Asset): string | undefined => coinGeckoIds[assetInfo(asset).symbol]

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

interface Quote {
  readonly price: BigDecimal.BigDecimal
  readonly at: Date
}

/** Reads one simple-price answer for coin `id` in `vs` (lowercase). */
const readPrice = (id: string, vs: string, text: string): Effect.Effect<Quote, ServiceUnavailable> =>
  Effect.gen(function*() {
    const bad = (why: string) => unavailable(`coingecko: ${id}/${vs}: ${why}`)
    const body: unknown = yield* Effect.try({ try: () => parse(text), catch: () => bad(`malformed JSON: ${text.slice(0, 80)}`) })
    if (!isRecord(body)) return yield* bad("the answer is not an object")
    const entry = body[id]
    if (!isRecord(entry)) return yield* bad(`no ${id} entry in the answer`)
    const price = entry[vs]
    if (!isLosslessNumber(price)) return yield* bad(`no ${vs} price`)
    const exact = positiveJsonNumber(price.value)
    if (Option.isNone(exact)) return yield* bad(`price ${price.value.slice(0, 40)} is not a positive number`)
    const updated = entry.last_updated_at
    if (!isLosslessNumber(updated) || !/^\d{1,12}$/.test(updated.value)) return yield* bad("no last_updated_at")
    const at = new Date(Number(updated.value) * 1000)
    const received = yield* now
    if (at.getTime() - received.getTime() > 60_000) return yield* bad(`last_updated_at ${updated.value} is in the future`)
    return { price: exact.value, at }
  })

export const makeCoinGeckoPrices = (settings: CoinGeckoSettings = {}): Effect.Effect<NamedPriceSource, never, HttpClient.HttpClient | Scope.Scope> =>
  Effect.gen(function*() {
    const headers: Record<string, string> = settings.apiKey === undefined ? {} : { "x-cg-demo-api-key": Redacted.value(settings.apiKey) }
    const get = yield* makePriceHttp("coingecko", { baseUrl: coinGeckoBaseUrl, requestsPerSecond: 0.5 }, settings, headers)
    const cache = yield* makeAnswerCache<Quote>("coingecko", settings.cacheFor ?? "60 seconds")
    const quote = (id: string, vs: string): Effect.Effect<Quote, ServiceUnavailable> => {
      const query = new URLSearchParams({ ids: id, vs_currencies: vs, include_last_updated_at: "true", precision: "full" })
      return Effect.flatMap(get(`/simple/price?${query.toString()}`), (text) => readPrice(id, vs, text))
    }
    return {
      name: "coingecko",
      rate: (asset: Asset, fiat: FiatCurrency) => {
        const id = coinGeckoId(asset)
        if (id === undefined) return Effect.fail(unavailable(`no ${asset} coin id on coingecko`))
        const vs = fiat.toLowerCase()
        return Effect.map(cache.get(`${id}/${vs}`, quote(id, vs)), (q): Rate => rate(asset, fiat, q.price, q.at))
      }
    }
  })
