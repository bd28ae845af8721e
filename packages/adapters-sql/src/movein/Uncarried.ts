/**
 * What an AiogramShopBot database holds that this move-in leaves behind, so that its report names it
 * instead of dropping it without a word: every table it does not read (its current release's `coupons`,
 * `shipping_options`, `reviews`, `referral_bonus`, carts, screen media...) with its row count, and the
 * columns of the tables it reads whose values have no place here yet (referral links on `users`;
 * coupon, discount and shipping on `buys`), with how many rows hold a value.
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import { int } from "../internal/rows.js"
import { type Columns, has, type Uncarried } from "./AnchorSchema.js"

/** The tables this move-in reads. */
export const CARRIED_TABLES: ReadonlySet<string> = new Set(["users", "categories", "subcategories", "items", "buys", "buyItem", "deposits", "payments"])

/** Bookkeeping, not the shop's data: Alembic's revision and the engine's own tables. */
const isBookkeeping = (table: string) => table === "alembic_version" || table.startsWith("sqlite_")

const quoted = (name: string) => `"${name.replaceAll("\"", "\"\"")}"`
const text = (column: string) => `${quoted(column)} IS NOT NULL AND ${quoted(column)} <> ''`
const set = (column: string) => `${quoted(column)} IS NOT NULL`

/** Columns of the carried tables whose values are not moved in, and when a row holds one. */
const VALUES: ReadonlyArray<{ readonly table: string; readonly column: string; readonly holds: string }> = [
  { table: "users", column: "referral_code", holds: text("referral_code") },
  { table: "users", column: "referred_by_user_id", holds: set("referred_by_user_id") },
  { table: "buys", column: "coupon_id", holds: set("coupon_id") },
  { table: "buys", column: "discount", holds: `${quoted("discount")} <> 0` },
  { table: "buys", column: "shipping_option_id", holds: set("shipping_option_id") },
  { table: "buys", column: "shipping_address", holds: text("shipping_address") },
  { table: "buys", column: "track_number", holds: text("track_number") }
]

const count = (sql: SqlClient.SqlClient, table: string, where = "") =>
  Effect.map(sql.unsafe<{ n: unknown }>(`SELECT COUNT(*) AS n FROM ${quoted(table)}${where === "" ? "" : ` WHERE ${where}`}`), ([r]) => int(r?.n ?? 0))

export const readUncarried = (sql: SqlClient.SqlClient, columns: Columns) =>
  Effect.gen(function*() {
    const names = [...columns.keys()].filter((t) => !CARRIED_TABLES.has(t) && !isBookkeeping(t)).sort()
    const tables = yield* Effect.forEach(names, (table) => Effect.map(count(sql, table), (rows) => ({ table, rows })))
    const present = VALUES.filter((v) => has(columns, v.table, v.column))
    const values = yield* Effect.forEach(present, (v) => Effect.map(count(sql, v.table, v.holds), (rows) => ({ table: v.table, column: v.column, rows })))
    return { tables, values: values.filter((v) => v.rows > 0) } satisfies Uncarried
  })
