/**
 * A local stand-in for the KryptoExpress API, built from its public documentation, for tests and
 * the demo. It issues payments, holds a wallet, calculates and executes withdrawals, quotes prices,
 * and signs its callbacks exactly as the processor does (HMAC-SHA512 of the compact body under the
 * payment's callbackSecret), on the documented schedule (0, 120, 240, 480, 960 s) compressed by
 * `timeScale`.
 *
 * Switches for tests: answer the next requests with 500, a hang, or malformed JSON; send all five
 * callbacks whatever the answers; send them at once or out of order (jitter); forge any delivery
 * (see `deliver`).
 */
import { randomBytes } from "node:crypto"
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { assets, fiatDigits, unitsToDecimal as decimalOf } from "@tokenshop/domain"
import { sign } from "../Signature.js"
import { JsonNumber, parseJson, processorAssets, toJson, unitsOf } from "../Wire.js"

export const callbackSchedule = [0, 120, 240, 480, 960] as const

export interface FakePayment {
  readonly id: number
  readonly hash: string
  readonly paymentType: "DEPOSIT" | "PAYMENT"
  readonly fiatCurrency: string
  fiatAmount: string | null
  cryptoAmount: string | null
  readonly cryptoCurrency: string
  expireDatetime: number
  readonly createDatetime: number
  readonly address: string
  isPaid: boolean
  isWithdrawn: boolean
  readonly callbackUrl: string
  readonly callbackSecret: string | null
}

export interface CallbackAttempt {
  readonly hash: string
  readonly attempt: number
  readonly isPaid: boolean
  readonly status: number | "error"
}

export interface FakeOptions {
  readonly apiKey?: string
  /** Seconds of the real schedule per millisecond of test time: 0.001 turns 960 s into about 1 s. */
  readonly timeScale?: number
  /** Minutes until a payment expires, default 120. */
  readonly paymentMinutes?: number
  /** Whole-coin prices in USD (other fiat currencies use the same numbers). */
  readonly prices?: Partial<Record<string, string>>
}

export const defaultPrices: Record<string, string> = {
  BTC: "60000", LTC: "80", ETH: "3000", SOL: "150", BNB: "600", DOGE: "0.15",
  USDT_ERC20: "1", USDC_ERC20: "1", USDT_BEP20: "1", USDC_BEP20: "1", USDT_SOL: "1", USDC_SOL: "1"
}

const stables = processorAssets.filter((a) => assets[a].stablecoin)
const natives = processorAssets.filter((a) => !assets[a].stablecoin)
/** The processor states amounts with at most 8 decimals. */
const SHOWN = 8
const PRICE_DIGITS = 8

const fakeAddress = (currency: string, n: number): string => {
  const tail = n.toString(16).padStart(8, "0")
  switch (assets[currency as keyof typeof assets]?.network) {
    case "bitcoin": return `bc1qfake${tail}qqqqqqqqqqqqqqqqqqqqqqqqqq`
    case "litecoin": return `ltc1qfake${tail}qqqqqqqqqqqqqqqqqqqqqqqqq`
    case "dogecoin": return `DFake${tail}xxxxxxxxxxxxxxxxxxxxx`
    case "solana": return `So1Fake${tail}111111111111111111111111`
    default: return `0x${"fa4e".repeat(8)}${tail}`
  }
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Array<Buffer> = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    req.on("error", reject)
  })

export class FakeKryptoExpress {
  readonly apiKey: string
  readonly timeScale: number
  readonly paymentMinutes: number
  readonly prices: Record<string, string>
  readonly payments = new Map<string, FakePayment>()
  readonly callbacks: Array<CallbackAttempt> = []
  readonly withdrawals: Array<{ readonly type: string; readonly currency: string; readonly toAddress: string; readonly onlyCalculate: boolean; readonly txIds: ReadonlyArray<string> }> = []
  /** Requests (after authentication) answered with a fault, next first. */
  readonly faults: Array<"500" | "hang" | "malformed"> = []
  /** Send all five callbacks even when the shop answered 200. */
  duplicates = false
  /** Send the attempts together instead of on the schedule. */
  concurrent = false
  /** Up to this many milliseconds of random delay per attempt, so that attempts overtake each other. */
  jitterMs = 0
  requests = 0
  private server: Server | undefined
  private nextId = 600
  private timers = new Set<NodeJS.Timeout>()
  private hung = new Set<ServerResponse>()

