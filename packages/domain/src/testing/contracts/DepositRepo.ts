import { describe, expect, it } from "@effect/vitest"
import * as BigDecimal from "effect/BigDecimal"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { TelegramId } from "../../Ids.js"
import { crypto } from "../../Money.js"
import { DepositRepo, type DepositSource, type NewDeposit } from "../../Deposits.js"
import type { UserRepo } from "../../Users.js"
import { type ContractLayer, freshName, freshTime, plus, registered, usd } from "./support.js"

const deposit = (user: TelegramId, source: DepositSource, at: Date, sats = 100_000n, cents = 6_000n): NewDeposit => ({
  user,
  paymentId: null,
  source,
  amount: crypto(sats, "BTC"),
  fiat: usd(cents),
  rate: BigDecimal.unsafeFromString("60000.123456789012"),
  createdAt: at
})
const chain = (txid: string, index: number): DepositSource => ({ kind: "chain", asset: "BTC", txid, index })

/** The DepositRepo contract: one deposit per source key, exact amounts and rates, sums per window. */
export const depositRepoContract = (name: string, layer: ContractLayer<DepositRepo | UserRepo>) =>
  describe(`DepositRepo contract: ${name}`, () => {
    const run = <A, E>(self: Effect.Effect<A, E, DepositRepo | UserRepo>) => Effect.provide(self, layer)

    it.live("record is idempotent per source and keeps every field exactly", () =>
      run(Effect.gen(function*() {
        const repo = yield* DepositRepo
        const user = yield* registered()
        const d = deposit(user, chain(freshName("tx"), 0), freshTime(), 2n ** 80n)
        const first = yield* repo.record(d)
        expect(first.created).toBe(true)
        expect({ ...first.deposit, id: 0, rate: null }).toEqual({ ...d, id: 0, rate: null })
        expect(BigDecimal.equals(first.deposit.rate, d.rate)).toBe(true)
        const again = yield* repo.record({ ...d, amount: crypto(1n, "BTC") })
        expect(again.created).toBe(false)
        expect(again.deposit.id).toBe(first.deposit.id)
        expect(again.deposit.amount.units).toBe(2n ** 80n)
        expect(Option.getOrThrow(yield* repo.findBySource(d.source)).id).toBe(first.deposit.id)
      })))

    it.live("two outputs of one transaction are two deposits; processor ids are their own keys", () =>
      run(Effect.gen(function*() {
        const repo = yield* DepositRepo
        const user = yield* registered()
        const txid = freshName("batch")
        const a = yield* repo.record(deposit(user, chain(txid, 0), freshTime()))
        const b = yield* repo.record(deposit(user, chain(txid, 1), freshTime()))
        expect(a.created && b.created).toBe(true)
        expect(a.deposit.id).not.toBe(b.deposit.id)
        const external = freshName("pay")
        const p = yield* repo.record(deposit(user, { kind: "processor", provider: "kx", externalId: external }, freshTime()))
        const q = yield* repo.record(deposit(user, { kind: "processor", provider: "other", externalId: external }, freshTime()))
        expect(p.created && q.created).toBe(true)
        expect(Option.isNone(yield* repo.findBySource(chain(txid, 2)))).toBe(true)
      })))

    it.live("concurrent records of one source create one deposit", () =>
      run(Effect.gen(function*() {
        const repo = yield* DepositRepo
        const user = yield* registered()
        const d = deposit(user, chain(freshName("race"), 3), freshTime())
        const results = yield* Effect.all(Array.from({ length: 10 }, () => repo.record(d)), { concurrency: "unbounded" })
        expect(results.filter((r) => r.created).length).toBe(1)
        expect(new Set(results.map((r) => r.deposit.id)).size).toBe(1)
      })))

    it.live("listByUser is newest first; summarize sums the recorded fiat and crypto per asset", () =>
      run(Effect.gen(function*() {
        const repo = yield* DepositRepo
        const user = yield* registered()
        const t = freshTime()
        const a = yield* repo.record(deposit(user, chain(freshName("s"), 0), t, 100n, 10n))
        const b = yield* repo.record({
          ...deposit(user, chain(freshName("s"), 0), plus(t, 1000), 0n, 20n),
          amount: crypto(5n, "LTC")
        })
        yield* repo.record(deposit(user, chain(freshName("s"), 0), plus(t, 5000), 1n, 1n))
        const page = yield* repo.listByUser(user, { offset: 0, limit: 10 })
        expect(page.items.map((d) => d.id).slice(1)).toEqual([b.deposit.id, a.deposit.id])
        const s = yield* repo.summarize({ from: t, to: plus(t, 5000) }, "USD")
        expect(s.count).toBe(2)
        expect(s.total).toEqual(usd(30n))
        expect(s.byAsset).toEqual([crypto(100n, "BTC"), crypto(5n, "LTC")])
      })))
  })
