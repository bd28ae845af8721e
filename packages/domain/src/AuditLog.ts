/**
 * A tamper-evident log of every money move: ledger entries (deposits, admin credits and debits,
 * purchases, refunds) and withdrawals, and of every time an admin was shown a buyer's delivered goods. Records are chained in the order they are sealed: each one's
 * hash covers its content and the previous record's hash, so editing, deleting or reordering any
 * sealed record breaks the chain where it happened. The chain's head is kept apart, so removing the
 * newest records shows too. Sealing runs shortly after the money moves (a background job) rather
 * than inside each payment, so that it never makes two payments wait on each other.
 *
 * A storage that holds a key seals with it (a keyed hash, the key kept apart from the database), so
 * that whoever can write the database cannot recompute the chain after an edit. Verifying also checks
 * what lies outside the chain but follows from it: every stored balance against its ledger entries,
 * and every purchase's total against its items and its charge. The head, sent to the admins daily and
 * with every withdrawal (`witness`), is the outside record a rewrite of the whole chain is caught by.
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { NotAdmin } from "./Errors.js"
import { DomainEvent, Notifier } from "./Events.js"
import type { BuyId, TelegramId } from "./Ids.js"
import type { Balance } from "./Ledger.js"
import type { Money } from "./Money.js"
import { type AdminRef, Users } from "./Users.js"

/** One break in the chain: which position, which record, and what is wrong. */
export interface AuditProblem {
  readonly seq: number
  /** e.g. "ledger entry 12" or "withdrawal 3"; empty when the record is missing. */
  readonly record: string
  /** "unknown key": sealed under a key the storage was not given, so it cannot be checked. */
  readonly problem: "edited" | "missing" | "duplicated" | "beyond the head" | "unknown key"
}

/** A position in the chain and the hash there, written `SEQ:HASH` (see `formatHead`). */
export interface AuditHead {
  readonly seq: number
  readonly hash: string
}
export const formatHead = (head: AuditHead): string => `${head.seq}:${head.hash}`
/** `SEQ:HASH` as `formatHead` writes it, or null. */
export const parseHead = (text: string): AuditHead | null => {
  const m = /^(\d{1,15}):([0-9a-zA-Z.]+)$/.exec(text.trim())
  const seq = m === null ? 0 : Number(m[1]) // a position in the chain, not money
  return m === null || seq < 1 ? null : { seq, hash: m[2]! }
}

/** A stored balance its user's ledger entries do not add up to (edited past the ledger). */
export interface BalanceProblem {
  readonly user: TelegramId
  readonly stored: Balance
  readonly entries: Balance
}

/** A purchase whose stored total is not what its items cost, or not what its ledger entry charged. */
export interface PurchaseProblem {
  readonly buy: BuyId
  readonly user: TelegramId
  readonly total: Money
  readonly items: Money
  /** The purchase's ledger entry; null when it has none (a purchase moved in from another shop). */
  readonly charged: Money | null
}

/** How a noted head compares with the chain now. */
export type NotedHead = "same" | "rewritten" | "beyond the head"

export interface AuditReport {
  /** Records in the chain. */
  readonly sealed: number
  /** The last record's hash (hex): write it down to detect a rewrite of the whole chain later. */
  readonly head: string | null
  readonly unsealed: number
  readonly problems: ReadonlyArray<AuditProblem>
  /**
   * `key`: the storage seals with a key; `from`: the first keyed position (null: none yet), records
   * before it were sealed before a key existed; `unchecked`: keyed records that cannot be checked because
   * the storage holds no key at all.
   */
  readonly keying: { readonly key: boolean; readonly from: number | null; readonly unchecked: number }
  readonly balances: ReadonlyArray<BalanceProblem>
  readonly purchases: ReadonlyArray<PurchaseProblem>
  /** With a head noted earlier: whether the chain still holds it. */
  readonly noted?: { readonly head: AuditHead; readonly found: NotedHead } | undefined
}

/** Whether anything is wrong: a break in the chain, a balance or a purchase, or a noted head gone. */
export const tampered = (r: AuditReport): number =>
  r.problems.length + r.balances.length + r.purchases.length + (r.noted === undefined || r.noted.found === "same" ? 0 : 1)

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
  /**
   * Recomputes the whole chain from its start and reports every break; then every stored balance
   * from its ledger entries and every purchase total from its items and its ledger entry.
   */
  readonly verify: Effect.Effect<AuditReport>
  /** The newest sealed record's position and hash; null while nothing is sealed. */
  readonly head: Effect.Effect<AuditHead | null>
  /** The hash stored at a position; null when no record holds it. */
  readonly hashAt: (seq: number) => Effect.Effect<string | null>
  /** Whether new records are sealed with a key. */
  readonly keyed: boolean
}>() {}

const BATCH = 500

/** Seals everything pending, in batches; how many were sealed. */
export const sealAll = (log: Context.Tag.Service<AuditLog>): Effect.Effect<number> =>
  Effect.gen(function*() {
    let total = 0
    for (let n = yield* log.seal(BATCH); n > 0; n = yield* log.seal(BATCH)) total += n
    return total
  })

/** Seals what is pending and returns the head, for a notice to the admins; a failure is logged, never passed on. */
export const sealedHead = (log: Context.Tag.Service<AuditLog>): Effect.Effect<AuditHead | null> =>
  sealAll(log).pipe(
    Effect.zipRight(log.head),
    Effect.catchAllCause((cause) => Effect.as(Effect.logWarning("sealing the money log for its head failed", cause), null))
  )

/** Sealing and checking the money log. */
export class Audits extends Context.Tag("@tokenshop/domain/Audits")<Audits, {
  /** Seals everything pending, in batches; how many were sealed. For the background job. */
  readonly sealPending: Effect.Effect<number>
  /** Seals what is pending, then checks the whole chain; with `noted`, also that the chain still holds that head. */
  readonly verify: (admin: AdminRef, noted?: AuditHead) => Effect.Effect<AuditReport, NotAdmin>
  /** Seals what is pending and sends the head to the admins (AuditHead), as an outside record of it. For the daily job. */
  readonly witness: Effect.Effect<void>
}>() {
  static readonly layer = Layer.effect(Audits, Effect.gen(function*() {
    const users = yield* Users
    const log = yield* AuditLog
    const notifier = yield* Notifier
    const sealPending = sealAll(log)
    const compare = (noted: AuditHead, sealed: number) =>
      Effect.map(log.hashAt(noted.seq), (hash): NotedHead => hash === noted.hash ? "same" : noted.seq > sealed ? "beyond the head" : "rewritten")
    return Audits.of({
      sealPending,
      verify: (admin, noted) =>
        users.ensureAdmin(admin).pipe(
          Effect.zipRight(sealPending),
          Effect.zipRight(log.verify),
          Effect.flatMap((report) =>
            noted === undefined ? Effect.succeed(report) : Effect.map(compare(noted, report.sealed), (found) => ({ ...report, noted: { head: noted, found } })))
        ),
      witness: Effect.flatMap(sealedHead(log), (head) =>
        head === null ? Effect.void : notifier.publish(DomainEvent.AuditHead({ head, keyed: log.keyed })))
    })
  }))
}
