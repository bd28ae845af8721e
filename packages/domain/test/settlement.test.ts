import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as TestClock from "effect/TestClock"
import { AddressBook, crypto, idempotencyKey, Ledger, type PaymentObservation, Payments, Settlement, WithdrawalRepo, Withdrawals, operator } from "../src/index.js"
import { EventLog, GatewayControl, ShopMemory, WalletControl } from "../src/testing/memory.js"
import { ADMIN, admin, buyer, usd } from "./support.js"

const paid = (cents: bigint, units: bigint, asset: "BTC" | "USDT_ERC20" = "BTC"): PaymentObservation => ({
  paid: true,
  expired: false,
  amount: crypto(units, asset),
  fiat: usd(cents)
})
const balanceOf = (user: Parameters<Ledger["Type"]["balance"]>[0]) =>
  Effect.flatMap(Ledger, (l) => l.balance(user)).pipe(Effect.map((b) => b.available.amount))

describe("Settlement", () => {
  it.effect("a paid report credits once, however often it comes; the buyer's payment becomes paid", () =>
    Effect.gen(function*() {
      const user = yield* buyer()
      const payment = yield* (yield* Payments).open(user, "BTC", null)
      const settlement = yield* Settlement
      const outcomes = yield* Effect.all(Array.from({ length: 5 }, () => settlement.apply(payment, paid(1631n, 18486n))), { concurrency: 5 })
      expect(outcomes.map((o) => o._tag)).toEqual(Array(5).fill("Credited"))
      expect(outcomes.filter((o) => o._tag === "Credited" && !o.credit.replayed)).toHaveLength(1)
      expect(yield* balanceOf(user)).toBe(1631n)
      expect((yield* (yield* Payments).get(user, payment.id)).status).toBe("paid")
      expect(yield* (yield* EventLog).ofTag("DepositCredited")).toHaveLength(1)
      // an unpaid report after the credit changes nothing
      expect((yield* settlement.apply(payment, { paid: false, expired: true, amount: null, fiat: null }))._tag).toBe("Unchanged")
      expect((yield* (yield* Payments).get(user, payment.id)).status).toBe("paid")
    }).pipe(Effect.provide(ShopMemory({ admins: new Set([ADMIN]) }))))

  it.effect("a paid report after the local expiry still credits", () =>
    Effect.gen(function*() {
      const user = yield* buyer()
      const payment = yield* (yield* Payments).open(user, "BTC", null)
      yield* TestClock.adjust("2 hours")
      expect((yield* (yield* Settlement).apply(payment, { paid: false, expired: false, amount: null, fiat: null }))._tag).toBe("Expired")
      expect(yield* (yield* EventLog).ofTag("PaymentExpired")).toHaveLength(1)
      const late = yield* (yield* Settlement).apply({ ...payment, status: "expired" }, paid(500n, 1000n))
      expect(late._tag).toBe("Credited")
      expect(yield* balanceOf(user)).toBe(500n)
    }).pipe(Effect.provide(ShopMemory())))

  it.effect("an unpaid report before the deadline changes nothing", () =>
    Effect.gen(function*() {
      const user = yield* buyer()
      const payment = yield* (yield* Payments).open(user, "LTC", null)
      expect((yield* (yield* Settlement).apply(payment, { paid: false, expired: false, amount: null, fiat: null }))._tag).toBe("Unchanged")
      expect((yield* (yield* Payments).get(user, payment.id)).status).toBe("pending")
    }).pipe(Effect.provide(ShopMemory())))

  it.effect("reports that do not fit the payment are refused, announced, and credit nothing", () =>
    Effect.gen(function*() {
      const user = yield* buyer()
      const payments = yield* Payments
      const settlement = yield* Settlement
      const fixed = yield* payments.open(user, "USDT_ERC20", usd(2500n))
      const deposit = yield* payments.open(user, "BTC", null)
      const refusals = [
        [fixed, paid(2500n, 25_000_000n, "BTC" as never)], // another asset than the invoice's
        [deposit, paid(100n, 1000n, "USDT_ERC20")], // another asset
        [deposit, { ...paid(100n, 1000n), fiat: { amount: 100n, currency: "EUR" } }], // another currency
        [deposit, { ...paid(100n, 1000n), amount: null }], // no amount
        [deposit, paid(100n, 0n)] // nothing received
      ] as const
      for (const [payment, report] of refusals) {
        const e = yield* Effect.flip(settlement.apply(payment, report))
        expect(e._tag).toBe("PaymentMismatch")
      }
      expect(yield* balanceOf(user)).toBe(0n)
      expect(yield* (yield* EventLog).ofTag("PaymentMismatched")).toHaveLength(refusals.length)
      expect((yield* settlement.apply(fixed, paid(2500n, 25_000_000n, "USDT_ERC20")))._tag).toBe("Credited")
      expect(yield* balanceOf(user)).toBe(2500n)
    }).pipe(Effect.provide(ShopMemory())))

  it.effect("a quoted invoice is valued from what arrived at its own rate, rounded down once; the processor's fiat echo is not used", () =>
    Effect.gen(function*() {
      const payments = yield* Payments
      const settlement = yield* Settlement
      const credited = (cents: bigint, units: bigint, echo: bigint) =>
        Effect.gen(function*() {
          const user = yield* buyer()
          const invoice = yield* payments.open(user, "USDT_ERC20", usd(cents))
          yield* settlement.apply(invoice, paid(echo, units, "USDT_ERC20"))
          return yield* balanceOf(user)
        })
      // exact: 25.00 USD asked = 25 USDT; an echo a fraction of a cent off (24.999 truncated to 24.99) changes nothing
      expect(yield* credited(2500n, 25_000_000n, 2499n)).toBe(2500n)
      // overpaid by 1.234567 USDT: credited in full, the last partial cent rounded down once
      expect(yield* credited(2500n, 26_234_567n, 2500n)).toBe(2623n)
      // underpaid: what arrived is credited, and the buyer and admins are told what was asked
      expect(yield* credited(2500n, 20_000_009n, 2500n)).toBe(2000n)
      const short = yield* (yield* EventLog).ofTag("PaymentUnderpaid")
      expect(short).toHaveLength(1)
      expect(short[0]!.credited.amount).toBe(2000n)
      expect(short[0]!.asked.amount).toBe(2500n)
      expect(yield* (yield* EventLog).ofTag("PaymentMismatched")).toHaveLength(0)
    }).pipe(Effect.provide(ShopMemory())))

  it.effect("a shortfall within the payment tolerance counts as paid in full", () =>
    Effect.gen(function*() {
      const user = yield* buyer()
      const invoice = yield* (yield* Payments).open(user, "USDT_ERC20", usd(10_000n))
      // 0.5 % tolerance: 99.50 USDT of 100 is enough
      yield* (yield* Settlement).apply(invoice, paid(9950n, 99_500_000n, "USDT_ERC20"))
      expect(yield* balanceOf(user)).toBe(10_000n)
      expect(yield* (yield* EventLog).ofTag("PaymentUnderpaid")).toHaveLength(0)
      const other = yield* buyer()
      const second = yield* (yield* Payments).open(other, "USDT_ERC20", usd(10_000n))
      yield* (yield* Settlement).apply(second, paid(9949n, 99_499_999n, "USDT_ERC20"))
      expect(yield* balanceOf(other)).toBe(9949n)
      expect(yield* (yield* EventLog).ofTag("PaymentUnderpaid")).toHaveLength(1)
    }).pipe(Effect.provide(ShopMemory({ paymentToleranceBp: 50 }))))

  it.effect("an admin's one tap credits a paid-but-refused payment once, at the processor's valuation", () =>
    Effect.gen(function*() {
      const user = yield* buyer()
      const settlement = yield* Settlement
      const invoice = yield* (yield* Payments).open(user, "USDT_ERC20", usd(2500n))
      const wrongAsset = { ...paid(2400n, 25_000_000n), amount: crypto(60_000n, "BTC") }
      yield* Effect.flip(settlement.apply(invoice, wrongAsset))
      yield* (yield* GatewayControl).report(invoice.externalId!, wrongAsset)
      expect((yield* Effect.flip(settlement.resolve({ kind: "telegram", id: user } as const, invoice.id)))._tag).toBe("NotAdmin")
      const first = yield* settlement.resolve(admin, invoice.id)
      const again = yield* settlement.resolve(admin, invoice.id)
      expect([first.replayed, again.replayed]).toEqual([false, true])
      expect(yield* balanceOf(user)).toBe(2400n)
      const unpaid = yield* (yield* Payments).open(user, "BTC", null)
      expect((yield* Effect.flip(settlement.resolve(admin, unpaid.id)))._tag).toBe("PaymentMismatch")
    }).pipe(Effect.provide(ShopMemory({ admins: new Set([ADMIN]) }))))

  it.effect("refresh asks the gateway about the user's own payment only", () =>
    Effect.gen(function*() {
      const user = yield* buyer()
      const other = yield* buyer()
      const payment = yield* (yield* Payments).open(user, "BTC", null)
      const settlement = yield* Settlement
      expect((yield* settlement.refresh(user, payment.id))._tag).toBe("Unchanged")
      expect((yield* Effect.flip(settlement.refresh(other, payment.id)))._tag).toBe("PaymentNotFound")
      yield* (yield* GatewayControl).report(payment.externalId!, paid(700n, 2000n))
      expect((yield* settlement.refresh(user, payment.id))._tag).toBe("Credited")
      expect((yield* settlement.refresh(user, payment.id))._tag).toBe("Unchanged")
      expect(yield* balanceOf(user)).toBe(700n)
      yield* (yield* GatewayControl).setAvailable(false)
      const second = yield* (yield* Payments).open(user, "BTC", null).pipe(Effect.either)
      expect(second._tag).toBe("Left")
    }).pipe(Effect.provide(ShopMemory())))

  it.live("a credited payment is forwarded once to the configured address; a failure is announced", () =>
    Effect.gen(function*() {
      const user = yield* buyer()
      const payments = yield* Payments
      const settlement = yield* Settlement
      const wallet = yield* WalletControl
      yield* wallet.fund("BTC", 100_000n)
      const payment = yield* payments.open(user, "BTC", null)
      yield* Effect.all([settlement.apply(payment, paid(100n, 1000n)), settlement.apply(payment, paid(100n, 1000n))], { concurrency: 2 })
      const sent = yield* wallet.sent.pipe(Effect.repeat({ until: (s) => s.length > 0 }), Effect.timeout("2 seconds"))
      expect(sent).toHaveLength(1)
      expect(sent[0]).toMatchObject({ asset: "BTC", destination: "bc1qxquy5w247rw0natp4ts4nz9agm4s9z24p0tl7u", scope: { kind: "single", payment: payment.externalId } })
      const page = yield* (yield* WithdrawalRepo).list({ offset: 0, limit: 10 })
      expect(page.items.map((w) => w.admin)).toEqual(["forwarding"])

      yield* wallet.setAvailable(false)
      const second = yield* payments.open(user, "BTC", null)
      yield* settlement.apply(second, paid(100n, 1000n))
      const failed = yield* (yield* EventLog).ofTag("ForwardingFailed").pipe(Effect.repeat({ until: (f) => f.length > 0 }), Effect.timeout("2 seconds"))
      expect(failed[0]!.payment.id).toBe(second.id)
      expect(yield* balanceOf(user)).toBe(200n) // the credit stands either way
    }).pipe(Effect.provide(ShopMemory({ forwarding: { BTC: "bc1qxquy5w247rw0natp4ts4nz9agm4s9z24p0tl7u" } }))))
})

