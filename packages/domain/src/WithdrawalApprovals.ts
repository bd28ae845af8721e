/**
 * Two-admin approval: a withdrawal above the configured value, or one that reaches the daily total
 * with the withdrawals of the last 24 hours, waits until an admin other than the one who asked
 * approves it (or anyone rejects it, or it expires). Deciding is a compare-and-set on the approval's
 * state; the send itself runs in `settle`, once, with the checks of a direct withdrawal done again (the
 * address still in the book, the amount still what was previewed). Once approved it counts toward the
 * daily total, at the value recorded when it was asked for.
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { AddressBook } from "./AddressBook.js"
import { type Approval, ApprovalRepo, ApprovalRunner, type ApprovalState } from "./ApprovalRepo.js"
import { ApprovalRefused, type NotAdmin } from "./Errors.js"
import { DomainEvent, Notifier } from "./Events.js"
import type { ApprovalId } from "./Ids.js"
import { makeSender } from "./internal/withdrawalSend.js"
import { now } from "./Time.js"
import { type AdminRef, describeAdmin, Users } from "./Users.js"

export class WithdrawalApprovals extends Context.Tag("@tokenshop/domain/WithdrawalApprovals")<WithdrawalApprovals, {
  /** Approves as a second admin: the withdrawal is then sent (by the runner; at once with the inline runner). */
  readonly approve: (admin: AdminRef, id: ApprovalId) => Effect.Effect<Approval, NotAdmin | ApprovalRefused>
  /** Rejects (any admin, the one who asked included): nothing is sent. */
  readonly reject: (admin: AdminRef, id: ApprovalId) => Effect.Effect<Approval, NotAdmin | ApprovalRefused>
  readonly get: (admin: AdminRef, id: ApprovalId) => Effect.Effect<Approval, NotAdmin | ApprovalRefused>
  readonly pending: (admin: AdminRef) => Effect.Effect<ReadonlyArray<Approval>, NotAdmin>
  /**
   * The runner's step after a decision or at the expiry: sends an approved withdrawal, expires a pending
   * one past its time. Safe to run any number of times.
   */
  readonly settle: (id: ApprovalId) => Effect.Effect<void>
}>() {
  static readonly layer = Layer.effect(WithdrawalApprovals, Effect.gen(function*() {
    const users = yield* Users
    const repo = yield* ApprovalRepo
    const runner = yield* ApprovalRunner
    const book = yield* AddressBook
    const notifier = yield* Notifier
    const sender = yield* makeSender

    const find = (id: ApprovalId) =>
      Effect.flatMap(repo.get(id), Option.match({ onNone: () => Effect.fail(new ApprovalRefused({ reason: "not-found" })), onSome: Effect.succeed }))
    /** Moves the state once and tells the admins; false when another caller moved it first. */
    const move = (approval: Approval, to: ApprovalState, by: string | null, note: string | null) =>
      Effect.gen(function*() {
        if (!(yield* repo.move(approval.id, approval.state, to, by, note))) return false
        yield* notifier.publish(DomainEvent.WithdrawalApprovalChanged({ approval: { ...approval, state: to, decidedBy: by ?? approval.decidedBy, note } }))
        return true
      })
    const expired = (approval: Approval) => Effect.map(now, (at) => approval.state === "pending" && at.getTime() >= approval.expiresAt.getTime())

    const sendApproved = (approval: Approval) =>
      Effect.gen(function*() {
        const { key, previewed, request } = approval
        const outcome = yield* Effect.either(Effect.gen(function*() {
          yield* book.check(request.asset, request.destination) // removed from the book meanwhile: not sent
          const previous = yield* sender.findByKey(key)
          if (Option.isSome(previous)) return previous.value
          yield* sender.quoteWithin(request, previewed)
          return yield* sender.send(request, key, approval.requestedBy, { value: approval.value }) // counts toward the daily total
        }))
        yield* outcome._tag === "Right"
          ? move(approval, "sent", null, outcome.right.txIds.join(" "))
          : move(approval, "failed", null, outcome.left.message)
      })

    const settle = (id: ApprovalId) =>
      Effect.gen(function*() {
        const approval = yield* repo.get(id)
        if (Option.isNone(approval)) return
        if (approval.value.state === "approved") return yield* sendApproved(approval.value)
        if (yield* expired(approval.value)) yield* move(approval.value, "expired", null, null)
      })

    /** The approval, still pending and not expired (an expired one is marked so now). */
    const open = (id: ApprovalId) =>
      Effect.gen(function*() {
        const approval = yield* find(id)
        if (approval.state !== "pending") return yield* new ApprovalRefused({ reason: approval.state === "expired" ? "expired" : "decided" })
        if (yield* expired(approval)) {
          yield* move(approval, "expired", null, null)
          return yield* new ApprovalRefused({ reason: "expired" })
        }
        return approval
      })

    const decide = (admin: AdminRef, id: ApprovalId, to: "approved" | "rejected") =>
      Effect.gen(function*() {
        yield* users.ensureAdmin(admin)
        const approval = yield* open(id)
        const by = describeAdmin(admin)
        if (to === "approved" && by === approval.requestedBy) return yield* new ApprovalRefused({ reason: "own-request" })
        if (!(yield* move(approval, to, by, null))) return yield* new ApprovalRefused({ reason: "decided" })
        yield* runner.decided(id, settle(id))
        return yield* find(id)
      })

    return WithdrawalApprovals.of({
      approve: (admin, id) => decide(admin, id, "approved").pipe(Effect.withSpan("WithdrawalApprovals.approve")),
      reject: (admin, id) => decide(admin, id, "rejected").pipe(Effect.withSpan("WithdrawalApprovals.reject")),
      get: (admin, id) => users.ensureAdmin(admin).pipe(Effect.zipRight(find(id))),
      pending: (admin) =>
        users.ensureAdmin(admin).pipe(
          Effect.zipRight(Effect.all([repo.pending, now])),
          Effect.map(([list, at]) => list.filter((a) => a.expiresAt.getTime() > at.getTime()))
        ),
      settle: (id) => settle(id).pipe(Effect.withSpan("WithdrawalApprovals.settle"))
    })
  }))
}
