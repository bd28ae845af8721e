import { Ledger, PaymentRepo, Payments, Settlement, TelegramId, Users, WithdrawalRepo } from "@tokenshop/domain"
import { EventLog } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import { afterEach, describe, expect, it } from "vitest"
import * as Redacted from "effect/Redacted"
import { handleCallback } from "../src/Callback.js"
import { CallbackKey, callbackSecret } from "../src/CallbackKey.js"
import { sign } from "../src/Signature.js"
import { startHarness, testCallbackKey } from "./support.js"

let harness: Awaited<ReturnType<typeof startHarness>> | undefined
afterEach(async () => {
  await harness?.stop()
  harness = undefined
})

const user = TelegramId.make(42)
const setup = async (settings: Parameters<typeof startHarness>[0] = {}) => {
  harness = await startHarness(settings)
  const run = <A, E>(effect: Effect.Effect<A, E, any>) => harness!.runtime.runPromise(effect) as Promise<A>
  await run(Effect.flatMap(Users, (u) => u.register({ id: user, username: "buyer", language: "en" })))
  return { ...harness, run }
}
const available = (run: (e: Effect.Effect<any, any, any>) => Promise<any>): Promise<bigint> =>
  run(Effect.flatMap(Ledger, (l) => l.balance(user)).pipe(Effect.map((b) => b.available.amount))) as Promise<bigint>