describe("Withdrawals.execute", () => {
  const request = { asset: "LTC", destination: "ltc1qh7zzth73czm9mhw3a6d6uss6slyywlzyqcxlnu", scope: { kind: "all" } } as const
  const admin = { kind: "telegram", id: ADMIN } as const

  it.effect("one key sends once, even when executed many times at once", () =>
    Effect.gen(function*() {
      const wallet = yield* WalletControl
      yield* wallet.fund("LTC", 100_000_000n)
      yield* (yield* AddressBook).add(operator("test"), "LTC", request.destination)
      const withdrawals = yield* Withdrawals
      const key = idempotencyKey("w", 1)
      const results = yield* Effect.all(Array.from({ length: 6 }, () => Effect.either(withdrawals.execute(admin, request, key))), { concurrency: "unbounded" })
      expect(yield* wallet.sent).toHaveLength(1)
      expect(results.filter((r) => r._tag === "Right").length).toBeGreaterThanOrEqual(1)
      for (const r of results) if (r._tag === "Left") expect(r.left._tag).toBe("WithdrawalRejected")
      expect(yield* withdrawals.execute(admin, request, key)).toMatchObject({ _tag: "Sent", withdrawal: { txIds: ["memtx-1"] } }) // afterwards: the record
    }).pipe(Effect.provide(ShopMemory({ admins: new Set([ADMIN]) }))))

  it.effect("a refusal gives the key back; an unknown outcome keeps it and says to check the wallet", () =>
    Effect.gen(function*() {
      const wallet = yield* WalletControl
      yield* (yield* AddressBook).add(operator("test"), "LTC", request.destination)
      const withdrawals = yield* Withdrawals
      const key = idempotencyKey("w", 2)
      expect((yield* Effect.flip(withdrawals.execute(admin, request, key)))._tag).toBe("WithdrawalRejected") // nothing to withdraw
      yield* wallet.fund("LTC", 5_000n)
      expect(yield* withdrawals.execute(admin, request, key)).toMatchObject({ _tag: "Sent", withdrawal: { txIds: ["memtx-1"] } })
      const other = idempotencyKey("w", 3)
      yield* wallet.fund("LTC", 5_000n)
      yield* wallet.setAvailable(false)
      const unknown = yield* Effect.flip(withdrawals.execute(admin, request, other))
      expect(unknown.message).toContain("unavailable")
      expect(unknown._tag === "ServiceUnavailable" && unknown.detail).toContain("check the wallet")
      yield* wallet.setAvailable(true)
      expect((yield* Effect.flip(withdrawals.execute(admin, request, other)))._tag).toBe("WithdrawalRejected")
      expect(yield* wallet.sent).toHaveLength(1)
    }).pipe(Effect.provide(ShopMemory({ admins: new Set([ADMIN]) }))))
})
