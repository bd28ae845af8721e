/**
 * Every balance of the target (`balances`, one row per user and currency: the running totals the
 * ledger keeps) checked against the source's row for the same user and currency, and against the sum
 * of that user's ledger entries on the target (`applyEntry`, as the ledger adds them up). Read a batch
 * of balances at a time, with the entries of that batch's users.
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import { applyEntry } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import { big, decodeKind, int } from "../internal/rows.js"
import { eachBatch, type Row } from "./Batches.js"
import type { Side } from "./Sides.js"
import type { ShopTable } from "./Tables.js"

const BALANCES: ShopTable = { name: "balances", key: ["user_id", "currency"] }

interface Totals {
  readonly topUp: bigint
  readonly consumed: bigint
}
const show = (t: Totals) => `top-up ${t.topUp}, consumed ${t.consumed}, available ${t.topUp - t.consumed}`
const totalsOf = (r: Row): Totals => ({ topUp: big(r["top_up"]), consumed: big(r["consumed"]) })
const same = (a: Totals, b: Totals) => a.topUp === b.topUp && a.consumed === b.consumed
const keyOf = (user: unknown, currency: unknown) => `${int(user)}|${String(currency)}`

const forUsers = (sql: SqlClient.SqlClient, columns: string, table: string, users: ReadonlyArray<number>) =>
  sql<Row>`SELECT ${sql.literal(columns)} FROM ${sql(table)} WHERE ${sql.in("user_id", users)}`

export interface BalancesChecked {
  /** Balances (user and currency) checked. */
  readonly balances: number
  /** What did not match, one line each (in minor units). */
  readonly problems: ReadonlyArray<string>
}

export const verifyBalances = (source: Side, target: Side, batchSize: number): Effect.Effect<BalancesChecked, SqlError> =>
  Effect.gen(function*() {
    const problems: Array<string> = []
    const checked = yield* target.use(eachBatch(target.sql, BALANCES, batchSize, (rows) =>
      Effect.gen(function*() {
        const users = [...new Set(rows.map((r) => int(r["user_id"])))]
        const theirs = new Map((yield* source.use(forUsers(source.sql, "user_id, currency, top_up, consumed", "balances", users)))
          .map((r) => [keyOf(r["user_id"], r["currency"]), totalsOf(r)] as const))
        const sums = new Map<string, Totals>()
        for (const e of yield* target.use(forUsers(target.sql, "user_id, currency, kind, amount", "ledger_entries", users))) {
          const key = keyOf(e["user_id"], e["currency"])
          sums.set(key, applyEntry(sums.get(key) ?? { topUp: 0n, consumed: 0n }, decodeKind(e["kind"]), big(e["amount"])))
        }
        for (const row of rows) {
          const key = keyOf(row["user_id"], row["currency"])
          const what = `balance of user ${int(row["user_id"])} in ${String(row["currency"])}`
          const ours = totalsOf(row)
          const source = theirs.get(key)
          if (source === undefined) problems.push(`${what}: not in the source`)
          else if (!same(source, ours)) problems.push(`${what}: ${show(source)} in the source, ${show(ours)} in the target`)
          const sum = sums.get(key) ?? { topUp: 0n, consumed: 0n }
          if (!same(sum, ours)) problems.push(`${what}: the target's ledger entries add up to ${show(sum)}, its balance says ${show(ours)}`)
        }
      })))
    const [orphans] = yield* target.use(target.sql<{ n: unknown }>`SELECT COUNT(*) AS n FROM ledger_entries e
      WHERE NOT EXISTS (SELECT 1 FROM balances b WHERE b.user_id = e.user_id AND b.currency = e.currency)`)
    if (int(orphans?.n ?? 0) > 0) problems.push(`${int(orphans?.n)} ledger entries of the target have no balance`)
    return { balances: checked, problems }
  })
