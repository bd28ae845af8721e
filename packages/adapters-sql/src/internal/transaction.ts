import * as SqlClient from "@effect/sql/SqlClient"
import { SqlError } from "@effect/sql/SqlError"
import type * as Statement from "@effect/sql/Statement"
import * as Cause from "effect/Cause"
import * as Chunk from "effect/Chunk"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import * as Schedule from "effect/Schedule"
import { isPg } from "./rows.js"
import { run } from "./run.js"

/** PostgreSQL's "could not serialize access" and "deadlock detected": the transaction may simply run again. */
const retryableCodes = new Set(["40001", "40P01"])
const isRetryable = (u: unknown): boolean =>
  u instanceof SqlError && typeof u.cause === "object" && u.cause !== null && "code" in u.cause &&
  retryableCodes.has(String(u.cause.code))
const causeIsRetryable = (cause: Cause.Cause<unknown>) =>
  Chunk.some(Cause.failures(cause), isRetryable) || Chunk.some(Cause.defects(cause), isRetryable)

const retrySchedule = Schedule.exponential("2 millis", 1.6).pipe(
  Schedule.jittered,
  Schedule.union(Schedule.spaced("200 millis")),
  Schedule.intersect(Schedule.recurs(60))
)

/** What to call once the transaction being run commits; null outside a transaction made here. */
const committed = FiberRef.unsafeMake<Array<() => void> | null>(null)

/** One run of `body` in a transaction opened by `first`; what `afterCommit` was given runs once it has committed. */
const attempt = <A, E, R>(sql: SqlClient.SqlClient, first: Statement.Statement<object>, body: Effect.Effect<A, E, R>) =>
  Effect.suspend(() => {
    const pending: Array<() => void> = []
    return sql.withTransaction(Effect.zipRight(run(first), Effect.locally(body, committed, pending))).pipe(
      Effect.tap(() => pending.forEach((f) => f()))
    )
  })

/**
 * Calls `f` once what the caller has just written is committed: at the outermost commit inside a
 * transaction, never when that rolls back (nor for the attempts PostgreSQL runs again); at once
 * outside any transaction; never inside one not made here.
 */
export const afterCommit = (f: () => void): Effect.Effect<void> =>
  Effect.withFiberRuntime((fiber) => {
    const pending = fiber.getFiberRef(committed)
    if (pending !== null) pending.push(f)
    else if (Context.getOption(fiber.currentContext, SqlClient.TransactionConnection)._tag === "None") f()
    return Effect.void
  })

/**
 * Serializable transactions over one SqlClient.
 * - SQLite: the client runs one statement or transaction at a time; the transaction's first statement
 *   is a write, so it takes the database's write lock at once and another process waits (busy timeout)
 *   instead of failing half-way.
 * - PostgreSQL: SERIALIZABLE isolation; a transaction that loses a race is run again.
 * A transaction inside a transaction joins the outer one.
 */
export const makeTransaction = (sql: SqlClient.SqlClient): Transaction => {
  const existing = shared.get(sql)
  if (existing !== undefined) return existing
  const pg = isPg(sql)
  const transaction: Transaction = <A, E, R>(body: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.withFiberRuntime<A, E, R>((fiber) => {
      // Inside a transaction already (its connection is in the context): join it.
      if (Context.getOption(fiber.currentContext, SqlClient.TransactionConnection)._tag === "Some") return body
      if (!pg) {
        return attempt(sql, sql`UPDATE write_lock SET n = n + 1 WHERE id = 1`, body).pipe(
          Effect.catchIf((e): e is SqlError => e instanceof SqlError, (e) => Effect.die(e))
        ) as Effect.Effect<A, E, R>
      }
      return attempt(sql, sql`SET TRANSACTION ISOLATION LEVEL SERIALIZABLE`, body).pipe(
        Effect.sandbox,
        Effect.retry({ schedule: retrySchedule, while: causeIsRetryable }),
        Effect.unsandbox,
        Effect.catchIf((e): e is SqlError => e instanceof SqlError, (e) => Effect.die(e))
      ) as Effect.Effect<A, E, R>
    })
  shared.set(sql, transaction)
  return transaction
}

type Transaction = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
/** One transaction function per client, so that every repository joins the same running transaction. */
const shared = new WeakMap<SqlClient.SqlClient, Transaction>()
