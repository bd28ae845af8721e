/**
 * Kraken's ticker and CoinGecko's simple price against local fakes: exact prices, pair names, the
 * cache, HTTP faults, the APIs' own error shapes, and both together through the domain's agreeing feed.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@effect/vitest"
import { agreeingPrices, type NamedPriceSource, type ServiceUnavailable } from "@tokenshop/domain"
import * as BigDecimal from "effect/BigDecimal"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import { makeCoinGeckoPrices } from "../src/prices/CoinGecko.js"
import { makeKrakenPrices } from "../src/prices/Kraken.js"
import type { PriceSourceSettings } from "../src/prices/PriceHttp.js"
import { FakeCoinGecko, FakeKraken } from "../src/testing/FakePrices.js"

const kraken = new FakeKraken()
const gecko = new FakeCoinGecko()
beforeAll(async () => {
  await kraken.start()
  await gecko.start()
})
afterAll(async () => {
  await kraken.stop()
  await gecko.stop()
})
beforeEach(() => {
  for (const fake of [kraken, gecko]) {
    fake.reset()
    fake.set("BTC", "USD", "60000.5")
    fake.set("USDT", "USD", "1.0001")
    fake.set("DOGE", "EUR", "0.1234")
  }
})

const fast: PriceSourceSettings = { requestsPerSecond: 100, timeout: "2 seconds", retries: 2, backoff: "10 millis" }
const krakenSource = (more: PriceSourceSettings = {}) => makeKrakenPrices({ ...fast, baseUrl: kraken.url, ...more })
const geckoSource = (more: PriceSourceSettings = {}) =>
  makeCoinGeckoPrices({ ...fast, baseUrl: gecko.url, apiKey: Redacted.make("demo-key"), ...more })

/** Runs against the loopback fakes with a real clock and fetch. */
const live = <A>(body: Effect.Effect<A, unknown, Scope.Scope | HttpClient.HttpClient>) =>
  body.pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))
