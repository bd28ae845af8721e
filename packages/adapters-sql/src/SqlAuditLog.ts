/**
 * The money log over SQL: ledger entries, withdrawals and goods reveals are chained in the order they are sealed.
 * Each sealed row stores its position (`audit_seq`) and `audit_hash`, the link over the previous hash,
 * the position, the table and every column of the row as stored: an HMAC under the money log key
 * derived from the goods key, or SHA-256 without one (see audit/MoneyLogKey.ts). `audit_head` keeps the
 * last position and hash, so deleting the newest rows shows too. Verifying reads the chain in windows
 * of positions and recomputes every hash from the rows as they are now; from the first keyed record
 * on, every record must be keyed. Then it checks the balances and purchase totals the chain does not hold.
 */
import * as SqlClient from "@effect/sql/SqlClient"
import { AuditLog, type AuditProblem } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { auditBalances } from "./audit/BalanceAudit.js"
import { keyOfHash, makeLink, type MoneyLogKeys, moneyLogKeys } from "./audit/MoneyLogKey.js"
import { auditPurchases } from "./audit/PurchaseAudit.js"
import { GoodsCipher } from "./GoodsCipher.js"
import { int, millis } from "./internal/rows.js"
import { queries } from "./internal/run.js"
import { makeTransaction } from "./internal/transaction.js"

export type Table = "ledger_entries" | "withdrawals" | "goods_reveals"
const TABLES: ReadonlyArray<Table> = ["ledger_entries", "withdrawals", "goods_reveals"]
const COLUMNS: Record<Table, ReadonlyArray<string>> = {
  ledger_entries: ["id", "user_id", "kind", "amount", "currency", "idempotency_key", "reason", "actor", "ref", "created_at"],
  withdrawals: ["id", "idempotency_key", "asset", "destination", "scope", "total", "network_fee", "service_fee", "receiving", "tx_ids", "admin", "created_at"],
  goods_reveals: ["id", "admin", "buy_id", "user_id", "items", "created_at"]
}
const NAME: Record<Table, string> = { ledger_entries: "ledger entry", withdrawals: "withdrawal", goods_reveals: "goods reveal" }
const WINDOW = 1000

type Row = Record<string, unknown>

/** Every column as text, as the engine returns it; null is distinct from any text. */
const content = (table: Table, row: Row) => COLUMNS[table].map((c) => (row[c] === null || row[c] === undefined ? "\u2205" : String(row[c]))).join("\u001f")
/** What a link covers besides the previous hash (exported for tests that play a database writer). */
export const linkMessage = (seq: number, table: Table, row: Row) => `${seq}\n${table}\n${content(table, row)}`

