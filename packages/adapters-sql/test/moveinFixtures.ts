/** AiogramShopBot databases for the move-in tests, made from the SQL under fixtures/aiogramshopbot. */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import { LedgerRepo, TelegramId } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import pg from "pg"

const fixtureDir = join(import.meta.dirname, "fixtures", "aiogramshopbot")
export type SqliteFixture = "sqlite-2025" | "sqlite-2026" | "sqlite-current"
export type PgFixture = "postgres" | "postgres-current"
export const fixtureSql = (name: SqliteFixture | PgFixture) => readFileSync(join(fixtureDir, `${name}.sql`), "utf8")

/** Statements of a fixture: split at semicolons that end a line (the fixtures keep none inside strings). */
export const statements = (text: string) =>
  text.split(/;\s*$/m).map((s) => s.replace(/^\s*--.*$/gm, "").trim()).filter((s) => s !== "")

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`

/** Writes the fixture into a new SQLite file (SQLCipher-encrypted under `key` when given; all but the 2025 one in WAL mode). */
export const makeSqliteSource = (file: string, name: SqliteFixture, key?: string) =>
  Effect.scoped(Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    if (key !== undefined) {
      yield* sql.unsafe("PRAGMA cipher = 'sqlcipher'")
      yield* sql.unsafe("PRAGMA legacy = 4")
      yield* sql.unsafe(`PRAGMA key = ${quote(key)}`)
    }
    // The bot put its SQLite file in WAL mode from March 2025 (commit 81f8555); a reader must cope.
    if (name !== "sqlite-2025") yield* sql.unsafe("PRAGMA journal_mode = WAL")
    for (const s of statements(fixtureSql(name))) yield* sql.unsafe(s)
  }).pipe(Effect.provide(SqliteClient.layer({ filename: file, disableWAL: true })), Effect.orDie))

/** Loads a PostgreSQL-era fixture into a new schema; the source URL reads that schema. */
export const makePgSource = async (url: string, schema: string, name: PgFixture = "postgres") => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`CREATE SCHEMA ${schema}`)
    await client.query(`SET search_path TO ${schema}`)
    for (const s of statements(fixtureSql(name))) await client.query(s)
  } finally {
    await client.end()
  }
  const u = new URL(url)
  u.searchParams.set("options", `-c search_path=${schema}`)
  return u.toString()
}

export const dropPgSchema = async (url: string, schema: string) => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  await client.end()
}

/** Balances of the fixture's users after a move-in, as [top-up, consumed, available] cents. */
export const balances = Effect.gen(function*() {
  const ledger = yield* LedgerRepo
  const out: Record<number, [bigint, bigint, bigint]> = {}
  for (const id of [1001, 1002, 1003, 1004]) {
    const b = yield* ledger.balance(TelegramId.make(id), "USD")
    out[id] = [b.topUp.amount, b.consumed.amount, b.available.amount]
  }
  return out
})

/** Row counts of the shop tables a move-in writes. */
export const counts = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const out: Record<string, number> = {}
  for (const t of ["users", "ledger_entries", "balances", "categories", "subcategories", "items", "buys", "buy_items", "deposits", "movein_map"]) {
    const [r] = yield* sql<{ n: unknown }>`SELECT COUNT(*) AS n FROM ${sql(t)}`
    out[t] = Number(r!.n)
  }
  return out
}).pipe(Effect.orDie)

/** The fixture's expectations, the same in every era. */
export const expected = {
  balances: { 1001: [30n, 20n, 10n], 1002: [10000n, 2999n, 7001n], 1003: [268n, 0n, 268n], 1004: [0n, 0n, 0n] },
  totals: { topUp: 10298n, consumed: 3019n, available: 7279n }
}

/** What the current release's fixture (sqlite-current, postgres-current) holds that a move-in does not carry over. */
export const currentNotCarried = {
  tables: [
    { table: "buttons_media", rows: 1 }, { table: "cart_items", rows: 1 }, { table: "carts", rows: 1 }, { table: "coupons", rows: 2 },
    { table: "referral_bonus", rows: 1 }, { table: "reviews", rows: 2 }, { table: "shipping_options", rows: 2 }
  ],
  values: [
    { table: "users", column: "referral_code", rows: 1 }, { table: "users", column: "referred_by_user_id", rows: 2 },
    { table: "buys", column: "coupon_id", rows: 1 }, { table: "buys", column: "discount", rows: 1 }, { table: "buys", column: "shipping_option_id", rows: 1 },
    { table: "buys", column: "shipping_address", rows: 1 }, { table: "buys", column: "track_number", rows: 1 }
  ]
}
