import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { type InsufficientFunds, InvalidAmount, InvalidInput, LedgerConflict, type NotAdmin, type UserNotFound } from "./Errors.js"
import { DomainEvent, Notifier } from "./Events.js"
import { IdempotencyKey, LedgerEntryId, TelegramId } from "./Ids.js"
import { type Money, Money as MoneySchema, money } from "./Money.js"
import type { Page, PageRequest } from "./Paging.js"
import { ShopConfig } from "./ShopConfig.js"
import { now } from "./Time.js"
import { type AdminRef, describeAdmin, Users } from "./Users.js"

/**
 * deposit and admin_credit add to `top_up`; purchase and admin_debit add to `consumed`;
 * refund takes back from `consumed`. available = top_up - consumed.
 * A `hold` takes a credited chain deposit back out of `top_up` when its transaction left the best
 * chain (a reorganisation), without a balance check: it may leave `available` below zero, and then
 * nothing can be bought until it is covered. A `release` puts a held deposit back when its
 * transaction is confirmed again. Every other debit never takes `available` below zero.
 */
export const EntryKind = Schema.Literal("deposit", "admin_credit", "purchase", "admin_debit", "refund", "hold", "release")
export type EntryKind = typeof EntryKind.Type

/** The debits that are checked against the available balance. */
export const isDebit = (kind: EntryKind): boolean => kind === "purchase" || kind === "admin_debit"

/** The kinds that lower the available balance. */
const lowers = (kind: EntryKind): boolean => isDebit(kind) || kind === "hold"

/** The running totals after one more entry of `kind` and `amount` (always positive). */
export const applyEntry = (
  totals: { readonly topUp: bigint; readonly consumed: bigint },
  kind: EntryKind,
  amount: bigint
): { readonly topUp: bigint; readonly consumed: bigint } => {
  switch (kind) {
    case "deposit":
    case "admin_credit":
    case "release":
      return { topUp: totals.topUp + amount, consumed: totals.consumed }
    case "hold":
      return { topUp: totals.topUp - amount, consumed: totals.consumed }
    case "refund":
      return { topUp: totals.topUp, consumed: totals.consumed - amount }
    case "purchase":
    case "admin_debit":
      return { topUp: totals.topUp, consumed: totals.consumed + amount }
  }
}

export const LedgerEntry = Schema.Struct({
  id: LedgerEntryId,
  user: TelegramId,
  kind: EntryKind,
  /** Always positive; the kind gives the direction. */
  amount: MoneySchema,
  key: IdempotencyKey,
  /** Why: required for admin entries, e.g. "goodwill for order 12". */
  reason: Schema.NullOr(Schema.String),
  /** Who: the admin for admin entries and refunds. */
  actor: Schema.NullOr(Schema.String),
  /** What it refers to, e.g. "buy:12" or "deposit:7". */
  ref: Schema.NullOr(Schema.String),
  createdAt: Schema.DateFromSelf
})
export type LedgerEntry = typeof LedgerEntry.Type
export type NewLedgerEntry = Omit<LedgerEntry, "id">

/** The seed's two running totals and what they leave to spend. */
export interface Balance {
  readonly topUp: Money
  readonly consumed: Money
  readonly available: Money
}

/** Signed effect of an entry on `available`. */
export const signedAmount = (e: Pick<LedgerEntry, "kind" | "amount">): bigint =>
  lowers(e.kind) ? -e.amount.amount : e.amount.amount

export const balanceOf = (currency: Money["currency"], entries: Iterable<Pick<LedgerEntry, "kind" | "amount">>): Balance => {
  let totals = { topUp: 0n, consumed: 0n }
  for (const e of entries) {
    if (e.amount.currency === currency) totals = applyEntry(totals, e.kind, e.amount.amount)
  }
  return { topUp: money(totals.topUp, currency), consumed: money(totals.consumed, currency), available: money(totals.topUp - totals.consumed, currency) }
}

/** Whether two balances hold the same running totals. */
export const sameBalance = (a: Balance, b: Balance): boolean =>
  a.topUp.amount === b.topUp.amount && a.consumed.amount === b.consumed.amount && a.topUp.currency === b.topUp.currency

/** The guards every LedgerRepo applies: a positive amount, and a replayed key only for the same entry. */
export const appendCheck = (entry: NewLedgerEntry, previous: LedgerEntry | undefined): InvalidAmount | LedgerConflict | undefined => {
  if (entry.amount.amount <= 0n) {
    return new InvalidAmount({ input: entry.amount.amount.toString(), reason: entry.amount.amount === 0n ? "zero" : "negative", maxDecimals: 0 })
  }
  if (
    previous !== undefined &&
    (previous.user !== entry.user || previous.kind !== entry.kind || previous.amount.amount !== entry.amount.amount ||
      previous.amount.currency !== entry.amount.currency)
  ) {
    return new LedgerConflict({ key: entry.key, existing: `${previous.kind} of ${previous.amount.amount} ${previous.amount.currency} for user ${previous.user}` })
  }
  return undefined
}

