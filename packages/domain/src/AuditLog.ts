/**
 * A tamper-evident log of every money move: ledger entries (deposits, admin credits and debits,
 * purchases, refunds) and withdrawals, and of every time an admin was shown a buyer's delivered goods. Records are chained in the order they are sealed: each one's
 * hash covers its content and the previous record's hash, so editing, deleting or reordering any
 * sealed record breaks the chain where it happened. The chain's head is kept apart, so removing the
 * newest records shows too. Sealing runs shortly after the money moves (a background job) rather
 * than inside each payment, so that it never makes two payments wait on each other.
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { NotAdmin } from "./Errors.js"
import type { BuyId, TelegramId } from "./Ids.js"
import { type AdminRef, Users } from "./Users.js"

/** One break in the chain: which position, which record, and what is wrong. */
export interface AuditProblem {
  readonly seq: number
  /** e.g. "ledger entry 12" or "withdrawal 3"; empty when the record is missing. */
  readonly record: string
  readonly problem: "edited" | "missing" | "duplicated" | "beyond the head"
}

export interface AuditReport {
  /** Records in the chain. */
  readonly sealed: number
  /** The last record's hash (hex): write it down to detect a rewrite of the whole chain later. */
  readonly head: string | null
  readonly unsealed: number
  readonly problems: ReadonlyArray<AuditProblem>
}

/** An admin was shown the goods delivered with a purchase (a buyer seeing their own is not logged). */
export interface GoodsReveal {
  /** Who, as `describeAdmin` gives it. */
  readonly admin: string
  readonly buy: BuyId
  /** Whose purchase. */
  readonly user: TelegramId
  readonly items: number
  readonly at: Date
}

/** The storage's side of the log. */
export class AuditLog extends Context.Tag("@tokenshop/domain/AuditLog")<AuditLog, {
  /** Writes a reveal, to be sealed with the money moves. */
  readonly reveal: (reveal: GoodsReveal) => Effect.Effect<void>
  /** Chains up to `limit` not yet sealed records onto the log, oldest first; returns how many. */
  readonly seal: (limit: number) => Effect.Effect<number>
  /** Recomputes the whole chain from its start and reports every break. */
  readonly verify: Effect.Effect<AuditReport>
}>() {}

const BATCH = 500

/** Sealing and checking the money log. */
export class Audits extends Context.Tag("@tokenshop/domain/Audits")<Audits, {
  /** Seals everything pending, in batches; how many were sealed. For the background job. */
  readonly sealPending: Effect.Effect<number>
  /** Seals what is pending, then checks the whole chain. */
  readonly verify: (admin: AdminRef) => Effect.Effect<AuditReport, NotAdmin>
}>() {
  static readonly layer = Layer.effect(Audits, Effect.gen(function*() {
    const users = yield* Users
    const log = yield* AuditLog
    const sealPending: Effect.Effect<number> = Effect.gen(function*() {
      let total = 0
      for (let n = yield* log.seal(BATCH); n > 0; n = yield* log.seal(BATCH)) total += n
      return total
    })
    return Audits.of({
      sealPending,
      verify: (admin) => users.ensureAdmin(admin).pipe(Effect.zipRight(sealPending), Effect.zipRight(log.verify))
    })
  }))
}