const btc = (s: NamedPriceSource) => s.rate("BTC", "USD")
const failure = (e: Effect.Effect<unknown, ServiceUnavailable>) => Effect.map(Effect.flip(e), (x) => x.detail)
/** Plain decimal text (BigDecimal.format turns long numbers into exponent notation). */
const text = (d: BigDecimal.BigDecimal) => {
  const { scale, value } = BigDecimal.normalize(d)
  if (scale <= 0) return (value * 10n ** BigInt(-scale)).toString()
  const digits = value.toString().padStart(scale + 1, "0")
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`
}

describe("price sources", () => {
  it.live("keep every digit of the price; Kraken dates it on arrival, CoinGecko by last_updated_at", () =>
    live(Effect.gen(function*() {
      const exact = "88230.123456789012345678"
      kraken.set("BTC", "USD", exact)
      gecko.set("BTC", "USD", exact)
      gecko.switches.staleSeconds = 30
      const before = Date.now()
      const k = yield* btc(yield* krakenSource())
      const g = yield* btc(yield* geckoSource())
      expect([text(k.price), text(g.price)]).toEqual([exact, exact])
      expect(BigDecimal.equals(k.price, BigDecimal.unsafeFromString(exact))).toBe(true)
      expect(k.at.getTime()).toBeGreaterThanOrEqual(before)
      expect(g.at.getTime() % 1000).toBe(0)
      expect(Math.abs(g.at.getTime() - (before - 30_000))).toBeLessThan(2_000)
      expect(kraken.requests[0]!.path).toBe("/0/public/Ticker")
      expect(kraken.requests[0]!.query.get("pair")).toBe("XBTUSD")
      const q = gecko.requests[0]!.query
      expect([gecko.requests[0]!.path, q.get("ids"), q.get("vs_currencies"), q.get("include_last_updated_at"), q.get("precision")])
        .toEqual(["/simple/price", "bitcoin", "usd", "true", "full"])
      expect(gecko.requests[0]!.headers["x-cg-demo-api-key"]).toBe("demo-key")
    })))

  it.live("map assets to each API's names: USDT on any chain, DOGE as XDG, fiat lowercase for CoinGecko", () =>
    live(Effect.gen(function*() {
      const k = yield* krakenSource()
      const g = yield* geckoSource()
      const usdt = yield* k.rate("USDT_TRC20", "USD")
      expect([usdt.asset, text(usdt.price)]).toEqual(["USDT_TRC20", "1.0001"])
      expect(text((yield* k.rate("DOGE", "EUR")).price)).toBe("0.1234")
      expect(kraken.requests.map((r) => r.query.get("pair"))).toEqual(["USDTUSD", "XDGEUR"])
      expect(text((yield* g.rate("USDT_SOL", "USD")).price)).toBe("1.0001")
      expect(text((yield* g.rate("DOGE", "EUR")).price)).toBe("0.1234")
      expect(gecko.requests.map((r) => `${r.query.get("ids")}/${r.query.get("vs_currencies")}`)).toEqual(["tether/usd", "dogecoin/eur"])
      expect(yield* failure(k.rate("BTC", "RUB"))).toBe("no BTC/RUB pair on kraken")
      expect(kraken.requests).toHaveLength(2)
    })))

  it.live("reuse a pair's answer for cacheFor, whichever chain's USDT asks; never keep a failure", () =>
    live(Effect.gen(function*() {
      const k = yield* krakenSource({ cacheFor: "500 millis", retries: 0 })
      const g = yield* geckoSource({ cacheFor: "500 millis", retries: 0 })
      for (const s of [k, g]) {
        yield* s.rate("USDT_TRC20", "USD")
        yield* s.rate("USDT_ERC20", "USD")
        yield* Effect.all([btc(s), btc(s), btc(s)], { concurrency: "unbounded" })
      }
      expect([kraken.requests.length, gecko.requests.length]).toEqual([2, 2])
      yield* Effect.sleep("550 millis")
      yield* btc(k)
      expect(kraken.requests).toHaveLength(3)
      kraken.faults.serverErrors = 1
      gecko.faults.serverErrors = 1
      const k2 = yield* krakenSource({ retries: 0 })
      const g2 = yield* geckoSource({ retries: 0 })
      for (const s of [k2, g2]) {
        expect(yield* failure(btc(s))).toContain("500")
        yield* btc(s)
        yield* btc(s)
      }
      expect([kraken.requests.length, gecko.requests.length]).toEqual([5, 4])
    })))

  it.live("retry a 500 and honour a 429's Retry-After", () =>
    live(Effect.gen(function*() {
      kraken.faults.serverErrors = 2
      expect(text((yield* btc(yield* krakenSource())).price)).toBe("60000.5")
      expect(kraken.requests).toHaveLength(3)
      gecko.faults.rateLimited = 1
      gecko.faults.retryAfterSeconds = 1
      const started = Date.now()
      expect(text((yield* btc(yield* geckoSource())).price)).toBe("60000.5")
      expect(Date.now() - started).toBeGreaterThanOrEqual(950)
      expect(gecko.requests).toHaveLength(2)
    })))

  it.live("a hang is ServiceUnavailable within the timeout; malformed JSON is ServiceUnavailable", () =>
    live(Effect.gen(function*() {
      kraken.faults.hangs = 1
      const started = Date.now()
      const hung = yield* failure(btc(yield* krakenSource({ timeout: "300 millis", retries: 0 })))
      expect(Date.now() - started).toBeLessThan(1_500)
      expect(hung).toMatch(/^kraken: timeout/)
      kraken.faults.malformed = 1
      gecko.faults.malformed = 1
      expect(yield* failure(btc(yield* krakenSource()))).toMatch(/^kraken: .*malformed JSON/)
      expect(yield* failure(btc(yield* geckoSource()))).toMatch(/^coingecko: .*malformed JSON/)
    })))

  it.live("Kraken's error array is ServiceUnavailable naming it, and is not cached", () =>
    live(Effect.gen(function*() {
      const k = yield* krakenSource()
      kraken.switches.unknownPair = true
      expect(yield* failure(btc(k))).toBe("kraken: XBTUSD: EQuery:Unknown asset pair")
      kraken.switches.unknownPair = false
      expect(text((yield* btc(k)).price)).toBe("60000.5")
      expect(yield* failure(k.rate("BNB", "USD"))).toContain("EQuery:Unknown asset pair")
      gecko.switches.unknownPair = true
      expect(yield* failure(btc(yield* geckoSource()))).toBe("coingecko: bitcoin/usd: no bitcoin entry in the answer")
    })))

  it.live("refuse what is not a plain positive price; read CoinGecko's exponent numbers exactly", () =>
    live(Effect.gen(function*() {
      for (const bad of ["0.00000", "-1.5", "1,5", " 60000", ""]) {
        kraken.set("BTC", "USD", bad)
        expect(yield* failure(btc(yield* krakenSource()))).toContain("not a plain positive decimal")
      }
      kraken.set("BTC", "USD", "60000.5")
      kraken.switches.exponentPrice = true
      expect(yield* failure(btc(yield* krakenSource()))).toContain("\"1e-7\" is not a plain positive decimal")
      Object.assign(kraken.switches, { exponentPrice: false, missingField: true })
      expect(yield* failure(btc(yield* krakenSource()))).toContain("no last trade (c)")
      gecko.switches.exponentPrice = true
      const tiny = yield* btc(yield* geckoSource())
      expect(BigDecimal.equals(tiny.price, BigDecimal.make(1n, 7))).toBe(true)
      gecko.switches.exponentPrice = false
      gecko.set("BTC", "USD", "0")
      expect(yield* failure(btc(yield* geckoSource()))).toContain("is not a positive number")
      gecko.set("BTC", "USD", "60000.5")
      gecko.switches.missingField = "price"
      expect(yield* failure(btc(yield* geckoSource()))).toContain("no usd price")
      gecko.switches.missingField = "last_updated_at"
      expect(yield* failure(btc(yield* geckoSource()))).toContain("no last_updated_at")
      gecko.switches.missingField = null
      gecko.switches.staleSeconds = -600
      expect(yield* failure(btc(yield* geckoSource()))).toContain("in the future")
    })))
})

describe("Kraken and CoinGecko through agreeingPrices", () => {
  const both = Effect.suspend(() => Effect.map(Effect.all([krakenSource(), geckoSource()]), (sources) => agreeingPrices(sources)))

  it.live("agreeing sources give a price; 3 % apart give none", () =>
    live(Effect.gen(function*() {
      gecko.set("BTC", "USD", "60300.5")
      expect(text((yield* (yield* both).rate("BTC", "USD")).price)).toBe("60000.5")
      gecko.set("BTC", "USD", "61800.515")
      expect(yield* failure((yield* both).rate("BTC", "USD"))).toContain("disagree by more than 2 %")
    })))

  it.live("a CoinGecko price 10 minutes old is dropped and Kraken's alone is used", () =>
    live(Effect.gen(function*() {
      gecko.set("BTC", "USD", "70000")
      gecko.switches.staleSeconds = 600
      const r = yield* (yield* both).rate("BTC", "USD")
      expect([r.asset, r.fiat, text(r.price)]).toEqual(["BTC", "USD", "60000.5"])
      expect(gecko.requests).toHaveLength(1)
      kraken.faults.serverErrors = 3
      const none = yield* failure((yield* both).rate("BTC", "USD"))
      expect(none).toContain("no fresh BTC/USD price")
      expect(none).toContain("coingecko: older than")
      expect(none).toContain("kraken: kraken: status 500")
    })))
})
