/** Reading values back from SQLite (TEXT, INTEGER) and PostgreSQL (NUMERIC and BIGINT come back as strings). */
import type * as SqlClient from "@effect/sql/SqlClient"
import { allAssets, allFiatCurrencies, EntryKind, PaymentStatus } from "@tokenshop/domain"
import * as BigDecimal from "effect/BigDecimal"
import * as Effect from "effect/Effect"

/** An exact amount from a TEXT (SQLite) or NUMERIC (PostgreSQL) column. */
export const big = (v: unknown): bigint => (typeof v === "bigint" ? v : BigInt(String(v)))
/** The decimal-integer text an amount is stored as. */
export const amountText = (v: bigint): string => v.toString()
/** An id, count or epoch-millisecond value (all below 2^53). */
export const int = (v: unknown): number => (typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : Number.parseInt(String(v), 10))
export const flag = (v: unknown): boolean => v === true || v === 1 || v === "1" || v === 1n
export const bit = (b: boolean): number => (b ? 1 : 0)
/** Timestamps are stored as UTC epoch milliseconds. */
export const time = (v: unknown): Date => new Date(int(v))
export const millis = (d: Date): number => d.getTime()
export const nullable = <A>(v: unknown, f: (v: unknown) => A): A | null => (v === null || v === undefined ? null : f(v))

export const isPg = (sql: SqlClient.SqlClient): boolean => sql.onDialectOrElse({ pg: () => true, orElse: () => false })


/** A BigDecimal as plain decimal text ("60000.123"), never in exponent notation. */
export const decimalText = (d: BigDecimal.BigDecimal): string => {
  const n = BigDecimal.normalize(d)
  if (n.scale <= 0) return (n.value * 10n ** BigInt(-n.scale)).toString()
  const negative = n.value < 0n
  const digits = (negative ? -n.value : n.value).toString().padStart(n.scale + 1, "0")
  return `${negative ? "-" : ""}${digits.slice(0, digits.length - n.scale)}.${digits.slice(digits.length - n.scale)}`
}
export const decimal = (v: unknown): BigDecimal.BigDecimal => BigDecimal.unsafeFromString(String(v))

/** Rows of a page and the total behind it. */
export const pageOf = <A>(items: ReadonlyArray<A>, total: unknown, offset: number, limit: number) => ({
  items,
  total: int(total),
  offset,
  limit
})

/** A row of a paged query. */
export type WithTotal<R> = R & { readonly total_rows: unknown }

/** The column a paged query adds to each row: its total before LIMIT and OFFSET, from the same statement. */
export const TOTAL = "COUNT(*) OVER () AS total_rows"

/**
 * A page from rows that carry their query's total (`TOTAL` in the select list), so the page and its
 * count come from one statement and agree. `count` runs only when a page past the first came back
 * empty (an old button's page), where no row carries the total.
 */
export const paged = <R, A, E>(
  page: { readonly offset: number; readonly limit: number },
  rows: Effect.Effect<ReadonlyArray<WithTotal<R>>, E>,
  count: Effect.Effect<ReadonlyArray<{ readonly n: unknown }>, E>,
  f: (row: R) => A
) =>
  Effect.flatMap(rows, (found) =>
    found.length > 0 || page.offset === 0
      ? Effect.succeed(pageOf(found.map(f), found[0]?.total_rows ?? 0, page.offset, page.limit))
      : Effect.map(count, ([c]) => pageOf<A>([], c?.n ?? 0, page.offset, page.limit)))


/** Checks a value the adapter wrote itself against the allowed ones; a bad one is a defect. */
export const oneOf = <A extends string>(values: ReadonlyArray<A>) => {
  const allowed = new Set<string>(values)
  return (v: unknown): A => {
    if (typeof v !== "string" || !allowed.has(v)) throw new Error(`unexpected value in the database: ${String(v)}`)
    return v as A
  }
}
export const decodeCurrency = oneOf(allFiatCurrencies)
export const decodeAsset = oneOf(allAssets)
export const decodeKind = oneOf(EntryKind.literals)
export const decodeStatus = oneOf(PaymentStatus.literals)

/** Rows the adapter wrote itself: their ids are valid, so branding them skips validation. */
export const trusted = { disableValidation: true } as const
