import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { crypto } from "../../Money.js"
import { type NewWithdrawal, WithdrawalRepo } from "../../Withdrawals.js"
import { type ContractLayer, freshKey, freshTime, plus, usd } from "./support.js"

const withdrawal = (at: Date): NewWithdrawal => ({
  key: freshKey("withdraw"),
  asset: "ETH",
  destination: "0x52908400098527886E0F7030069857D2E4169EE7",
  scope: { kind: "single", payment: "1234" },
  total: crypto(10n ** 18n + 1n, "ETH"),
  networkFee: crypto(21_000n * 10n ** 9n, "ETH"),
  serviceFee: crypto(5n, "ETH"),
  receiving: crypto(10n ** 18n + 1n - 21_000n * 10n ** 9n - 5n, "ETH"),
  txIds: ["0xaa", "0xbb"],
  admin: "admin 42",
  createdAt: at
})

/** The WithdrawalRepo contract: one record per key, exact amounts, newest first. */
export const withdrawalRepoContract = (name: string, layer: ContractLayer<WithdrawalRepo>) =>
  describe(`WithdrawalRepo contract: ${name}`, () => {
    const run = <A, E>(self: Effect.Effect<A, E, WithdrawalRepo>) => Effect.provide(self, layer)

    it.live("record is idempotent per key and keeps every field", () =>
      run(Effect.gen(function*() {
        const repo = yield* WithdrawalRepo
        const w = withdrawal(freshTime())
        const first = yield* repo.record(w)
        expect(first.created).toBe(true)
        expect({ ...first.withdrawal, id: 0 }).toEqual({ ...w, id: 0 })
        const again = yield* repo.record({ ...w, txIds: ["0xcc"] })
        expect(again).toEqual({ withdrawal: first.withdrawal, created: false })
        expect(Option.getOrThrow(yield* repo.findByKey(w.key))).toEqual(first.withdrawal)
        expect(Option.isNone(yield* repo.findByKey(freshKey("none")))).toBe(true)
      })))

    it.live("claim gives a key to exactly one of many concurrent callers; release gives it back", () =>
      run(Effect.gen(function*() {
        const repo = yield* WithdrawalRepo
        const key = freshKey("claim")
        const at = freshTime()
        const claims = yield* Effect.all(Array.from({ length: 8 }, () => repo.claim(key, at)), { concurrency: "unbounded" })
        expect(claims.filter((c) => c)).toHaveLength(1)
        expect(yield* repo.claim(freshKey("other"), at)).toBe(true)
        yield* repo.release(key)
        expect(yield* repo.claim(key, at)).toBe(true)
      })))

    it.live("claims with a share count after their time, with exact values, oldest first, until given back", () =>
      run(Effect.gen(function*() {
        const repo = yield* WithdrawalRepo
        const at = freshTime()
        const [a, b, c, d] = [freshKey("daily"), freshKey("daily"), freshKey("daily"), freshKey("forward")]
        expect(yield* repo.claim(b, plus(at, 2_000), { value: null })).toBe(true)
        expect(yield* repo.claim(a, plus(at, 1_000), { value: usd(2n ** 64n + 3n) })).toBe(true)
        expect(yield* repo.claim(c, plus(at, 3_000), { value: usd(5n) })).toBe(true)
        expect(yield* repo.claim(d, plus(at, 2_500))).toBe(true) // no share: never counted
        expect(yield* repo.claim(a, plus(at, 9_000), { value: usd(7n) })).toBe(false) // taken: the first claim stands
        const within = (after: Date) => Effect.map(repo.countedAfter(after), (list) => list.filter((x) => x.at.getTime() < at.getTime() + 86_400_000))
        expect(yield* within(at)).toEqual([
          { key: a, at: plus(at, 1_000), value: usd(2n ** 64n + 3n) },
          { key: b, at: plus(at, 2_000), value: null },
          { key: c, at: plus(at, 3_000), value: usd(5n) }
        ])
        expect((yield* within(plus(at, 1_000))).map((x) => x.key)).toEqual([b, c]) // strictly after
        yield* repo.release(b)
        expect((yield* within(at)).map((x) => x.key)).toEqual([a, c])
        expect(yield* within(plus(at, 3_000))).toEqual([])
      })))

    it.live("list is newest first", () =>
      run(Effect.gen(function*() {
        const repo = yield* WithdrawalRepo
        const a = yield* repo.record({ ...withdrawal(freshTime()), scope: { kind: "all" } })
        const b = yield* repo.record(withdrawal(freshTime()))
        const page = yield* repo.list({ offset: 0, limit: 2 })
        expect(page.items.map((w) => w.id)).toEqual([b.withdrawal.id, a.withdrawal.id])
        expect(page.items[1]!.scope).toEqual({ kind: "all" })
      })))
  })