/** The money log with links made under `keys`. */
export const sqlAuditLogWith = (keys: MoneyLogKeys) => Layer.effect(AuditLog, Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const link = (id: string | null, previous: string, seq: number, table: Table, row: Row) => makeLink(keys, id, previous, linkMessage(seq, table, row))
  const q = queries(sql)
  const atomically = makeTransaction(sql)
  const head = Effect.map(q<{ seq: unknown; hash: string }>`SELECT seq, hash FROM audit_head WHERE id = 1`, ([h]) => ({ seq: int(h?.seq ?? 0), hash: h?.hash ?? "" }))
  const unsealed = (table: Table, limit: number) =>
    Effect.map(q<Row>`SELECT * FROM ${sql(table)} WHERE audit_seq IS NULL ORDER BY id LIMIT ${limit}`, (rows) => rows.map((row) => ({ table, row })))

  return AuditLog.of({
    reveal: (r) =>
      q`INSERT INTO goods_reveals (admin, buy_id, user_id, items, created_at) VALUES (${r.admin}, ${r.buy}, ${r.user}, ${r.items}, ${millis(r.at)})`.pipe(
        Effect.asVoid,
        Effect.orDie
      ),
    seal: (limit) =>
      atomically(Effect.gen(function*() {
        let { hash, seq } = yield* head
        if (keys.currentId === null && keyOfHash(hash) !== null) return 0 // a keyed chain is never continued without its key
        const pending = (yield* Effect.forEach(TABLES, (table) => unsealed(table, limit))).flat()
          .sort((a, b) => int(a.row["created_at"]) - int(b.row["created_at"]) || a.table.localeCompare(b.table) || int(a.row["id"]) - int(b.row["id"]))
          .slice(0, Math.max(0, limit))
        for (const { row, table } of pending) {
          seq += 1
          hash = link(keys.currentId, hash, seq, table, row)
          yield* q`UPDATE ${sql(table)} SET audit_seq = ${seq}, audit_hash = ${hash} WHERE id = ${row["id"]}`
        }
        if (pending.length > 0) yield* q`UPDATE audit_head SET seq = ${seq}, hash = ${hash} WHERE id = 1`
        return pending.length
      }).pipe(Effect.orDie)),
    verify: Effect.gen(function*() {
      const top = yield* head
      const problems: Array<AuditProblem> = []
      let previous: string | null = ""
      let keyedFrom: number | null = null
      let unchecked = 0
      for (let from = 1; from <= top.seq; from += WINDOW) {
        const to = Math.min(top.seq, from + WINDOW - 1)
        const rows = new Map<number, Array<{ table: Table; row: Row }>>()
        for (const table of TABLES) {
          for (const row of yield* q<Row>`SELECT * FROM ${sql(table)} WHERE audit_seq >= ${from} AND audit_seq <= ${to}`) {
            const seq = int(row["audit_seq"])
            rows.set(seq, [...(rows.get(seq) ?? []), { table, row }])
          }
        }
        for (let seq = from; seq <= to; seq++) {
          const found = rows.get(seq) ?? []
          if (found.length === 0) {
            problems.push({ seq, record: "", problem: "missing" })
            previous = null // the next link cannot be checked: its predecessor is gone
            continue
          }
          const { row, table } = found[0]!
          const record = `${NAME[table]} ${int(row["id"])}`
          if (found.length > 1) problems.push({ seq, record, problem: "duplicated" })
          const stored = String(row["audit_hash"])
          const id = keyOfHash(stored)
          if (id !== null) keyedFrom ??= seq
          if (previous !== null) {
            if (id === null ? keyedFrom !== null || link(null, previous, seq, table, row) !== stored : keys.byId(id) !== undefined && link(id, previous, seq, table, row) !== stored) {
              problems.push({ seq, record, problem: "edited" }) // an unkeyed link after the keyed start is a rewrite
            } else if (id !== null && keys.byId(id) === undefined) {
              if (keys.any) problems.push({ seq, record, problem: "unknown key" })
              else unchecked++
            }
          }
          previous = stored
        }
      }
      if (top.seq > 0 && previous !== null && previous !== top.hash) problems.push({ seq: top.seq, record: "", problem: "edited" })
      for (const table of TABLES) {
        for (const row of yield* q<Row>`SELECT id, audit_seq FROM ${sql(table)} WHERE audit_seq > ${top.seq}`) {
          problems.push({ seq: int(row["audit_seq"]), record: `${NAME[table]} ${int(row["id"])}`, problem: "beyond the head" })
        }
      }
      const [waiting] = yield* q<{ n: unknown }>`SELECT (SELECT COUNT(*) FROM ledger_entries WHERE audit_seq IS NULL) + (SELECT COUNT(*) FROM withdrawals WHERE audit_seq IS NULL)
        + (SELECT COUNT(*) FROM goods_reveals WHERE audit_seq IS NULL) AS n`
      return {
        sealed: top.seq,
        head: top.seq === 0 ? null : top.hash,
        unsealed: int(waiting?.n ?? 0),
        problems,
        keying: { key: keys.currentId !== null, from: keyedFrom, unchecked },
        balances: yield* auditBalances(sql),
        purchases: yield* auditPurchases(sql)
      }
    }).pipe(Effect.orDie),
    head: Effect.map(head, (h) => (h.seq === 0 ? null : h)).pipe(Effect.orDie),
    hashAt: (seq) =>
      q<{ audit_hash: string }>`SELECT audit_hash FROM ledger_entries WHERE audit_seq = ${seq} UNION ALL SELECT audit_hash FROM withdrawals WHERE audit_seq = ${seq}
        UNION ALL SELECT audit_hash FROM goods_reveals WHERE audit_seq = ${seq}`.pipe(Effect.map(([r]) => r?.audit_hash ?? null), Effect.orDie),
    keyed: keys.currentId !== null
  })
}))

/** The money log keyed with the goods keys the storage was given. */
export const SqlAuditLog = Layer.unwrapEffect(Effect.map(GoodsCipher, (cipher) => sqlAuditLogWith(moneyLogKeys(cipher))))
