/**
 * Runs a statement. Inside a transaction it goes straight to the transaction's connection, which
 * `@effect/sql` keeps in the fiber's context as `TransactionConnection`: the statement is compiled
 * and executed there, without the per-statement span and scope that `yield* statement` sets up
 * (about three quarters of a short statement's cost on SQLite). The transaction itself still has
 * its `sql.transaction` span, and the use cases theirs. Outside a transaction the statement runs as
 * usual, taking the client's connection for itself.
 *
 * The clients here are built without row transforms, so rows come back as the driver returns them
 * on both paths.
 */
import * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import type { Row } from "@effect/sql/SqlConnection"
import type * as Statement from "@effect/sql/Statement"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"

export const run = <A extends object>(statement: Statement.Statement<A>): Effect.Effect<ReadonlyArray<A>, SqlError> =>
  Effect.withFiberRuntime((fiber) => {
    const tx = Context.getOption(fiber.currentContext, SqlClient.TransactionConnection)
    if (tx._tag === "None") return statement
    const [sql, params] = statement.compile()
    return tx.value[0].execute(sql, params, undefined) as Effect.Effect<ReadonlyArray<A>, SqlError>
  })

/** `sql` as a tag that runs its statement through `run`; fragments inside it are still built with `sql`. */
export interface Query {
  <A extends object = Row>(strings: TemplateStringsArray, ...args: Array<unknown>): Effect.Effect<ReadonlyArray<A>, SqlError>
}
export const queries = (sql: SqlClient.SqlClient): Query => (strings, ...args) => run(sql(strings, ...args))
