/**
 * Runs a statement. Inside a transaction it goes straight to the transaction's connection, which
 * `@effect/sql` keeps in the fiber's context as `TransactionConnection`: the statement is compiled
 * and executed there, without the per-statement span and scope that `yield* statement` sets up
 * (about three quarters of a short statement's cost on SQLite). The transaction itself still has
 * its `sql.transaction` span, and the use cases theirs.
 *
 * Outside a transaction on SQLite, the statement takes the client's one connection exactly as
 * `@effect/sql`'s own statements do, through the client's acquirer (the connection's permit: taken
 * once no transaction holds it, and given back), and runs there, again without the span and scope:
 * the same exclusion from other fibers' transactions for about half the cost (see `connect`).
 * Elsewhere (a pool, whose acquirer needs a scope) it runs as usual.
 *
 * The clients here are built without row transforms, so rows come back as the driver returns them
 * on every path.
 */
import * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import type { Connection, Row } from "@effect/sql/SqlConnection"
import type * as Statement from "@effect/sql/Statement"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"

type Rows<A> = Effect.Effect<ReadonlyArray<A>, SqlError>
/** How a statement runs outside a transaction. */
type Outside = <A extends object>(statement: Statement.Statement<A>) => Rows<A>

/** Compiles the statement and executes it on `connection`. */
const executeOn = <A extends object>(connection: Connection, statement: Statement.Statement<A>): Rows<A> => {
  const [sql, params] = statement.compile()
  return connection.execute(sql, params, undefined) as Rows<A>
}

const asUsual: Outside = (statement) => statement

const runWith = <A extends object>(statement: Statement.Statement<A>, outside: Outside): Rows<A> =>
  Effect.withFiberRuntime((fiber) => {
    const tx = Context.getOption(fiber.currentContext, SqlClient.TransactionConnection)
    return tx._tag === "None" ? outside(statement) : executeOn(tx.value[0], statement)
  })

/** Runs a statement on its transaction's connection, or as usual outside one. */
export const run = <A extends object>(statement: Statement.Statement<A>): Rows<A> => runWith(statement, asUsual)

/**
 * The client's acquirer, on SQLite. `@effect/sql` gives every statement the client's connection
 * getter (`acquirer`, an implementation field outside the Statement type); on SQLite it waits for
 * the connection's permit and gives it back at once, with no scope. When a future version no longer
 * has it, statements simply run as usual.
 */
const connect = (sql: SqlClient.SqlClient): Effect.Effect<Connection, SqlError> | undefined => {
  if (!sql.onDialectOrElse({ sqlite: () => true, orElse: () => false })) return undefined
  const acquirer: unknown = Reflect.get(sql`SELECT 1`, "acquirer")
  return Effect.isEffect(acquirer) ? (acquirer as Effect.Effect<Connection, SqlError>) : undefined
}

/** `sql` as a tag that runs its statement through `run`; fragments inside it are still built with `sql`. */
export interface Query {
  <A extends object = Row>(strings: TemplateStringsArray, ...args: Array<unknown>): Effect.Effect<ReadonlyArray<A>, SqlError>
}
export const queries = (sql: SqlClient.SqlClient): Query => {
  const acquirer = connect(sql)
  const outside: Outside = acquirer === undefined
    ? asUsual
    : (statement) => Effect.flatMap(acquirer, (connection) => executeOn(connection, statement))
  return (strings, ...args) => runWith(sql(strings, ...args), outside)
}
