import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { paymentGatewayContract, walletProcessorContract } from "@tokenshop/domain/testing"
import { PriceSource } from "@tokenshop/domain"
import * as BigDecimal from "effect/BigDecimal"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { KryptoExpress, KryptoExpressLayer } from "../src/Client.js"
import { FakeKryptoExpress } from "../src/testing/FakeKryptoExpress.js"
import { kryptoLayer } from "./support.js"

const fake = new FakeKryptoExpress()
beforeAll(() => fake.start())
afterAll(() => fake.stop())

const client = (apiKey = fake.apiKey, timeout: Duration.DurationInput = "1 second") =>
  KryptoExpressLayer({ baseUrl: fake.url, apiKey: Redacted.make(apiKey), timeout }).pipe(Layer.provide(FetchHttpClient.layer))
const run = <A, E>(effect: Effect.Effect<A, E, KryptoExpress>, apiKey?: string, timeout?: Duration.DurationInput) =>
  Effect.runPromise(Effect.either(effect).pipe(Effect.provide(client(apiKey, timeout))))
const create = Effect.flatMap(KryptoExpress, (k) =>
  k.createPayment({ paymentType: "PAYMENT", fiatCurrency: "USD", cryptoCurrency: "BTC", callbackUrl: "http://127.0.0.1:1/cb", callbackSecret: "s", fiatAmount: "12.00" }))

describe("KryptoExpress client", () => {
  it("creates and reads payments with exact amounts", async () => {
    const created = await run(create)
    expect(created._tag).toBe("Right")
    if (created._tag !== "Right") return
    expect(created.right).toMatchObject({ paymentType: "PAYMENT", fiatAmount: "12.00", cryptoAmount: "0.00020000", isPaid: false })
    const read = await run(Effect.flatMap(KryptoExpress, (k) => k.getPayment(created.right.hash)))
    expect(read._tag === "Right" && read.right.id).toBe(created.right.id)
  })

  it("a wrong key, a 500, a hang and a malformed answer each become a typed error", async () => {
    const denied = await run(create, "wrong-key")
    expect(denied._tag === "Left" && denied.left).toMatchObject({ kind: "status", status: 401, refused: true })

    const before = fake.requests
    fake.faults.push("500")
    const failed = await run(create)
    expect(failed._tag === "Left" && failed.left).toMatchObject({ kind: "status", status: 500 })
    expect(fake.requests - before).toBe(1) // creating a payment is never retried

    fake.faults.push("hang")
    const hung = await run(create, undefined, "300 millis")
    expect(hung._tag === "Left" && hung.left.kind).toBe("timeout")

    fake.faults.push("malformed")
    const malformed = await run(create)
    expect(malformed._tag === "Left" && malformed.left.kind).toBe("decode")
  })

  it("reads that change nothing are retried after a 500 or a malformed answer", async () => {
    fake.faults.push("500", "500")
    const wallet = await run(Effect.flatMap(KryptoExpress, (k) => k.wallet))
    expect(wallet._tag).toBe("Right")
    const prices = await run(Effect.flatMap(KryptoExpress, (k) => k.prices(["BTC", "ETH"], "EUR")))
    expect(prices._tag === "Right" && prices.right).toEqual([
      { cryptoCurrency: "BTC", fiatCurrency: "EUR", price: "60000" },
      { cryptoCurrency: "ETH", fiatCurrency: "EUR", price: "3000" }
    ])
    const stable = await run(Effect.flatMap(KryptoExpress, (k) => k.currencies("stable")))
    expect(stable._tag === "Right" && stable.right).toContain("USDT_ERC20")
  })

  it("a refused connection is a transport error, not a crash", async () => {
    const dead = KryptoExpressLayer({ baseUrl: "http://127.0.0.1:9/api", apiKey: Redacted.make("k"), timeout: "1 second" }).pipe(Layer.provide(FetchHttpClient.layer))
    const result = await Effect.runPromise(Effect.either(Effect.flatMap(KryptoExpress, (k) => k.wallet)).pipe(Effect.provide(dead)))
    expect(result._tag === "Left" && result.left.kind).toBe("transport")
  })

  it("an endless answer without a length is cut off after 1 MiB, not read whole", async () => {
    let written = 0
    let closed = false
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" })
      const block = Buffer.alloc(64 * 1024, 0x20)
      const pump = () => {
        while (!closed && written < 64 * 1024 * 1024 && res.write(block)) written += block.length
        if (!closed && written < 64 * 1024 * 1024) res.once("drain", pump)
        else res.end()
      }
      res.on("close", () => (closed = true))
      pump()
    })
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`
    const endless = KryptoExpressLayer({ baseUrl: url, apiKey: Redacted.make("k"), timeout: "10 seconds" }).pipe(Layer.provide(FetchHttpClient.layer))
    const result = await Effect.runPromise(Effect.either(Effect.flatMap(KryptoExpress, (k) => k.getPayment("h"))).pipe(Effect.provide(endless)))
    server.closeAllConnections()
    await new Promise<void>((r) => server.close(() => r()))
    expect(result._tag === "Left" && result.left).toMatchObject({ kind: "decode" })
    expect(result._tag === "Left" && result.left.detail).toContain("larger than 1048576 bytes")
    // the reader stopped early: the server never got to write its 64 MiB (getPayment is tried three times)
    expect(written).toBeLessThan(32 * 1024 * 1024)
  })
})

describe("KryptoExpress as the shop's price source", () => {
  it("answers exact rates and caches them briefly; failures are not cached", async () => {
    const layer = kryptoLayer(fake, "http://127.0.0.1:1/cb")
    await Effect.runPromise(Effect.gen(function*() {
      const prices = yield* PriceSource
      const before = fake.requests
      const r1 = yield* prices.rate("BTC", "USD")
      yield* prices.rate("BTC", "USD")
      expect(BigDecimal.format(r1.price)).toBe("60000")
      expect(fake.requests - before).toBe(1)
      fake.faults.push("500", "500", "500")
      const failed = yield* Effect.flip(prices.rate("ETH", "USD"))
      expect(failed._tag).toBe("ServiceUnavailable")
      expect(BigDecimal.format((yield* prices.rate("ETH", "USD")).price)).toBe("3000")
    }).pipe(Effect.provide(layer)))
  })
})

// The domain's port contracts, against the real client and the fake processor.
// (built lazily: the fake's port is known only once it started)
paymentGatewayContract("KryptoExpress (fake)", Layer.unwrapEffect(Effect.sync(() => kryptoLayer(fake, "http://127.0.0.1:1/cb"))))
const funded = Layer.unwrapEffect(Effect.promise(async () => {
  const res = await fetch(`${fake.url}/payment`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": fake.apiKey },
    body: JSON.stringify({ fiatCurrency: "USD", paymentType: "DEPOSIT", cryptoCurrency: "LTC", callbackUrl: "http://127.0.0.1:1/cb" })
  })
  fake.pay(((await res.json()) as { hash: string }).hash, "3.5")
  return kryptoLayer(fake, "http://127.0.0.1:1/cb")
}))
walletProcessorContract("KryptoExpress (fake)", funded, {
  asset: "LTC",
  destination: "ltc1qh7zzth73czm9mhw3a6d6uss6slyywlzy1cxlnu",
  scope: { kind: "all" }
})