  constructor(options: FakeOptions = {}) {
    this.apiKey = options.apiKey ?? "fake-api-key"
    this.timeScale = options.timeScale ?? 0.001
    this.paymentMinutes = options.paymentMinutes ?? 120
    this.prices = { ...defaultPrices, ...options.prices } as Record<string, string>
  }

  /** Starts on a free loopback port; returns the base URL, e.g. http://127.0.0.1:41234/api. */
  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((e) => this.send(res, 500, { message: String(e) }))
    })
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", () => r()))
    return this.url
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/api`
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t)
    for (const r of this.hung) r.destroy()
    this.server?.closeAllConnections()
    await new Promise<void>((r) => (this.server === undefined ? r() : this.server.close(() => r())))
  }

  /** The body the processor would post for this payment: compact JSON, numbers as the processor writes them. */
  body(p: FakePayment): string {
    const num = (text: string | null) => (text === null ? undefined : new JsonNumber(text.includes(".") ? text : `${text}.0`))
    return toJson({
      id: new JsonNumber(String(p.id)),
      paymentType: p.paymentType,
      fiatCurrency: p.fiatCurrency,
      fiatAmount: num(p.fiatAmount),
      cryptoAmount: num(p.cryptoAmount),
      userId: "00000000-0000-4000-8000-000000000000",
      cryptoCurrency: p.cryptoCurrency,
      expireDatetime: new JsonNumber(String(p.expireDatetime)),
      createDatetime: new JsonNumber(String(p.createDatetime)),
      address: p.address,
      isPaid: p.isPaid,
      isWithdrawn: p.isWithdrawn,
      hash: p.hash,
      callbackUrl: p.callbackUrl
    })
  }

  paymentByAddress(address: string): FakePayment | undefined {
    return [...this.payments.values()].find((p) => p.address === address)
  }

  /**
   * The buyer paid: a DEPOSIT receives `cryptoAmount` (valued at the current price), a PAYMENT its
   * full amount. Then the callbacks go out on the schedule.
   */
  pay(hash: string, cryptoAmount?: string): FakePayment {
    const p = this.payment(hash)
    if (p.paymentType === "DEPOSIT") {
      const amount = cryptoAmount ?? "0.001"
      p.cryptoAmount = amount
      p.fiatAmount = this.fiatValue(p.cryptoCurrency, amount, p.fiatCurrency)
    }
    p.isPaid = true
    this.schedule(p)
    return p
  }

  /** The payment's time ran out unpaid: the processor reports it once more, unpaid. */
  expire(hash: string): FakePayment {
    const p = this.payment(hash)
    p.expireDatetime = Date.now() - 1
    this.schedule(p)
    return p
  }

  /**
   * Posts callbacks for a payment now, as given: `copies` of the current body (or `body`), signed with
   * the payment's secret unless `signature` is given, all at once. Returns the HTTP statuses.
   */
  async deliver(hash: string, options: { readonly copies?: number; readonly body?: string; readonly signature?: string } = {}) {
    const p = this.payment(hash)
    const body = options.body ?? this.body(p)
    const signature = options.signature ?? (p.callbackSecret === null ? undefined : sign(p.callbackSecret, body))
    return Promise.all(Array.from({ length: options.copies ?? 1 }, () => this.post(p.callbackUrl, body, signature)))
  }

  /** Waits until every scheduled callback has been sent. */
  async settled(): Promise<void> {
    while (this.timers.size > 0) await new Promise((r) => setTimeout(r, 10))
  }

  private payment(hash: string): FakePayment {
    const p = this.payments.get(hash)
    if (p === undefined) throw new Error(`the fake has no payment ${hash}`)
    return p
  }

  private fiatValue(currency: string, cryptoText: string, fiat: string): string {
    const digits = fiatDigits[fiat as keyof typeof fiatDigits] ?? 2
    const units = unitsOf(cryptoText, SHOWN)! * unitsOf(this.prices[currency] ?? "0", PRICE_DIGITS)!
    return decimalOf(units / 10n ** BigInt(SHOWN + PRICE_DIGITS - digits), digits)
  }

  private cryptoFor(currency: string, fiatText: string, fiat: string): string | null {
    const digits = fiatDigits[fiat as keyof typeof fiatDigits] ?? 2
    const fiatUnits = unitsOf(fiatText, digits)
    const price = unitsOf(this.prices[currency] ?? "0", PRICE_DIGITS)
    if (fiatUnits === null || price === null || price === 0n) return null
    // rounded up to the shown digits: the buyer pays at least the fiat amount
    const n = fiatUnits * 10n ** BigInt(SHOWN + PRICE_DIGITS - digits)
    return decimalOf((n + price - 1n) / price, SHOWN)
  }

  private schedule(p: FakePayment) {
    const body = this.body(p)
    const signature = p.callbackSecret === null ? undefined : sign(p.callbackSecret, body)
    let done = false
    callbackSchedule.forEach((seconds, i) => {
      const delay = (this.concurrent ? 0 : seconds * 1000 * this.timeScale) + Math.random() * this.jitterMs
      const timer = setTimeout(async () => {
        try {
          if (done && !this.duplicates) return
          const status = await this.post(p.callbackUrl, body, signature)
          this.callbacks.push({ hash: p.hash, attempt: i + 1, isPaid: p.isPaid, status })
          if (typeof status === "number" && status >= 200 && status < 300) done = true
        } finally {
          this.timers.delete(timer)
        }
      }, delay)
      this.timers.add(timer)
    })
  }

  private async post(url: string, body: string, signature: string | undefined): Promise<number | "error"> {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(signature === undefined ? {} : { "x-signature": signature }) },
        body,
        signal: AbortSignal.timeout(10_000)
      })
      await response.arrayBuffer()
      return response.status
    } catch {
      return "error"
    }
  }

  private send(res: ServerResponse, status: number, value: unknown) {
    res.writeHead(status, { "content-type": "application/json" })
    res.end(typeof value === "string" ? value : toJson(value))
  }

  private async route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake")
    const path = url.pathname.replace(/^\/api/, "")
    const open = req.method === "GET" && path === "/payment"
    if (!open && req.headers["x-api-key"] !== this.apiKey) return this.send(res, 401, { message: "invalid API key" })
    this.requests++
    const fault = this.faults.shift()
    if (fault === "500") return this.send(res, 500, { message: "internal error" })
    if (fault === "hang") return void this.hung.add(res)
    if (fault === "malformed") return this.send(res, 200, "{\"id\": 1, \"paymentType\": ")
    const body = req.method === "POST" ? parseJson(await readBody(req)) : undefined
    if (body !== undefined && body._tag === "Left") return this.send(res, 400, { message: "malformed JSON" })
    const input = (body?._tag === "Right" ? body.right : {}) as Record<string, unknown>
    const text = (v: unknown) => (v instanceof JsonNumber ? v.text : typeof v === "string" ? v : undefined)

    if (req.method === "POST" && path === "/payment") {
      const currency = String(input["cryptoCurrency"])
      const type = input["paymentType"]
      if (!(processorAssets as ReadonlyArray<string>).includes(currency)) return this.send(res, 400, { message: "unsupported cryptocurrency" })
      if (typeof input["fiatCurrency"] !== "string" || !(input["fiatCurrency"] in fiatDigits)) return this.send(res, 400, { message: "unsupported fiat currency" })
      if (type !== "DEPOSIT" && type !== "PAYMENT") return this.send(res, 400, { message: "unknown payment type" })
      if (typeof input["callbackUrl"] !== "string") return this.send(res, 400, { message: "callbackUrl is required" })
      const fiatText = text(input["fiatAmount"])
      if (type === "PAYMENT" && fiatText === undefined) return this.send(res, 400, { message: "fiatAmount is required for PAYMENT" })
      const fiatCurrency = input["fiatCurrency"]
      const cryptoAmount = type === "PAYMENT" ? this.cryptoFor(currency, fiatText!, fiatCurrency) : null
      if (type === "PAYMENT" && cryptoAmount === null) return this.send(res, 400, { message: "invalid fiatAmount" })
      const id = ++this.nextId
      const now = Date.now()
      const p: FakePayment = {
        id,
        hash: randomBytes(32).toString("hex"),
        paymentType: type,
        fiatCurrency,
        fiatAmount: type === "PAYMENT" ? fiatText! : null,
        cryptoAmount,
        cryptoCurrency: currency,
        expireDatetime: now + this.paymentMinutes * 60_000,
        createDatetime: now,
        address: fakeAddress(currency, id),
        isPaid: false,
        isWithdrawn: false,
        callbackUrl: input["callbackUrl"],
        callbackSecret: typeof input["callbackSecret"] === "string" ? input["callbackSecret"] : null
      }
      this.payments.set(p.hash, p)
      return this.send(res, 200, this.body(p))
    }
    if (req.method === "GET" && path === "/payment") {
      const p = this.payments.get(url.searchParams.get("hash") ?? "")
      return p === undefined ? this.send(res, 404, { message: "payment not found" }) : this.send(res, 200, this.body(p))
    }
    if (req.method === "GET" && path === "/wallet") {
      const held: Record<string, JsonNumber> = {}
      for (const currency of processorAssets) held[currency] = new JsonNumber(decimalOf(this.held(currency), SHOWN))
      return this.send(res, 200, held)
    }
    if (req.method === "POST" && path === "/wallet/withdrawal") return this.withdraw(res, input, text)
    if (req.method === "GET" && path === "/cryptocurrency") return this.send(res, 200, natives)
    if (req.method === "GET" && path === "/cryptocurrency/all") return this.send(res, 200, processorAssets)
    if (req.method === "GET" && path === "/cryptocurrency/stable") return this.send(res, 200, stables)
    if (req.method === "GET" && path === "/cryptocurrency/price") {
      const fiat = url.searchParams.get("fiatCurrency") ?? "USD"
      const list = (url.searchParams.get("cryptoCurrency") ?? "").split(",").filter((c) => c in this.prices)
      return this.send(res, 200, list.map((c) => ({ cryptoCurrency: c, fiatCurrency: fiat, price: new JsonNumber(this.prices[c]!) })))
    }
    return this.send(res, 404, { message: "not found" })
  }

  /** Paid, not yet withdrawn, in units of 10^-8. */
  private held(currency: string, only?: FakePayment): bigint {
    let sum = 0n
    for (const p of only === undefined ? this.payments.values() : [only]) {
      if (p.cryptoCurrency === currency && p.isPaid && !p.isWithdrawn) sum += unitsOf(p.cryptoAmount ?? "0", SHOWN) ?? 0n
    }
    return sum
  }

  private withdraw(res: ServerResponse, input: Record<string, unknown>, text: (v: unknown) => string | undefined) {
    const currency = String(input["cryptoCurrency"])
    const type = input["withdrawType"]
    if (!(processorAssets as ReadonlyArray<string>).includes(currency)) return this.send(res, 400, { message: "unsupported cryptocurrency" })
    if (typeof input["toAddress"] !== "string" || input["toAddress"] === "") return this.send(res, 400, { message: "toAddress is required" })
    let single: FakePayment | undefined
    if (type === "SINGLE") {
      const id = Number(text(input["paymentId"]))
      single = [...this.payments.values()].find((p) => p.id === id)
      if (single === undefined || single.cryptoCurrency !== currency) return this.send(res, 400, { message: "payment not found" })
    } else if (type !== "ALL") return this.send(res, 400, { message: "unknown withdraw type" })
    const total = this.held(currency, single)
    const networkFee = 1000n // 0.00001 of a coin
    const serviceFee = total / 100n
    if (total <= networkFee + serviceFee) return this.send(res, 400, { message: "Nothing to withdraw" })
    const onlyCalculate = input["onlyCalculate"] === true
    const txIds = onlyCalculate ? [] : [randomBytes(32).toString("hex")]
    if (!onlyCalculate) {
      for (const p of single === undefined ? this.payments.values() : [single]) {
        if (p.cryptoCurrency === currency && p.isPaid) p.isWithdrawn = true
      }
    }
    this.withdrawals.push({ type: String(type), currency, toAddress: input["toAddress"], onlyCalculate, txIds })
    const n = (units: bigint) => new JsonNumber(decimalOf(units, SHOWN))
    return this.send(res, 200, {
      id: new JsonNumber(String(this.withdrawals.length)),
      withdrawType: type,
      cryptoCurrency: currency,
      toAddress: input["toAddress"],
      txIdList: txIds,
      receivingAmount: n(total - networkFee - serviceFee),
      blockchainFeeAmount: n(networkFee),
      serviceFeeAmount: n(serviceFee),
      onlyCalculate,
      totalWithdrawalAmount: n(total),
      createDatetime: new JsonNumber(String(Date.now()))
    })
  }
}
