import * as SqlClient from "@effect/sql/SqlClient"
import {
  appendCheck,
  applyEntry, type Balance, balanceOf, type FiatCurrency, IdempotencyKey, InsufficientFunds, isDebit, type LedgerEntry,
  LedgerEntryId, LedgerRepo, money, TelegramId
} from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { amountText, big, decodeCurrency, decodeKind, int, isPg, millis, paged, time, trusted, TOTAL, type WithTotal } from "./internal/rows.js"
import { queries } from "./internal/run.js"
import { makeTransaction } from "./internal/transaction.js"

interface EntryRow {
  readonly id: unknown
  readonly user_id: unknown
  readonly kind: string
  readonly amount: unknown
  readonly currency: string
  readonly idempotency_key: string
  readonly reason: string | null
  readonly actor: string | null
  readonly ref: string | null
  readonly created_at: unknown
}

const toEntry = (r: EntryRow): LedgerEntry => ({
  id: LedgerEntryId.make(int(r.id), trusted),
  user: TelegramId.make(int(r.user_id), trusted),
  kind: decodeKind(r.kind),
  amount: money(big(r.amount), decodeCurrency(r.currency)),
  key: IdempotencyKey.make(r.idempotency_key),
  reason: r.reason,
  actor: r.actor,
  ref: r.ref,
  createdAt: time(r.created_at)
})

/**
 * The running totals live in `balances`, one row per user and currency, locked (PostgreSQL) or
 * written under the database write lock (SQLite) while an entry is appended, so a check and its
 * write can never interleave with another.
 */
