/**
 * Every stored balance (`balances`: the running totals one row per user and currency that checkout and
 * the balance screens read) against what that user's ledger entries add up to (`applyEntry`, as the
 * ledger adds them). The entries are read in windows of ids and summed exactly; a user with entries
 * but no balance row counts as a stored zero.
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import { applyEntry, type Balance, type BalanceProblem, type FiatCurrency, money, TelegramId } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import { big, decodeCurrency, decodeKind, int, trusted } from "../internal/rows.js"

interface Totals {
  readonly topUp: bigint
  readonly consumed: bigint
}
const ZERO: Totals = { topUp: 0n, consumed: 0n }
const keyOf = (user: unknown, currency: unknown) => `${int(user)}|${String(currency)}`
const balance = (currency: FiatCurrency, t: Totals): Balance => ({
  topUp: money(t.topUp, currency), consumed: money(t.consumed, currency), available: money(t.topUp - t.consumed, currency)
})

export const auditBalances = (sql: SqlClient.SqlClient, window = 5000): Effect.Effect<Array<BalanceProblem>, SqlError> =>
  Effect.gen(function*() {
    const sums = new Map<string, { user: number; currency: FiatCurrency; totals: Totals }>()
    for (let after = 0, more = true; more;) {
      const rows = yield* sql<{ id: unknown; user_id: unknown; currency: string; kind: string; amount: unknown }>`
        SELECT id, user_id, currency, kind, amount FROM ledger_entries WHERE id > ${after} ORDER BY id LIMIT ${window}`
      for (const e of rows) {
        const key = keyOf(e.user_id, e.currency)
        const found = sums.get(key) ?? { user: int(e.user_id), currency: decodeCurrency(e.currency), totals: ZERO }
        sums.set(key, { ...found, totals: applyEntry(found.totals, decodeKind(e.kind), big(e.amount)) })
      }
      more = rows.length === window
      if (rows.length > 0) after = int(rows.at(-1)!.id)
    }
    const problems: Array<BalanceProblem> = []
    const report = (user: number, currency: FiatCurrency, stored: Totals, entries: Totals) => {
      if (stored.topUp !== entries.topUp || stored.consumed !== entries.consumed) {
        problems.push({ user: TelegramId.make(user, trusted), stored: balance(currency, stored), entries: balance(currency, entries) })
      }
    }
    for (let lastUser = -1, lastCurrency = "", more = true; more;) {
      const rows = yield* sql<{ user_id: unknown; currency: string; top_up: unknown; consumed: unknown }>`
        SELECT user_id, currency, top_up, consumed FROM balances
        WHERE user_id > ${lastUser} OR (user_id = ${lastUser} AND currency > ${lastCurrency})
        ORDER BY user_id, currency LIMIT ${window}`
      for (const b of rows) {
        const key = keyOf(b.user_id, b.currency)
        report(int(b.user_id), decodeCurrency(b.currency), { topUp: big(b.top_up), consumed: big(b.consumed) }, sums.get(key)?.totals ?? ZERO)
        sums.delete(key)
      }
      more = rows.length === window
      if (rows.length > 0) [lastUser, lastCurrency] = [int(rows.at(-1)!.user_id), rows.at(-1)!.currency]
    }
    for (const { currency, totals, user } of sums.values()) report(user, currency, ZERO, totals) // entries without a balance row
    return problems.sort((a, b) => a.user - b.user)
  })
