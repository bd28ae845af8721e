/**
 * AiogramShopBot's database as this move-in reads it: its tables (SQLAlchemy models, names as the bot
 * gives them), the columns that tell its eras apart, and the rows normalized across eras.
 *
 * - SQLite (plain or SQLCipher), up to its 2026-01 switch: until late 2025 `deposits.blockchain`,
 *   `buys.is_refunded` and one `buyItem` row per item (`item_id`), and no `users.language`/`is_banned`;
 *   from Dec 2025 `deposits.network` + `fiat_amount`, `buys.status`, `users.language`/`is_banned`, and
 *   `buyItem.item_ids` as a JSON list.
 * - PostgreSQL, from 2026-01 on: the same tables, `buyItem.item_ids` an `integer[]`, `deposits.amount`
 *   NUMERIC(78,0), enum columns as PostgreSQL enum types (values are the Python enum names: EN, PAID).
 * - Its current release (PostgreSQL only; already so on SQLite from Dec 2025 to 2026-01): `items.item_type`
 *   DIGITAL | PHYSICAL (a physical unit has no private data), and coupons, shipping options, reviews and
 *   referrals, which this move-in does not carry over yet (see Uncarried).
 * Money (`users.top_up_amount`, `consume_records`, `items.price`, `buys.total_price`,
 * `deposits.fiat_amount`) is Float throughout: see FloatMoney.
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import { isPg } from "../internal/rows.js"

/** The source cannot be moved in from; `message` says why, for a person. */
export class MoveInFailed extends Data.TaggedError("MoveInFailed")<{
  readonly reason: "missing_source" | "wrong_key" | "not_anchor" | "unreachable" | "invalid"
  readonly message: string
}> {}

/** The tables (and their columns) without which a database is not AiogramShopBot's. */
export const REQUIRED: Readonly<Record<string, ReadonlyArray<string>>> = {
  users: ["id", "telegram_id", "telegram_username", "top_up_amount", "consume_records"],
  categories: ["id", "name"],
  subcategories: ["id", "name"],
  items: ["id", "category_id", "subcategory_id", "private_data", "price", "is_sold", "is_new", "description"],
  buys: ["id", "buyer_id", "total_price", "buy_datetime"],
  buyItem: ["id", "buy_id"]
}

export type Columns = ReadonlyMap<string, ReadonlySet<string>>

export interface AnchorUser {
  readonly id: number
  readonly telegramId: number
  readonly username: string | null
  readonly language: string | null
  readonly banned: boolean
  readonly topUp: number
  readonly consumed: number
  readonly registeredAt: Date | null
}
export interface AnchorNamed {
  readonly id: number
  readonly name: string
}
export interface AnchorItem {
  readonly id: number
  readonly categoryId: number
  readonly subcategoryId: number
  readonly privateData: string | null
  readonly price: number
  readonly sold: boolean
  readonly isNew: boolean
  readonly description: string
  /** `item_type` PHYSICAL: a unit to ship, with no private data (false before Dec 2025, which had none). */
  readonly physical: boolean
}
export interface AnchorBuy {
  readonly id: number
  readonly buyerId: number | null
  readonly total: number
  readonly at: Date | null
  readonly refunded: boolean
  readonly itemIds: ReadonlyArray<number>
}
export interface AnchorDeposit {
  readonly id: number
  readonly userId: number
  readonly network: string
  /** Crypto base units, exact. */
  readonly units: bigint
  readonly fiat: number | null
  readonly at: Date | null
}
export interface AnchorPayment {
  readonly id: number
  readonly userId: number | null
  readonly processingPaymentId: number
  readonly messageId: number | null
  readonly paid: boolean
  readonly expires: Date | null
}

export interface AnchorData {
  /** "SQLite, 2025 schema" and the like: which era was read. */
  readonly era: string
  readonly users: ReadonlyArray<AnchorUser>
  readonly categories: ReadonlyArray<AnchorNamed>
  readonly subcategories: ReadonlyArray<AnchorNamed>
  readonly items: ReadonlyArray<AnchorItem>
  readonly buys: ReadonlyArray<AnchorBuy>
  readonly deposits: ReadonlyArray<AnchorDeposit>
  readonly payments: ReadonlyArray<AnchorPayment>
  readonly uncarried: Uncarried
}

/** What the source holds that this move-in does not carry over, counted for the report. */
export interface Uncarried {
  /** Every table besides those moved in (and the bookkeeping of its migrations), with its row count. */
  readonly tables: ReadonlyArray<{ readonly table: string; readonly rows: number }>
  /** Columns of the tables moved in whose values are left behind, with how many rows hold one. */
  readonly values: ReadonlyArray<{ readonly table: string; readonly column: string; readonly rows: number }>
}

/** Every table of the source and its columns (SQLite: sqlite_master; PostgreSQL: the current schema). */
export const columnsOf = (sql: SqlClient.SqlClient) =>
  Effect.gen(function*() {
    const found = new Map<string, Set<string>>()
    const add = (table: string, column: string) => found.set(table, (found.get(table) ?? new Set()).add(column))
    if (isPg(sql)) {
      const rows = yield* sql<{ table_name: string; column_name: string }>`SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema()`
      for (const r of rows) add(r.table_name, r.column_name)
      return found as Columns
    }
    const tables = yield* sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`
    for (const t of tables) {
      for (const c of yield* sql<{ name: string }>`SELECT name FROM pragma_table_info(${t.name})`) add(t.name, c.name)
    }
    return found as Columns
  })

/** Fails naming the first missing table or column when the source is not AiogramShopBot's. */
export const checkAnchor = (columns: Columns) =>
  Effect.forEach(Object.entries(REQUIRED), ([table, needed]) => {
    const have = columns.get(table)
    if (have === undefined) return Effect.fail(new MoveInFailed({ reason: "not_anchor", message: `not an AiogramShopBot database: it has no table ${table}` }))
    const missing = needed.filter((c) => !have.has(c))
    return missing.length === 0
      ? Effect.void
      : Effect.fail(new MoveInFailed({ reason: "not_anchor", message: `not an AiogramShopBot database: table ${table} lacks ${missing.join(", ")}` }))
  }, { discard: true })

export const has = (columns: Columns, table: string, column: string): boolean => columns.get(table)?.has(column) ?? false
