/**
 * Two databases open at once, each in its own transaction. @effect/sql keeps the running transaction's
 * connection in the fiber's context under one tag for every client, so each side's statements are run
 * with that side's connection put there (`use`), never the other's.
 */
import * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import { isPg } from "../internal/rows.js"

export interface Side {
  readonly sql: SqlClient.SqlClient
  /** Runs statements of this side's client on this side's connection. */
  readonly use: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
}

/** `effect` with no transaction's connection in its context (@effect/sql only ever looks it up as optional). */
const outside = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, Exclude<R, SqlClient.TransactionConnection>> =>
  Effect.mapInputContext(effect, (context: Context.Context<Exclude<R, SqlClient.TransactionConnection>>) =>
    Context.omit(SqlClient.TransactionConnection)(context) as Context.Context<R>)

/** A side used outside any transaction (each statement on its own). */
export const plainSide = (sql: SqlClient.SqlClient): Side => ({ sql, use: outside })

/** Runs `body` inside a transaction on `sql`, with the side that runs statements in it. */
const inTransaction = <A, E, R>(sql: SqlClient.SqlClient, readOnly: boolean, body: (side: Side) => Effect.Effect<A, E, R>) =>
  outside(sql.withTransaction(Effect.gen(function*() {
    const connection = yield* SqlClient.TransactionConnection
    const side: Side = { sql, use: (effect) => Effect.provideService(effect, SqlClient.TransactionConnection, connection) }
    // PostgreSQL: one snapshot for every read of the source, even while its shop keeps writing.
    if (readOnly && isPg(sql)) yield* side.use(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`)
    return yield* body(side)
  })))

/**
 * `body` over the source read in one transaction (a consistent snapshot: SQLite's read transaction,
 * PostgreSQL's REPEATABLE READ) and the target written in one transaction, committed when `body`
 * succeeds and rolled back when it fails.
 */
export const inBothTransactions = <A, E, R>(
  source: SqlClient.SqlClient,
  target: SqlClient.SqlClient,
  body: (source: Side, target: Side) => Effect.Effect<A, E, R>
): Effect.Effect<A, E | SqlError, R> =>
  inTransaction(source, true, (from) => inTransaction(target, false, (to) => body(from, to)))
