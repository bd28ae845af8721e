/** Top-ups: the limit on open requests, bad requests, and each payment credited once whatever its source. */
import { describe, expect, it } from "@effect/vitest"
import * as BigDecimal from "effect/BigDecimal"
import * as Effect from "effect/Effect"
import * as TestClock from "effect/TestClock"
import { crypto, Ledger, PaymentId, Payments, rate, TelegramId } from "../src/index.js"
import { EventLog, GatewayControl, ShopMemory } from "../src/testing/memory.js"
import { buyer, shop, usd } from "./support.js"

describe("payments", () => {
  it.effect("at most five pending top-ups; expired ones free a slot", () =>
    Effect.gen(function*() {
      const user = yield* buyer()
      const payments = yield* Payments
      for (let i = 0; i < 5; i++) yield* payments.open(user, "BTC", null)
      expect(yield* Effect.flip(payments.open(user, "LTC", null))).toMatchObject({ _tag: "TooManyPendingPayments", limit: 5 })
      yield* TestClock.adjust("61 minutes")
      const expired = yield* payments.expireDue
      expect(expired.length).toBe(5)
      expect((yield* (yield* EventLog).ofTag("PaymentExpired")).length).toBe(5)
      const p = yield* payments.open(user, "USDT_TRC20", usd(2500n))
      expect(p).toMatchObject({ status: "pending", asset: "USDT_TRC20", fiatAmount: usd(2500n), provider: "memory" })
    }).pipe(Effect.provide(shop())))

  it.effect("refuses bad requests and reports an unavailable gateway", () =>
    Effect.gen(function*() {
      const user = yield* buyer()
      const payments = yield* Payments
      expect((yield* Effect.flip(payments.open(user, "BTC", { amount: 100n, currency: "EUR" })))._tag).toBe("CurrencyMismatch")
      expect((yield* Effect.flip(payments.open(user, "BTC", usd(0n))))._tag).toBe("InvalidAmount")
      // the range is the shop's (5 USD to 1,000,000 USD by default), checked here and not only by the bot
      expect(yield* Effect.flip(payments.open(user, "USDT_ERC20", usd(499n)))).toMatchObject({ _tag: "TopUpOutOfRange", min: usd(500n) })
      expect((yield* Effect.flip(payments.open(user, "USDT_ERC20", usd(100_000_001n))))._tag).toBe("TopUpOutOfRange")
      expect((yield* Effect.flip(payments.open(TelegramId.make(31337), "BTC", null)))._tag).toBe("UserNotFound")
      yield* (yield* GatewayControl).setAvailable(false)
      expect((yield* Effect.flip(payments.open(user, "BTC", null)))._tag).toBe("ServiceUnavailable")
      expect((yield* payments.pending(user)).length).toBe(0)
    }).pipe(Effect.provide(shop())))

  it.effect("a yen shop's minimum is 500 yen, not 5", () =>
    Effect.gen(function*() {
      const user = yield* buyer()
      const payments = yield* Payments
      const yen = (amount: bigint) => ({ amount, currency: "JPY" as const })
      expect((yield* Effect.flip(payments.open(user, "USDT_ERC20", yen(5n))))._tag).toBe("TopUpOutOfRange")
      expect((yield* payments.open(user, "USDT_ERC20", yen(500n))).fiatAmount).toEqual(yen(500n))
    }).pipe(Effect.provide(ShopMemory({ currency: "JPY" }))))

  it.effect("credits a chain deposit once per (asset, txid, output) at the recorded rate", () =>
    Effect.gen(function*() {
      const user = yield* buyer()
      const payments = yield* Payments
      const btc = rate("BTC", "USD", "60000", new Date(0))
      const output = (index: number) => ({
        user, source: { kind: "chain", asset: "BTC", txid: "ab".repeat(32), index } as const, amount: crypto(100_000n, "BTC"), valuation: { rate: btc }
      })
      const first = yield* payments.credit(output(0))
      expect(first.deposit.fiat).toEqual(usd(6000n))
      expect(BigDecimal.format(first.deposit.rate)).toBe("60000")
      expect((yield* payments.credit(output(0))).replayed).toBe(true)
      expect((yield* payments.credit(output(1))).replayed).toBe(false) // a second output of the same transaction
      expect((yield* (yield* Ledger).balance(user)).topUp).toEqual(usd(12000n))
      expect((yield* (yield* EventLog).ofTag("DepositCredited")).length).toBe(2)
      expect((yield* Effect.flip(payments.credit({ ...output(2), amount: crypto(0n, "BTC") })))._tag).toBe("InvalidAmount")
      expect((yield* Effect.flip(payments.credit({ ...output(3), amount: crypto(1n, "LTC") })))._tag).toBe("InvalidInput")
    }).pipe(Effect.provide(shop())))

  it.effect("a processor payment is credited once, even after it expired, and marked paid", () =>
    Effect.gen(function*() {
      const user = yield* buyer()
      const payments = yield* Payments
      const p = yield* payments.open(user, "USDT_TRC20", usd(2500n))
      yield* TestClock.adjust("2 hours")
      expect(yield* payments.expire(p.id)).toBe(true)
      const settle = payments.credit({
        user,
        paymentId: p.id,
        source: { kind: "processor", provider: p.provider, externalId: p.externalId! },
        amount: crypto(25_000_000n, "USDT_TRC20"),
        valuation: { fiat: usd(2500n) }
      })
      const results = yield* Effect.all([settle, settle, settle, settle, settle], { concurrency: "unbounded" })
      expect(results.filter((r) => !r.replayed).length).toBe(1)
      expect((yield* payments.get(user, p.id)).status).toBe("paid")
      expect((yield* (yield* Ledger).balance(user)).available).toEqual(usd(2500n))
      expect(yield* payments.expire(p.id)).toBe(false)
      const other = yield* buyer()
      expect((yield* Effect.flip(payments.get(other, p.id)))._tag).toBe("PaymentNotFound")
      expect((yield* Effect.flip(payments.credit({
        user: other, paymentId: p.id, source: { kind: "processor", provider: "x", externalId: "y" },
        amount: crypto(1n, "USDT_TRC20"), valuation: { fiat: usd(1n) }
      })))._tag).toBe("InvalidInput")
      expect((yield* Effect.flip(payments.get(user, PaymentId.make(999))))._tag).toBe("PaymentNotFound")
    }).pipe(Effect.provide(shop())))
})
