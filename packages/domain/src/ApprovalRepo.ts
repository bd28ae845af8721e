/** Withdrawals waiting for a second admin, and the port that waits for the decision durably. */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Option from "effect/Option"
import type { ApprovalId, IdempotencyKey } from "./Ids.js"
import type { CryptoAmount, Money } from "./Money.js"
import type { WithdrawalRequest } from "./Withdrawals.js"

/**
 * pending → approved → sent | failed; pending → rejected | expired. Only these moves exist, each
 * made once (a compare-and-set on the state), so two admins tapping at once decide it once.
 */
export type ApprovalState = "pending" | "approved" | "rejected" | "expired" | "sent" | "failed"

/**
 * Why a withdrawal waits: `amount`, it is worth the guard's `approvalAbove` or more (or its value is
 * unknown); `daily`, below that alone, but with the withdrawals of the last 24 hours it reaches the
 * guard's `approvalDaily`.
 */
export type ApprovalReason = "amount" | "daily"

export interface Approval {
  readonly id: ApprovalId
  /** The withdrawal's idempotency key: it is sent under this key, once. */
  readonly key: IdempotencyKey
  readonly request: WithdrawalRequest
  /** What the requesting admin confirmed; the send is refused if the total moved by more than the fee. */
  readonly previewed: { readonly total: CryptoAmount; readonly networkFee: CryptoAmount }
  /** The total in the shop's currency when asked; null when no price could be had. */
  readonly value: Money | null
  readonly reason: ApprovalReason
  readonly requestedBy: string
  readonly createdAt: Date
  readonly expiresAt: Date
  readonly state: ApprovalState
  readonly decidedBy: string | null
  /** Why it failed, or the transaction ids once sent. */
  readonly note: string | null
}
export type NewApproval = Omit<Approval, "id" | "state" | "decidedBy" | "note">

export class ApprovalRepo extends Context.Tag("@tokenshop/domain/ApprovalRepo")<ApprovalRepo, {
  /** Once per key: asking again returns the first with `created: false`. */
  readonly create: (draft: NewApproval) => Effect.Effect<{ readonly approval: Approval; readonly created: boolean }>
  readonly get: (id: ApprovalId) => Effect.Effect<Option.Option<Approval>>
  /** Moves `from` → `to` only if the approval is still in `from`; true for exactly one of concurrent callers. */
  readonly move: (id: ApprovalId, from: ApprovalState, to: ApprovalState, by: string | null, note: string | null) => Effect.Effect<boolean>
  /** Pending ones, oldest first. */
  readonly pending: Effect.Effect<ReadonlyArray<Approval>>
  /** Approved ones not yet sent nor failed (being sent), oldest first: they count toward the daily total. */
  readonly approved: Effect.Effect<ReadonlyArray<Approval>>
}>() {}

/**
 * Waits for each approval's decision, or its expiry, across restarts, and then runs its `settle`
 * step once. The running bot uses a durable workflow; `ApprovalRunner.inline` settles in the
 * deciding call itself and leaves expiry to the next look at the approval (tests, the command line).
 */
export class ApprovalRunner extends Context.Tag("@tokenshop/domain/ApprovalRunner")<ApprovalRunner, {
  /** Starts waiting for approval `id`; returns at once. */
  readonly start: (id: ApprovalId) => Effect.Effect<void>
  /** The decision is recorded: wake the waiting, which runs `settle` (the runner in this process may run it itself). */
  readonly decided: (id: ApprovalId, settle: Effect.Effect<void>) => Effect.Effect<void>
}>() {
  static readonly inline = Layer.succeed(ApprovalRunner, { start: () => Effect.void, decided: (_, settle) => settle })
}