describe("KryptoExpress callbacks", () => {
  it("a DEPOSIT paid once is credited once though all five callbacks arrive at the same moment", async () => {
    const { fake, run } = await setup()
    const payment = await run(Effect.flatMap(Payments, (p) => p.open(user, "BTC", null)))
    expect(payment).toMatchObject({ provider: "kryptoexpress", status: "pending", cryptoAmount: null })
    fake.duplicates = true
    fake.concurrent = true
    fake.pay(payment.externalId!, "0.00018486")
    await fake.settled()
    expect(fake.callbacks.map((c) => c.status)).toEqual([200, 200, 200, 200, 200])
    expect(await available(run)).toBe(1109n) // 0.00018486 BTC at 60,000 USD = 11.0916 USD, cut to 11.09
    expect(await run(Effect.flatMap(EventLog, (l) => l.ofTag("DepositCredited")))).toHaveLength(1)
    expect((await run(Effect.flatMap(Payments, (p) => p.get(user, payment.id)))).status).toBe("paid")
  })

  it("paid and expired events of several payments, overtaking each other, credit each paid one once", async () => {
    const { fake, run } = await setup()
    const open = (asset: "BTC" | "LTC" | "SOL") => run(Effect.flatMap(Payments, (p) => p.open(user, asset, null)))
    const [a, b, c] = [await open("BTC"), await open("LTC"), await open("SOL")]
    fake.duplicates = true
    fake.concurrent = true
    fake.jitterMs = 40
    fake.pay(a.externalId!, "0.0001") // 6.00
    fake.expire(b.externalId!)
    fake.pay(c.externalId!, "0.1") // 15.00
    fake.expire(a.externalId!) // five more events for the paid payment, now past its time: nothing more
    await fake.settled()
    expect(fake.callbacks).toHaveLength(20)
    expect(await available(run)).toBe(600n + 1500n)
    const status = async (id: typeof a.id) => (await run(Effect.flatMap(Payments, (p) => p.get(user, id)))).status
    expect([await status(a.id), await status(b.id), await status(c.id)]).toEqual(["paid", "expired", "paid"])
  })

  it("a PAYMENT for a fiat amount is credited that amount, on the documented schedule", async () => {
    const { fake, run } = await setup()
    const payment = await run(Effect.flatMap(Payments, (p) => p.open(user, "USDT_ERC20", { amount: 2550n, currency: "USD" })))
    expect(payment.cryptoAmount).toEqual({ units: 25_500_000n, asset: "USDT_ERC20" })
    fake.duplicates = true
    fake.pay(payment.externalId!)
    await fake.settled()
    expect(fake.callbacks.map((c) => c.attempt)).toEqual([1, 2, 3, 4, 5])
    expect(await available(run)).toBe(2550n)
  })

  it("forgeries change nothing: bad signature, another payment's secret, wrong content type, oversized, malformed", async () => {
    const { fake, run, callbackUrl } = await setup()
    const a = await run(Effect.flatMap(Payments, (p) => p.open(user, "BTC", null)))
    const b = await run(Effect.flatMap(Payments, (p) => p.open(user, "LTC", null)))
    const pa = fake.payments.get(a.externalId!)!
    pa.isPaid = true
    pa.cryptoAmount = "0.01"
    pa.fiatAmount = "600.0"
    const body = fake.body(pa)
    expect(await fake.deliver(pa.hash, { signature: "0".repeat(128) })).toEqual([403])
    expect(await fake.deliver(pa.hash, { signature: sign(fake.payments.get(b.externalId!)!.callbackSecret!, body) })).toEqual([403])
    expect(await fake.deliver(pa.hash, { signature: "" })).toEqual([403])
    const post = (init: RequestInit, url = pa.callbackUrl) => fetch(url, { method: "POST", ...init }).then((r) => r.status)
    expect(await post({ body, headers: { "content-type": "text/plain", "x-signature": sign(pa.callbackSecret!, body) } })).toBe(415)
    expect(await post({ body: `${body}${" ".repeat(70_000)}`, headers: { "content-type": "application/json" } })).toBe(413)
    // unsigned: refused before it is even parsed; signed by the processor but malformed: 400
    expect(await post({ body: "{\"id\":", headers: { "content-type": "application/json" } })).toBe(403)
    expect(await post({ body: "{\"id\":", headers: { "content-type": "application/json", "x-signature": sign(pa.callbackSecret!, "{\"id\":") } })).toBe(400)
    expect(await post({ body: "{\"id\":1}", headers: { "content-type": "application/json", "x-signature": sign(pa.callbackSecret!, "{\"id\":1}") } })).toBe(400)
    const unknown = body.replace(pa.hash, "f".repeat(64))
    // signed with the secret of this URL's reference, but naming no payment of ours: authentic, unknown
    expect(await post({ body: unknown, headers: { "content-type": "application/json", "x-signature": sign(pa.callbackSecret!, unknown) } })).toBe(404)
    // the same body on the bare path (payments opened before references), or on another reference: refused alike
    expect(await post({ body, headers: { "content-type": "application/json", "x-signature": sign(pa.callbackSecret!, body) } }, callbackUrl)).toBe(403)
    expect(await post({ body, headers: { "content-type": "application/json", "x-signature": sign(pa.callbackSecret!, body) } }, fake.payments.get(b.externalId!)!.callbackUrl)).toBe(403)
    expect(await available(run)).toBe(0n)
    // the genuine callback still works afterwards
    expect(await fake.deliver(pa.hash, { copies: 3 })).toEqual([200, 200, 200])
    expect(await available(run)).toBe(60000n)
  })

  it("no secret is stored: each payment's comes from the master key and the reference ending its callback URL", async () => {
    const { callbackUrl, fake, run } = await setup()
    const a = await run(Effect.flatMap(Payments, (p) => p.open(user, "BTC", null)))
    expect(a.secret).toBeNull()
    const sent = fake.payments.get(a.externalId!)!
    const reference = sent.callbackUrl.slice(callbackUrl.length + 1)
    expect(reference).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expect(sent.callbackSecret).toBe(callbackSecret(testCallbackKey, reference))
  })

  it("a forgery is refused before any look-up: no payment service is asked, and a bad reference is refused the same way", async () => {
    const untouchable = new Proxy({}, { get: () => { throw new Error("looked up") } })
    const call = (reference: string, signature: string | undefined) =>
      Effect.runPromise(handleCallback({ reference, body: new TextEncoder().encode("{\"id\":1}"), contentType: "application/json", signature }).pipe(
        Effect.provideService(Payments, untouchable as never),
        Effect.provideService(Settlement, untouchable as never),
        Effect.provideService(CallbackKey, testCallbackKey)
      ))
    const reference = "A".repeat(24)
    for (const [ref, signature] of [[reference, undefined], [reference, "0".repeat(128)], [reference, sign("guess", "{\"id\":1}")], ["../etc", "0".repeat(128)], ["", undefined]] as const) {
      expect(await call(ref, signature)).toEqual({ status: 403, text: "refused" })
    }
  })

  it("payments opened with a stored secret keep it until they settle; on their path unknown and forged look the same", async () => {
    const { callbackUrl, run } = await setup()
    const secret = "a stored secret of an older payment"
    const old = await run(Effect.flatMap(PaymentRepo, (r) => r.create({
      user, asset: "BTC", address: "bc1q-old", fiatAmount: null, cryptoAmount: null, provider: "kryptoexpress", externalId: "e".repeat(64),
      secret: Redacted.make(secret), createdAt: new Date(), expiresAt: new Date(Date.now() + 3_600_000)
    }, 10)))
    const event = (hash: string) => JSON.stringify({
      id: 9, paymentType: "DEPOSIT", fiatCurrency: "USD", fiatAmount: 30, cryptoAmount: 0.0005, cryptoCurrency: "BTC", expireDatetime: Date.now() + 60_000,
      createDatetime: Date.now(), address: "bc1q-old", isPaid: true, isWithdrawn: false, hash
    })
    const post = (body: string, signature: string) =>
      fetch(callbackUrl, { method: "POST", body, headers: { "content-type": "application/json", "x-signature": signature } }).then(async (r) => `${r.status} ${await r.text()}`)
    const unknown = event("d".repeat(64))
    expect(await post(unknown, sign(secret, unknown))).toBe("403 refused")
    const known = event(old.externalId!) // built once: it carries the current time, and the signature covers its exact bytes
    expect(await post(known, sign("wrong", known))).toBe("403 refused")
    expect(await post(known, sign(secret, known))).toBe("200 credited")
    expect(await available(run)).toBe(3000n)
  })

  it("an unpaid event replayed after the paid one changes nothing; an unpaid event after expiry expires and tells", async () => {
    const { fake, run } = await setup()
    const a = await run(Effect.flatMap(Payments, (p) => p.open(user, "BTC", null)))
    const unpaidBody = fake.body(fake.payments.get(a.externalId!)!)
    const unpaidSig = sign(fake.payments.get(a.externalId!)!.callbackSecret!, unpaidBody)
    fake.pay(a.externalId!, "0.001")
    await fake.settled()
    expect(await available(run)).toBe(6000n)
    expect(await fake.deliver(a.externalId!, { body: unpaidBody, signature: unpaidSig })).toEqual([200])
    expect((await run(Effect.flatMap(Payments, (p) => p.get(user, a.id)))).status).toBe("paid")

    const b = await run(Effect.flatMap(Payments, (p) => p.open(user, "LTC", null)))
    fake.expire(b.externalId!)
    await fake.settled()
    expect((await run(Effect.flatMap(Payments, (p) => p.get(user, b.id)))).status).toBe("expired")
    expect(await run(Effect.flatMap(EventLog, (l) => l.ofTag("PaymentExpired")))).toHaveLength(1)
    // paid late, after the local expiry: still credited
    fake.payments.get(b.externalId!)!.expireDatetime = Date.now() + 60_000
    fake.pay(b.externalId!, "1")
    await fake.settled()
    expect(await available(run)).toBe(6000n + 8000n)
  })

  it("a paid invoice is valued from the crypto that arrived: a fiat echo a fraction off changes nothing, a shortfall is credited and told, another asset is refused", async () => {
    const { fake, run } = await setup()
    const open = () => run(Effect.flatMap(Payments, (p) => p.open(user, "USDT_SOL", { amount: 1000n, currency: "USD" })))
    const exact = fake.payments.get((await open()).externalId!)!
    exact.isPaid = true
    exact.fiatAmount = "9.999" // the processor's own rounding: ignored, the 10 USDT asked arrived
    expect(await fake.deliver(exact.hash)).toEqual([200])
    expect(await available(run)).toBe(1000n)
    const short = fake.payments.get((await open()).externalId!)!
    short.isPaid = true
    short.cryptoAmount = (Number(short.cryptoAmount) * 0.9).toFixed(6) // test data, not money
    expect(await fake.deliver(short.hash)).toEqual([200])
    expect(await available(run)).toBe(1900n)
    expect(await run(Effect.flatMap(EventLog, (l) => l.ofTag("PaymentUnderpaid")))).toHaveLength(1)
    const other = fake.payments.get((await open()).externalId!)!
    other.isPaid = true
    ;(other as { cryptoCurrency: string }).cryptoCurrency = "USDC_SOL"
    expect(await fake.deliver(other.hash)).toEqual([200])
    expect(await available(run)).toBe(1900n)
    expect(await run(Effect.flatMap(EventLog, (l) => l.ofTag("PaymentMismatched")))).toHaveLength(1)
  })

  it("forwarding: a credited payment is withdrawn SINGLE to the configured address, once", async () => {
    const { fake, run } = await setup({ forwarding: { LTC: "ltc1qh7zzth73czm9mhw3a6d6uss6slyywlzy2cxlnu" } })
    const a = await run(Effect.flatMap(Payments, (p) => p.open(user, "LTC", null)))
    fake.duplicates = true
    fake.concurrent = true
    fake.pay(a.externalId!, "2.5")
    await fake.settled()
    const list = await run(Effect.flatMap(WithdrawalRepo, (r) => r.list({ offset: 0, limit: 10 })).pipe(
      Effect.repeat({ until: (p) => p.items.length > 0 }), Effect.timeout("3 seconds")))
    expect(list.items).toHaveLength(1)
    expect(list.items[0]).toMatchObject({ admin: "forwarding", asset: "LTC", destination: "ltc1qh7zzth73czm9mhw3a6d6uss6slyywlzy2cxlnu" })
    expect(fake.withdrawals.filter((w) => !w.onlyCalculate)).toEqual([expect.objectContaining({ type: "SINGLE", currency: "LTC" })])
    expect(fake.payments.get(a.externalId!)!.isWithdrawn).toBe(true)
  })
})
