/**
 * Local fakes of Kraken's public ticker and CoinGecko's simple price, answering in their documented
 * shapes from a price table (`set("BTC", "USD", "60000.5")`, by the symbol people see, prices as
 * decimal text kept digit for digit), each on a FakeServer with its shared fault switches, plus
 * switches of their own: an unknown-pair answer, a price in exponent notation (1e-7), a missing field,
 * and for CoinGecko a stale (or future) `last_updated_at`.
 */
import { LosslessNumber, stringify } from "lossless-json"
import { type FakeAnswer, FakeServer, type FakeRequest, type Faults } from "./FakeServer.js"

abstract class FakePriceApi {
  readonly server: FakeServer
  protected readonly table = new Map<string, string>()

  constructor() {
    this.server = new FakeServer((request) => this.answer(request))
  }

  protected abstract answer(request: FakeRequest): FakeAnswer

  /** The price of one `symbol` (BTC, USDT, DOGE, ...) in `fiat` (USD, EUR, ...), as decimal text. */
  set(symbol: string, fiat: string, price: string): void {
    this.table.set(`${symbol.toUpperCase()}/${fiat.toUpperCase()}`, price)
  }

  protected price(symbol: string, fiat: string): string | undefined {
    return this.table.get(`${symbol.toUpperCase()}/${fiat.toUpperCase()}`)
  }

  get faults(): Faults {
    return this.server.faults
  }
  get requests(): ReadonlyArray<FakeRequest> {
    return this.server.requests
  }
  get url(): string {
    return this.server.url
  }
  start = (): Promise<void> => this.server.start()
  stop = (): Promise<void> => this.server.stop()

  /** Clears the request log and every fault switch (the price table stays). */
  reset(): void {
    this.server.requests.length = 0
    Object.assign(this.server.faults, { serverErrors: 0, rateLimited: 0, retryAfterSeconds: 1, malformed: 0, hangs: 0 })
  }
}

export interface KrakenSwitches {
  /** Answer every pair with `{ error: ["EQuery:Unknown asset pair"] }`. */
  unknownPair: boolean
  /** The last trade price as "1e-7". */
  exponentPrice: boolean
  /** Leave the last trade (`c`) out of the ticker. */
  missingField: boolean
}

/** Kraken's names: XBT is bitcoin, XDG is dogecoin. */
const krakenToSymbol: Readonly<Record<string, string>> = { XBT: "BTC", XDG: "DOGE" }
/** Assets whose pairs Kraken keys the old way, e.g. XXBTZUSD. */
const legacy = new Set(["XBT", "XDG", "LTC", "ETH"])

export class FakeKraken extends FakePriceApi {
  readonly switches: KrakenSwitches = { unknownPair: false, exponentPrice: false, missingField: false }

  override reset(): void {
    super.reset()
    Object.assign(this.switches, { unknownPair: false, exponentPrice: false, missingField: false })
  }

  protected answer(request: FakeRequest): FakeAnswer {
    if (request.path !== "/0/public/Ticker") return { status: 404, body: { error: ["EGeneral:Unknown method"] } }
    const pair = request.query.get("pair") ?? ""
    const base = pair.slice(0, -3)
    const fiat = pair.slice(-3)
    const found = this.price(krakenToSymbol[base] ?? base, fiat)
    if (this.switches.unknownPair || found === undefined || base === "") return { body: { error: ["EQuery:Unknown asset pair"] } }
    const price = this.switches.exponentPrice ? "1e-7" : found
    const key = legacy.has(base) ? `X${base}Z${fiat}` : base === "USDT" ? `USDTZ${fiat}` : pair
    const ticker: Record<string, unknown> = {
      a: [price, "1", "1.000"],
      b: [price, "2", "2.000"],
      c: [price, "0.00067643"],
      v: ["4083.67001100", "4412.73601799"],
      p: [price, price],
      t: [34619, 38907],
      l: [price, price],
      h: [price, price],
      o: price
    }
    if (this.switches.missingField) delete ticker.c
    return { body: { error: [], result: { [key]: ticker } } }
  }
}

export interface CoinGeckoSwitches {
  /** Answer `{}` whatever was asked, as CoinGecko does for ids it does not know. */
  unknownPair: boolean
  /** How old `last_updated_at` is, in seconds (negative: in the future). */
  staleSeconds: number
  /** Every price as the JSON number 1e-7. */
  exponentPrice: boolean
  /** Leave the price or `last_updated_at` out of the coin's entry. */
  missingField: "price" | "last_updated_at" | null
}

const geckoToSymbol: Readonly<Record<string, string>> = {
  bitcoin: "BTC", litecoin: "LTC", ethereum: "ETH", solana: "SOL", tron: "TRX", tether: "USDT",
  "usd-coin": "USDC", dogecoin: "DOGE", binancecoin: "BNB"
}

export class FakeCoinGecko extends FakePriceApi {
  readonly switches: CoinGeckoSwitches = { unknownPair: false, staleSeconds: 0, exponentPrice: false, missingField: null }

  override reset(): void {
    super.reset()
    Object.assign(this.switches, { unknownPair: false, staleSeconds: 0, exponentPrice: false, missingField: null })
  }

  protected answer(request: FakeRequest): FakeAnswer {
    if (request.path !== "/simple/price") return { status: 404, body: { error: "Not found" } }
    const ids = (request.query.get("ids") ?? "").split(",").filter((s) => s !== "")
    const currencies = (request.query.get("vs_currencies") ?? "").split(",").filter((s) => s !== "")
    if (currencies.length === 0) return { status: 400, body: { error: "Missing parameter vs_currencies" } }
    const withTime = request.query.get("include_last_updated_at") === "true"
    const updated = Math.floor(Date.now() / 1000) - this.switches.staleSeconds
    const answer: Record<string, Record<string, LosslessNumber>> = {}
    for (const id of this.switches.unknownPair ? [] : ids) {
      const symbol = geckoToSymbol[id]
      if (symbol === undefined) continue
      const entry: Record<string, LosslessNumber> = {}
      for (const vs of currencies) {
        const price = this.price(symbol, vs)
        if (price !== undefined && this.switches.missingField !== "price") entry[vs] = new LosslessNumber(this.switches.exponentPrice ? "1e-7" : price)
      }
      if (withTime && this.switches.missingField !== "last_updated_at") entry.last_updated_at = new LosslessNumber(String(updated))
      answer[id] = entry
    }
    return { body: stringify(answer) ?? "{}" }
  }
}
