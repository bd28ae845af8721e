/**
 * Forwarding through a ForwardingRunner (the running bot's durable workflow): a credit starts the
 * runner, a repeated report starts it again, the runner's `Settlement.forward` sends once, and the
 * sweep (`forwardMissed`) starts it again for payments already paid.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { crypto, ForwardingRunner, type PaymentId, type PaymentObservation, Payments, Settlement, WithdrawalRepo } from "../src/index.js"
import { ShopMemory, WalletControl } from "../src/testing/memory.js"
import { buyer, usd } from "./support.js"

const paid = (cents: bigint, units: bigint): PaymentObservation => ({ paid: true, expired: false, amount: crypto(units, "BTC"), fiat: usd(cents) })

describe("forwarding through a ForwardingRunner (durable work in the running bot)", () => {
  const started: Array<PaymentId> = []
  const runner = Layer.succeed(ForwardingRunner, ForwardingRunner.of({ start: (id) => Effect.sync(() => void started.push(id)) }))
  const BTC_OUT = "bc1qxquy5w247rw0natp4ts4nz9agm4s9z24p0tl7u"

  it.live("a credit starts the runner, a repeated report starts it again, and forward sends once", () =>
    Effect.gen(function*() {
      const user = yield* buyer()
      const payments = yield* Payments
      const settlement = yield* Settlement
      const wallet = yield* WalletControl
      yield* wallet.fund("BTC", 100_000n)
      const payment = yield* payments.open(user, "BTC", null)
      yield* settlement.forward(payment.id) // not credited yet: nothing
      yield* settlement.apply(payment, paid(100n, 1000n))
      yield* settlement.apply(payment, paid(100n, 1000n)) // the processor repeats its report
      expect(started).toEqual([payment.id, payment.id])
      yield* Effect.sleep("50 millis")
      expect(yield* wallet.sent).toHaveLength(0) // the runner forwards, not the callback
      yield* Effect.all([settlement.forward(payment.id), settlement.forward(payment.id)], { concurrency: 2 })
      yield* settlement.forward(payment.id)
      expect(yield* wallet.sent).toHaveLength(1)
      expect((yield* (yield* WithdrawalRepo).list({ offset: 0, limit: 10 })).items.map((w) => w.admin)).toEqual(["forwarding"])
    }).pipe(Effect.provide(ShopMemory({ forwarding: { BTC: BTC_OUT } }).pipe(Layer.provide(runner)))))

  it.live("forwardMissed starts the runner again for payments paid since then with a forwarding address", () =>
    Effect.gen(function*() {
      const user = yield* buyer()
      const payments = yield* Payments
      const settlement = yield* Settlement
      const btc = yield* payments.open(user, "BTC", null)
      const eth = yield* payments.open(user, "ETH", null)
      yield* payments.open(user, "BTC", null) // never paid
      const since = new Date()
      yield* settlement.apply(btc, paid(100n, 1000n))
      yield* settlement.apply(eth, { ...paid(100n, 1000n), amount: crypto(10n ** 15n, "ETH") })
      started.length = 0
      expect(yield* settlement.forwardMissed(since)).toBe(1) // ETH has no forwarding address
      expect(started).toEqual([btc.id])
      expect(yield* settlement.forwardMissed(new Date(Date.now() + 60_000))).toBe(0)
    }).pipe(Effect.provide(ShopMemory({ forwarding: { BTC: BTC_OUT } }).pipe(Layer.provide(runner)))))

  it.live("no forwarding address: the runner is not started", () =>
    Effect.gen(function*() {
      started.length = 0
      const payment = yield* (yield* Payments).open(yield* buyer(), "BTC", null)
      yield* (yield* Settlement).apply(payment, paid(100n, 1000n))
      expect(started).toEqual([])
    }).pipe(Effect.provide(ShopMemory().pipe(Layer.provide(runner)))))
})
