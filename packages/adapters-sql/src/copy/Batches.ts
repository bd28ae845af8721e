/**
 * Reading a table in primary-key order a batch at a time (keyset: the rows after the last key read, so
 * each batch costs the same however far in), and writing rows back in multi-row INSERTs. Table and
 * column names come from `shopTables` and from the rows the database returned, never from input.
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import * as Effect from "effect/Effect"
import { int, isPg } from "../internal/rows.js"
import type { ShopTable } from "./Tables.js"

export type Row = Readonly<Record<string, unknown>>

const quoted = (name: string) => `"${name.replaceAll("\"", "\"\"")}"`
const placeholders = (sql: SqlClient.SqlClient) => {
  const pg = isPg(sql)
  return (n: number) => (pg ? `$${n}` : "?")
}

/** The rows after `after` (a key, in `table.key` order; null: from the first), at most `limit`. */
export const readAfter = (sql: SqlClient.SqlClient, table: ShopTable, after: ReadonlyArray<unknown> | null, limit: number) => {
  const p = placeholders(sql)
  const columns = table.key.map(quoted)
  const where = after === null ? "" : table.key.length === 1
    ? `WHERE ${columns[0]} > ${p(1)}`
    : `WHERE (${columns.join(", ")}) > (${table.key.map((_, i) => p(i + 1)).join(", ")})`
  return sql.unsafe<Row>(`SELECT * FROM ${quoted(table.name)} ${where} ORDER BY ${columns.join(", ")} LIMIT ${Math.trunc(limit)}`, after ?? [])
}

/** Runs `f` on every batch of `table`'s rows, in key order; the number of rows. */
export const eachBatch = <E, R>(
  sql: SqlClient.SqlClient,
  table: ShopTable,
  size: number,
  f: (rows: ReadonlyArray<Row>) => Effect.Effect<void, E, R>
): Effect.Effect<number, E | SqlError, R> =>
  Effect.gen(function*() {
    let after: ReadonlyArray<unknown> | null = null
    let total = 0
    while (true) {
      const rows: ReadonlyArray<Row> = yield* readAfter(sql, table, after, size)
      if (rows.length === 0) return total
      yield* f(rows)
      total += rows.length
      if (rows.length < size) return total
      const last = rows[rows.length - 1]!
      after = table.key.map((k) => last[k])
    }
  })

/** Statement parameters a driver takes in one statement, with room to spare (SQLite allows 32766, PostgreSQL 65535). */
const MAX_PARAMS = 30_000

/** Inserts `rows` (all with the same columns) into `table` as they are, ids included. */
export const insertRows = (sql: SqlClient.SqlClient, table: string, rows: ReadonlyArray<Row>) =>
  Effect.gen(function*() {
    if (rows.length === 0) return
    const columns = Object.keys(rows[0]!)
    const p = placeholders(sql)
    const perStatement = Math.max(1, Math.floor(MAX_PARAMS / Math.max(1, columns.length)))
    for (let from = 0; from < rows.length; from += perStatement) {
      const chunk = rows.slice(from, from + perStatement)
      const params: Array<unknown> = []
      const tuples = chunk.map((row) => `(${columns.map((c) => {
        params.push(row[c] ?? null)
        return p(params.length)
      }).join(", ")})`)
      yield* sql.unsafe(`INSERT INTO ${quoted(table)} (${columns.map(quoted).join(", ")}) VALUES ${tuples.join(", ")}`, params)
    }
  })

export const countRows = (sql: SqlClient.SqlClient, table: string) =>
  Effect.map(sql.unsafe<{ n: unknown }>(`SELECT COUNT(*) AS n FROM ${quoted(table)}`), ([r]) => int(r?.n ?? 0))

export const deleteRows = (sql: SqlClient.SqlClient, table: string) => sql.unsafe(`DELETE FROM ${quoted(table)}`)
