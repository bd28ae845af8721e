/** A period's sales as CSV (RFC 4180): one row per purchase, amounts as exact decimals in the shop's currency. */
import { type BuySummary, digitsOf, unitsToDecimal } from "@tokenshop/domain"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"

export const CSV_HEADER = "purchase,date_utc,user,items,total,currency,refunded_utc"

const row = (b: BuySummary) =>
  [b.id, b.createdAt.toISOString(), b.user, b.quantity, unitsToDecimal(b.total.amount, digitsOf(b.total.currency)), b.total.currency, b.refundedAt?.toISOString() ?? ""].join(",")

/** The whole file's text; the rows are read a page at a time. */
export const salesCsv = <E>(sales: Stream.Stream<BuySummary, E>): Effect.Effect<{ readonly text: string; readonly rows: number }, E> =>
  Effect.map(Stream.runCollect(Stream.map(sales, row)), (rows) => ({ text: [CSV_HEADER, ...Chunk.toReadonlyArray(rows)].join("\r\n") + "\r\n", rows: Chunk.size(rows) }))
