/**
 * The processor's status answer (the gateway's `check`, which `resolve` and the expiry sweep use) is
 * taken only when it is for the payment asked about, as a callback is: same hash, address, type and
 * currency. An answer for another payment changes nothing and says what differs.
 */
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { PaymentGateway, type PaymentRequest, PaymentId, TelegramId } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { FakeKryptoExpress } from "../src/testing/FakeKryptoExpress.js"
import { kryptoLayer } from "./support.js"

const fake = new FakeKryptoExpress()
/** A processor that answers every status question with one fixed payment, whatever was asked. */
let other = ""
const liar = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json" })
  res.end(other)
})
let liarUrl = ""
beforeAll(async () => {
  await fake.start()
  await new Promise<void>((r) => liar.listen(0, "127.0.0.1", () => r()))
  liarUrl = `http://127.0.0.1:${(liar.address() as AddressInfo).port}`
})
afterAll(async () => {
  await fake.stop()
  await new Promise<void>((r) => liar.close(() => r()))
})

const gateway = (url?: string) => {
  const layer = kryptoLayer(url === undefined ? fake : { url, apiKey: fake.apiKey } as FakeKryptoExpress, "http://127.0.0.1:1/cb")
  return <A, E>(f: (g: PaymentGateway["Type"]) => Effect.Effect<A, E>) => Effect.runPromise(Effect.either(Effect.flatMap(PaymentGateway, f)).pipe(Effect.provide(layer)))
}

describe("the processor's status answer", () => {
  it("is taken for the payment asked about, and refused for another hash, address, type or currency", async () => {
    const run = gateway()
    const opened = await run((g) => g.open({ user: TelegramId.make(5), asset: "BTC", fiatAmount: { amount: 1200n, currency: "USD" } }))
    if (opened._tag !== "Right") throw new Error(String(opened.left))
    const payment: PaymentRequest = {
      id: PaymentId.make(1), user: TelegramId.make(5), asset: "BTC", address: opened.right.address, fiatAmount: { amount: 1200n, currency: "USD" },
      cryptoAmount: opened.right.cryptoAmount, status: "pending", provider: opened.right.provider, externalId: opened.right.externalId, secret: null,
      createdAt: new Date(), expiresAt: opened.right.expiresAt ?? new Date(Date.now() + 600_000), settledAt: null
    }
    expect((await run((g) => g.check(payment)))._tag).toBe("Right")
    const refusals = await Promise.all([
      { ...payment, address: "bc1qsomeoneelse" },
      { ...payment, fiatAmount: null },
      { ...payment, asset: "LTC" as const }
    ].map((p) => run((g) => g.check(p))))
    expect(refusals.map((r) => r._tag === "Left" ? r.left.message : "taken")).toEqual([
      "the payments service is unavailable, try again later",
      "the payments service is unavailable, try again later",
      "the payments service is unavailable, try again later"
    ])
    expect(refusals.map((r) => r._tag === "Left" && "detail" in r.left ? r.left.detail : "")).toEqual([
      "the processor's status answer is for another payment (address differ): nothing changed",
      "the processor's status answer is for another payment (type differ): nothing changed",
      "the processor's status answer is for another payment (currency differ): nothing changed"
    ])

    // A processor that answers with another payment's record altogether.
    other = JSON.stringify({
      id: 99, paymentType: "PAYMENT", fiatCurrency: "USD", fiatAmount: 12, cryptoAmount: 0.0002, cryptoCurrency: "BTC",
      expireDatetime: Date.now() + 600_000, address: payment.address, isPaid: true, hash: "ab".repeat(32)
    })
    const lied = await gateway(liarUrl)((g) => g.check(payment))
    expect(lied._tag === "Left" && "detail" in lied.left ? lied.left.detail : "taken").toBe("the processor's status answer is for another payment (hash differ): nothing changed")
  })
})
