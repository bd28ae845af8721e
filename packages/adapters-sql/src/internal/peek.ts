/**
 * Reading one page of a list cheaply. Two costs dominate a short list on SQLite: a bound LIMIT (the
 * same statement with `LIMIT ? OFFSET ?` runs two to three times as slowly as with the numbers written in)
 * and the `COUNT(*) OVER ()` window that carries the total. Most lists fit on one page, so a page is
 * read with one row more than asked and no window: when the rows end on this page, the rows tell the
 * total. Only a list that goes on past the page asks for its total, in one statement with the page
 * (`paged`), so that the two still agree.
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import type * as Statement from "@effect/sql/Statement"
import * as Effect from "effect/Effect"
import { pageOf } from "./rows.js"

interface PageRequest {
  readonly offset: number
  readonly limit: number
}

/** A whole number from `n`, at least `min`: LIMIT and OFFSET are written into the statement, never text from outside. */
const whole = (n: number, min: number) => (Number.isFinite(n) ? Math.max(min, Math.trunc(n)) : min)

/** `LIMIT n OFFSET m` as literal integers; `extra` rows more than the page (1 to peek past its end). */
export const limitClause = (sql: SqlClient.SqlClient, page: PageRequest, extra = 0): Statement.Fragment =>
  sql.literal(`LIMIT ${whole(page.limit, 1) + extra} OFFSET ${whole(page.offset, 0)}`)

/** `LIMIT n` as a literal integer (at least 0), for the same reason. */
export const literalLimit = (sql: SqlClient.SqlClient, n: number): Statement.Fragment => sql.literal(`LIMIT ${whole(n, 0)}`)

/**
 * A page from `peek` (the page's rows read with `limitClause(sql, page, 1)`) when the list ends on
 * it; otherwise `counted()`, the page with its total from one statement (`paged`), built only then.
 */
export const peekedPage = <R, A, E>(
  page: PageRequest,
  peek: Effect.Effect<ReadonlyArray<R>, E>,
  counted: () => Effect.Effect<ReturnType<typeof pageOf<A>>, E>,
  f: (row: R) => A
) =>
  Effect.flatMap(peek, (rows) =>
    rows.length <= whole(page.limit, 1) && (rows.length > 0 || page.offset === 0)
      ? Effect.succeed(pageOf(rows.map(f), page.offset + rows.length, page.offset, page.limit))
      : counted())
