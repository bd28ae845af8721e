/**
 * Prices from Kraken's public ticker (`GET /0/public/Ticker?pair=XBTUSD`, no key). The price is the
 * last trade (`c[0]`), read exactly from its decimal text; anything but a plain positive decimal is
 * refused. The ticker carries no time, so a rate is dated when its answer arrived (a cached answer
 * keeps that date and ages). Kraken names pairs its own way (XBT for BTC, XDG for DOGE) and answers
 * under yet another key (XXBTZUSD), so the single entry of `result` is taken. A non-empty `error`
 * array (e.g. "EQuery:Unknown asset pair") or a fiat Kraken does not quote is ServiceUnavailable.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import { type Asset, assetInfo, type FiatCurrency, type NamedPriceSource, now, rate, type Rate, type ServiceUnavailable } from "@tokenshop/domain"
import type * as BigDecimal from "effect/BigDecimal"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import { makeAnswerCache, makePriceHttp, plainPositiveDecimal, type PriceSourceSettings, unavailable } from "./PriceHttp.js"

export const krakenBaseUrl = "https://api.kraken.com"

/** Fiat currencies Kraken has spot pairs in; a pair Kraken lacks among them still fails with its own error. */
export const krakenFiats: ReadonlySet<FiatCurrency> = new Set<FiatCurrency>(["USD", "EUR", "GBP", "CAD", "AUD", "JPY", "CHF"])

const krakenSymbols: Readonly<Record<string, string>> = { BTC: "XBT", DOGE: "XDG" }

/** The pair asked for, e.g. BTC/USD -> "XBTUSD", USDT_TRC20/EUR -> "USDTEUR". */
export const krakenPair = (asset: Asset, fiat: FiatCurrency): string => {
  const symbol = assetInfo(asset).symbol
  return `${krakenSymbols[symbol] ?? symbol}${fiat}`
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

interface Quote {
  readonly price: BigDecimal.BigDecimal
  readonly at: Date
}

/** Reads one Ticker answer for `pair`. */
const readTicker = (pair: string, text: string): Effect.Effect<BigDecimal.BigDecimal, ServiceUnavailable> =>
  Effect.gen(function*() {
    const bad = (why: string) => unavailable(`kraken: ${pair}: ${why}`)
    const body: unknown = yield* Effect.try({ try: () => JSON.parse(text) as unknown, catch: () => bad(`malformed JSON: ${text.slice(0, 80)}`) })
    if (!isRecord(body) || !Array.isArray(body.error)) return yield* bad("the answer has no error array")
    const errors = body.error.filter((e): e is string => typeof e === "string")
    if (errors.length !== body.error.length) return yield* bad("the error array holds something other than text")
    const fatal = errors.filter((e) => !e.startsWith("W"))
    if (fatal.length > 0) return yield* bad(fatal.join(", "))
    if (errors.length > 0) yield* Effect.logWarning(`kraken: ${pair}: ${errors.join(", ")}`)
    if (!isRecord(body.result)) return yield* bad("the answer has no result")
    const entries = Object.values(body.result)
    if (entries.length !== 1) return yield* bad(`expected one ticker, got ${entries.length}`)
    const ticker = entries[0]
    if (!isRecord(ticker) || !Array.isArray(ticker.c) || typeof ticker.c[0] !== "string") return yield* bad("no last trade (c) in the ticker")
    const last = ticker.c[0]
    return yield* Option.match(plainPositiveDecimal(last), {
      onNone: () => Effect.fail(bad(`last trade price ${JSON.stringify(last.slice(0, 40))} is not a plain positive decimal`)),
      onSome: Effect.succeed
    })
  })

export const makeKrakenPrices = (settings: PriceSourceSettings = {}): Effect.Effect<NamedPriceSource, never, HttpClient.HttpClient | Scope.Scope> =>
  Effect.gen(function*() {
    const get = yield* makePriceHttp("kraken", { baseUrl: krakenBaseUrl, requestsPerSecond: 1 }, settings)
    const cache = yield* makeAnswerCache<Quote>("kraken", settings.cacheFor ?? "60 seconds")
    const quote = (pair: string): Effect.Effect<Quote, ServiceUnavailable> =>
      get(`/0/public/Ticker?${new URLSearchParams({ pair }).toString()}`).pipe(
        Effect.flatMap((text) => Effect.zip(readTicker(pair, text), now)),
        Effect.map(([price, at]) => ({ price, at }))
      )
    return {
      name: "kraken",
      rate: (asset, fiat) => {
        if (!krakenFiats.has(fiat)) return Effect.fail(unavailable(`no ${asset}/${fiat} pair on kraken`))
        const pair = krakenPair(asset, fiat)
        return Effect.map(cache.get(pair, quote(pair)), (q): Rate => rate(asset, fiat, q.price, q.at))
      }
    }
  })