export const SqlLedgerRepo = Layer.effect(LedgerRepo, Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const q = queries(sql)
  const atomically = makeTransaction(sql)
  const pg = isPg(sql)

  const totals = (user: TelegramId, currency: FiatCurrency, lock: boolean) =>
    Effect.map(
      lock && pg
        ? q<{ top_up: unknown; consumed: unknown }>`SELECT top_up, consumed FROM balances WHERE user_id = ${user} AND currency = ${currency} FOR UPDATE`
        : q<{ top_up: unknown; consumed: unknown }>`SELECT top_up, consumed FROM balances WHERE user_id = ${user} AND currency = ${currency}`,
      ([r]) => (r === undefined ? null : { topUp: big(r.top_up), consumed: big(r.consumed) })
    )
  const toBalance = (currency: FiatCurrency, t: { topUp: bigint; consumed: bigint }): Balance => ({
    topUp: money(t.topUp, currency),
    consumed: money(t.consumed, currency),
    available: money(t.topUp - t.consumed, currency)
  })
  const findByKey = (key: IdempotencyKey) =>
    q<EntryRow>`SELECT * FROM ledger_entries WHERE idempotency_key = ${key}`.pipe(
      Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), toEntry))
    )

  return LedgerRepo.of({
    append: (entry) =>
      atomically(Effect.gen(function*() {
        const { currency } = entry.amount
        let before = yield* totals(entry.user, currency, true)
        if (before === null) {
          yield* q`INSERT INTO balances (user_id, currency, top_up, consumed) VALUES (${entry.user}, ${currency}, '0', '0') ON CONFLICT DO NOTHING`
          before = (yield* totals(entry.user, currency, true)) ?? { topUp: 0n, consumed: 0n }
        }
        const previous = yield* findByKey(entry.key)
        const refused = appendCheck(entry, Option.getOrUndefined(previous))
        if (refused !== undefined) return yield* Effect.fail(refused)
        if (Option.isSome(previous)) return { entry: previous.value, replayed: true, balance: toBalance(currency, before) }
        const amount = entry.amount.amount
        if (isDebit(entry.kind) && before.topUp - before.consumed < amount) {
          return yield* new InsufficientFunds({ needed: entry.amount, available: toBalance(currency, before).available })
        }
        const next = applyEntry(before, entry.kind, amount)
        yield* q`UPDATE balances SET top_up = ${amountText(next.topUp)}, consumed = ${amountText(next.consumed)}
          WHERE user_id = ${entry.user} AND currency = ${currency}`
        const [row] = yield* q<EntryRow>`INSERT INTO ledger_entries
          (user_id, kind, amount, currency, idempotency_key, reason, actor, ref, created_at)
          VALUES (${entry.user}, ${entry.kind}, ${amountText(amount)}, ${currency}, ${entry.key}, ${entry.reason}, ${entry.actor},
            ${entry.ref}, ${millis(entry.createdAt)})
          RETURNING *`
        return { entry: toEntry(row!), replayed: false, balance: toBalance(currency, next) }
      }).pipe(Effect.catchTag("SqlError", Effect.die))),
    balance: (user, currency) =>
      totals(user, currency, false).pipe(Effect.map((t) => toBalance(currency, t ?? { topUp: 0n, consumed: 0n })), Effect.orDie),
    reconcile: (user, currency) =>
      // One statement: the stored row, then each kind's sum over the user's entries (ledger_entries_user),
      // exact on both engines: NUMERIC on PostgreSQL; on SQLite, whose integers stop at 2^63, each text
      // amount summed in two parts (the digits above the last nine, and the last nine), exact to 10^27.
      (pg
        ? q<{ kind: string; a: unknown; b: unknown }>`SELECT '' AS kind, top_up AS a, consumed AS b FROM balances WHERE user_id = ${user} AND currency = ${currency}
          UNION ALL SELECT kind, SUM(amount), 0 FROM ledger_entries WHERE user_id = ${user} AND currency = ${currency} GROUP BY kind`
        : q<{ kind: string; a: unknown; b: unknown }>`SELECT '' AS kind, top_up AS a, consumed AS b FROM balances WHERE user_id = ${user} AND currency = ${currency}
          UNION ALL SELECT kind, CAST(SUM(CAST(substr(amount, 1, max(length(amount) - 9, 0)) AS INTEGER)) AS TEXT),
            CAST(SUM(CAST(substr(amount, max(length(amount) - 8, 1)) AS INTEGER)) AS TEXT)
          FROM ledger_entries WHERE user_id = ${user} AND currency = ${currency} GROUP BY kind`
      ).pipe(
        Effect.map((rows) => {
          let stored = { topUp: 0n, consumed: 0n }
          let entries = { topUp: 0n, consumed: 0n }
          for (const r of rows) {
            if (r.kind === "") stored = { topUp: big(r.a), consumed: big(r.b) }
            // applyEntry is linear in the amount: a kind's sum adds up as its entries do
            else entries = applyEntry(entries, decodeKind(r.kind), pg ? big(r.a) : big(r.a) * 1_000_000_000n + big(r.b))
          }
          return { stored: toBalance(currency, stored), entries: toBalance(currency, entries) }
        }),
        Effect.orDie
      ),
    findByKey: (key) => Effect.orDie(findByKey(key)),
    history: (user, page) =>
      paged(
        page,
        q<WithTotal<EntryRow>>`SELECT *, ${sql.literal(TOTAL)} FROM ledger_entries WHERE user_id = ${user} ORDER BY id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
        q<{ n: unknown }>`SELECT COUNT(*) AS n FROM ledger_entries WHERE user_id = ${user}`,
        toEntry
      ).pipe(Effect.orDie),
    foreignEntries: (currency) =>
      q<{ currency: string; n: unknown }>`SELECT currency, COUNT(*) AS n FROM ledger_entries WHERE currency <> ${currency} GROUP BY currency ORDER BY currency`.pipe(
        Effect.map((rows) => rows.map((r) => ({ currency: decodeCurrency(r.currency), entries: int(r.n) }))),
        Effect.orDie
      )
  })
}))

/** Recomputes a balance from the entries alone, for audits and tests. */
export const balanceFromEntries = (sql: SqlClient.SqlClient, user: TelegramId, currency: FiatCurrency) =>
  sql<EntryRow>`SELECT * FROM ledger_entries WHERE user_id = ${user}`.pipe(Effect.map((rows) => balanceOf(currency, rows.map(toEntry))))
