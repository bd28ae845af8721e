/**
 * The daily approval total (the guard's `approvalDaily`): what the admins' withdrawals of the last 24
 * hours are worth, so that one admin cannot move the wallet in pieces each below `approvalAbove`.
 *
 * What counts, each at the value recorded for it in the shop's currency (never revalued):
 * - every withdrawal claimed in the 24 hours before now, i.e. sent, or being sent (a claim is made
 *   just before the processor is asked; one the processor refused gives it back and no longer counts):
 *   a direct one at its total's value at the price just before it was sent, an approved one at the
 *   value recorded when it was asked for;
 * - every withdrawal approved by a second admin and not yet sent (its claim not made yet), however old.
 * Withdrawals of every admin count, the command line's too; forwarding (set on the server) never does.
 * A value that was unknown (no price) or is in another currency (the shop's currency changed since)
 * counts as reaching the total: until it leaves the window, every withdrawal waits for approval.
 *
 * A withdrawal whose value added to the window's reaches the total or more waits for a second admin.
 * The window is read and the claim made in one serializable transaction: of two withdrawals at once,
 * the later sees the earlier's claim, so their sum cannot slip past the total.
 */
import * as Data from "effect/Data"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { ApprovalRepo } from "../ApprovalRepo.js"
import type { IdempotencyKey } from "../Ids.js"
import type { Money } from "../Money.js"
import { ShopConfig } from "../ShopConfig.js"
import { Transactor } from "../Transactor.js"
import { type DailyShare, WithdrawalRepo } from "../Withdrawals.js"

/** How far back the daily total looks: a claim counts until 24 hours after it was made. */
export const DAILY_WINDOW = Duration.hours(24)

/** Inside the transaction: the claim would reach the total, so it is rolled back. */
class OverDaily extends Data.TaggedError("OverDaily")<{}> {}

export const makeDailyTotal = Effect.gen(function*() {
  const repo = yield* WithdrawalRepo
  const approvals = yield* ApprovalRepo
  const tx = yield* Transactor
  const { currency } = yield* ShopConfig

  /** What the withdrawals other than `key` in the window at `at` are worth, in minor units; null when one's value is unknown. */
  const windowTotal = (at: Date, key: IdempotencyKey) =>
    Effect.gen(function*() {
      const claims = (yield* repo.countedAfter(new Date(at.getTime() - Duration.toMillis(DAILY_WINDOW)))).filter((c) => c.key !== key)
      const claimed = new Set(claims.map((c) => c.key))
      const approved = (yield* approvals.approved).filter((a) => a.key !== key && !claimed.has(a.key))
      let total = 0n
      for (const value of [...claims.map((c) => c.value), ...approved.map((a) => a.value)]) {
        if (value === null || value.currency !== currency) return null
        total += value.amount
      }
      return total
    })

  /**
   * Claims `key` (see `WithdrawalRepo.claim`) with `share` when `limit` is null or the window's total
   * plus the share stays below it: "claimed"; "over" when it would reach it (nothing is claimed); "taken"
   * when the key was claimed already (a second tap while it is sent). The claim is made first and the
   * window read after it, in one transaction (the Transactor's are serializable: SQLite's write lock,
   * PostgreSQL's SERIALIZABLE run again on a lost race); "over" rolls the claim back.
   */
  const claim = (key: IdempotencyKey, at: Date, share: DailyShare | undefined, limit: bigint | null) =>
    tx.withTransaction(Effect.gen(function*() {
      if (!(yield* repo.claim(key, at, share))) return "taken" as const
      if (limit === null || share === undefined) return "claimed" as const
      const before = yield* windowTotal(at, key)
      if (before === null || share.value === null || reaches(before, share.value, limit)) return yield* new OverDaily()
      return "claimed" as const
    })).pipe(Effect.catchTag("OverDaily", () => Effect.succeed("over" as const)))

  return { claim }
})

/** The rule itself: the window's total and this withdrawal together reach the limit. */
const reaches = (before: bigint, value: Money, limit: bigint) => before + value.amount >= limit