export class LedgerRepo extends Context.Tag("@tokenshop/domain/LedgerRepo")<LedgerRepo, {
  /**
   * Appends one entry, atomically with its balance check: a debit (purchase, admin_debit) larger
   * than what is available fails with InsufficientFunds and writes nothing.
   * Idempotent per `key`: a replay of the same entry (user, kind and amount) returns the first one
   * with `replayed: true` and writes nothing; the key of a different entry is a LedgerConflict.
   * Amounts must be above zero (InvalidAmount). `balance` is the user's balance in the entry's
   * currency once the append is done. Check both with `appendCheck` before writing.
   */
  readonly append: (entry: NewLedgerEntry) => Effect.Effect<
    { readonly entry: LedgerEntry; readonly replayed: boolean; readonly balance: Balance },
    InsufficientFunds | LedgerConflict | InvalidAmount
  >
  readonly balance: (user: TelegramId, currency: Money["currency"]) => Effect.Effect<Balance>
  /**
   * The balance as stored and as the user's entries add up (`applyEntry`), read together (one
   * indexed query in SQL), for checkout's guard against a balance changed past the ledger.
   */
  readonly reconcile: (user: TelegramId, currency: Money["currency"]) => Effect.Effect<{ readonly stored: Balance; readonly entries: Balance }>
  readonly findByKey: (key: IdempotencyKey) => Effect.Effect<Option.Option<LedgerEntry>>
  /** Newest first. */
  readonly history: (user: TelegramId, page: PageRequest) => Effect.Effect<Page<LedgerEntry>>
  /** The ledger's entries in other currencies than `currency`, counted per currency. */
  readonly foreignEntries: (currency: Money["currency"]) => Effect.Effect<ReadonlyArray<{ readonly currency: Money["currency"]; readonly entries: number }>>
}>() {}

export interface Adjustment {
  readonly user: TelegramId
  readonly direction: "credit" | "debit"
  readonly amount: Money
  readonly reason: string
  /** Makes the adjustment idempotent, e.g. the id of the admin's confirming message. */
  readonly key: IdempotencyKey
}

/** An adjustment's outcome: the balance after it, and whether its key had been used before (nothing changed). */
export interface Adjusted {
  readonly balance: Balance
  readonly replayed: boolean
}

/** Balances and the admin's audited adjustments. */
export class Ledger extends Context.Tag("@tokenshop/domain/Ledger")<Ledger, {
  readonly balance: (user: TelegramId) => Effect.Effect<Balance, UserNotFound>
  readonly history: (user: TelegramId, page: PageRequest) => Effect.Effect<Page<LedgerEntry>, UserNotFound>
  /** An admin's credit or debit, with a reason and the admin recorded. A debit never overdraws. */
  readonly adjust: (admin: AdminRef, adjustment: Adjustment) => Effect.Effect<
    Adjusted,
    NotAdmin | UserNotFound | InsufficientFunds | InvalidAmount | InvalidInput | LedgerConflict
  >
}>() {
  static readonly layer = Layer.effect(Ledger, Effect.gen(function*() {
    const repo = yield* LedgerRepo
    const users = yield* Users
    const notifier = yield* Notifier
    const { currency } = yield* ShopConfig

    const balance = (user: TelegramId) => users.get(user).pipe(Effect.zipRight(repo.balance(user, currency)))

    return Ledger.of({
      balance,
      history: (user, page) => users.get(user).pipe(Effect.zipRight(repo.history(user, page))),
      adjust: Effect.fn("Ledger.adjust")(function*(admin: AdminRef, adj: Adjustment) {
        yield* users.ensureAdmin(admin)
        yield* users.get(adj.user)
        if (adj.amount.currency !== currency) {
          return yield* new InvalidInput({ field: "amount", problem: `must be in ${currency}` })
        }
        if (adj.amount.amount <= 0n) {
          return yield* new InvalidAmount({ input: adj.amount.amount.toString(), reason: "zero", maxDecimals: 0 })
        }
        const reason = adj.reason.trim()
        if (reason === "") return yield* new InvalidInput({ field: "reason", problem: "a reason is required" })
        const { balance: after, replayed } = yield* repo.append({
          user: adj.user,
          kind: adj.direction === "credit" ? "admin_credit" : "admin_debit",
          amount: adj.amount,
          key: adj.key,
          reason,
          actor: describeAdmin(admin),
          ref: null,
          createdAt: yield* now
        })
        if (!replayed) {
          yield* notifier.publish(DomainEvent.BalanceAdjusted({
            user: adj.user, direction: adj.direction, amount: adj.amount, reason, admin, balance: after
          }))
        }
        return { balance: after, replayed } satisfies Adjusted
      })
    })
  }))
}
