/**
 * Every table of the shop, in foreign-key order (a table comes after every table it references), with
 * the primary key it is read in order of. Tables of the cluster runner (`cluster_*`: shard locks,
 * runners, durable messages of one running process), the update inbox (`update_inbox`: which updates
 * were already handled, of no use to another bot session) and the migrator's own table are not the
 * shop's: they are left out, and the migrator fills its table when the target is migrated.
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import { isPg } from "../internal/rows.js"

export interface ShopTable {
  readonly name: string
  /** The primary key's columns: rows are read and compared in this order. */
  readonly key: ReadonlyArray<string>
  /** `id` is generated (an identity column on PostgreSQL): its sequence is moved past the highest id. */
  readonly identity?: boolean
  /** The migrations write this table's rows: a new database holds them, and a copy replaces them. */
  readonly seeded?: boolean
}

const byId = (name: string): ShopTable => ({ name, key: ["id"], identity: true })

export const shopTables: ReadonlyArray<ShopTable> = [
  { name: "users", key: ["id"] },
  { name: "balances", key: ["user_id", "currency"] },
  byId("ledger_entries"),
  byId("categories"),
  byId("subcategories"),
  byId("items"),
  { name: "cart_lines", key: ["user_id", "subcategory_id"] },
  byId("buys"),
  { name: "buy_items", key: ["buy_id", "position"] },
  byId("payments"),
  byId("deposits"),
  byId("withdrawals"),
  { name: "write_lock", key: ["id"], seeded: true },
  { name: "prompts", key: ["user_id"] },
  { name: "withdrawal_claims", key: ["idempotency_key"] },
  { name: "deposit_indexes", key: ["user_id"] },
  byId("deposit_addresses"),
  byId("address_pool"),
  byId("chain_deposits"),
  { name: "chain_watchers", key: ["name"] },
  byId("announcements"),
  { name: "announcement_recipients", key: ["announcement_id", "user_id"] },
  { name: "unreachable_users", key: ["user_id"] },
  { name: "audit_head", key: ["id"], seeded: true },
  { name: "withdrawal_addresses", key: ["asset", "address"] },
  byId("withdrawal_approvals"),
  { name: "goods_key_ids", key: ["id"] },
  byId("goods_reveals"),
  { name: "movein_map", key: ["source", "kind", "anchor_id"] },
  { name: "shop_fronts", key: ["id"] }
]

/** PostgreSQL sequences the shop draws from besides the identity columns: the sequence, and the column it must stay past. */
export const pgSequences: ReadonlyArray<{ readonly sequence: string; readonly table: string; readonly column: string }> = [
  { sequence: "deposit_index_seq", table: "deposit_indexes", column: "idx" }
]

/** The migrator's bookkeeping (see Storage.ts `migrate`). */
export const MIGRATIONS_TABLE = "tokenshop_migrations"

/** Updates already handled: transient, like the cluster runner's tables. */
export const UPDATE_INBOX_TABLE = "update_inbox"

/** Tables that are not the shop's data: the migrator's, the cluster runner's, the update inbox, the engine's own. */
export const isSkipped = (name: string): boolean =>
  name === MIGRATIONS_TABLE || name === UPDATE_INBOX_TABLE || name.startsWith("cluster_") || name.startsWith("sqlite_")

/** The tables in the database (PostgreSQL: the first schema of the search path), by name. */
export const tablesIn = (sql: SqlClient.SqlClient) =>
  Effect.map(
    isPg(sql)
      ? sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`
      : sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`,
    (rows) => rows.map((r) => r.name)
  )

/** The database's tables that copy-data neither copies nor knows to leave out (a newer schema than this list). */
export const unknownTables = (sql: SqlClient.SqlClient) =>
  Effect.map(tablesIn(sql), (names) => {
    const known = new Set(shopTables.map((t) => t.name))
    return names.filter((n) => !known.has(n) && !isSkipped(n))
  })
