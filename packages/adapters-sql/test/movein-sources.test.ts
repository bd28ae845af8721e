import { join } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { moveInFromAiogramShopBot, SqliteStorage } from "../src/index.js"
import { balances, counts, expected, makeSqliteSource } from "./moveinFixtures.js"
import { scratchDir, sqliteStorage } from "./support.js"

const now = new Date("2026-11-28T00:00:00Z")
const run = (source: string, key?: string) =>
  moveInFromAiogramShopBot({ source, apply: true, currency: "USD", now, key: key === undefined ? undefined : Redacted.make(key) })

const nothingWritten = Effect.map(counts, (c) => expect(Object.values(c).every((n) => n === 0)).toBe(true))

describe("moving in from AiogramShopBot: sources", () => {
  it.live("an SQLCipher source opens with its key, and is refused without it or with a wrong one", () =>
    Effect.gen(function*() {
      const source = join(yield* scratchDir, "anchor-encrypted.db")
      yield* makeSqliteSource(source, "sqlite-2026", "anchor secret")
      expect(yield* Effect.flip(run(source, "wrong"))).toMatchObject({ _tag: "MoveInFailed", reason: "wrong_key" })
      expect(yield* Effect.flip(run(source))).toMatchObject({ _tag: "MoveInFailed", reason: "not_anchor" })
      yield* nothingWritten
      const r = yield* run(source, "anchor secret")
      expect(r.balances).toEqual(expected.totals)
      expect(yield* balances).toEqual(expected.balances)
    }).pipe(Effect.scoped, Effect.provide(sqliteStorage())))

  it.live("a missing file, or a database that is not AiogramShopBot's, is refused and nothing is written", () =>
    Effect.gen(function*() {
      const dir = yield* scratchDir
      expect(yield* Effect.flip(run(join(dir, "nope.db")))).toMatchObject({ reason: "missing_source", message: `${join(dir, "nope.db")}: no such file` })
      const other = join(dir, "other.db")
      yield* Effect.provide(
        Effect.flatMap(SqlClient.SqlClient, (sql) => sql.unsafe("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")),
        SqliteClient.layer({ filename: other })
      ).pipe(Effect.orDie)
      expect(yield* Effect.flip(run(other))).toMatchObject({ reason: "not_anchor", message: "not an AiogramShopBot database: table users lacks telegram_id, telegram_username, top_up_amount, consume_records" })
      yield* nothingWritten
    }).pipe(Effect.scoped, Effect.provide(sqliteStorage())))

  it.live("a failure half-way through --apply writes nothing", () =>
    Effect.gen(function*() {
      const source = join(yield* scratchDir, "anchor.db")
      yield* makeSqliteSource(source, "sqlite-2026")
      const sql = yield* SqlClient.SqlClient
      // A purchase already holding the key the move-in gives the source's purchase 2: its insert fails after users, balances and items.
      yield* sql`INSERT INTO users (id, username, username_lower, language, banned, registered_at) VALUES (999, NULL, NULL, NULL, 0, 0)`.pipe(Effect.orDie)
      yield* sql`INSERT INTO buys (user_id, checkout_key, total, currency, created_at) VALUES (999, 'movein:aiogramshopbot:buy:2', '1', 'USD', 0)`.pipe(Effect.orDie)
      const exit = yield* Effect.exit(run(source))
      expect(exit._tag).toBe("Failure")
      expect(yield* counts).toMatchObject({ users: 1, ledger_entries: 0, balances: 0, categories: 0, items: 0, buys: 1, buy_items: 0, deposits: 0, movein_map: 0 })
    }).pipe(Effect.scoped, Effect.provide(sqliteStorage())))

  it.live("moved-in goods are sealed as the shop seals its own when a goods key is set", () =>
    Effect.gen(function*() {
      const dir = yield* scratchDir
      const source = join(dir, "anchor.db")
      yield* makeSqliteSource(source, "sqlite-2026")
      const goodsKeys = { current: Redacted.make("ab".repeat(32)) }
      const shop = SqliteStorage({ filename: join(dir, "shop.db"), goodsKeys })
      yield* Effect.provide(Effect.gen(function*() {
        yield* moveInFromAiogramShopBot({ source, apply: true, currency: "USD", now, goodsKeys })
        const sql = yield* SqlClient.SqlClient
        const stored = yield* sql<{ private_data: string }>`SELECT private_data FROM items UNION ALL SELECT private_data FROM buy_items`.pipe(Effect.orDie)
        expect(stored.length).toBe(12)
        expect(stored.every((r) => r.private_data.startsWith("enc1:"))).toBe(true)
        expect(stored.some((r) => r.private_data.includes("STEAM"))).toBe(false)
      }), shop)
    }).pipe(Effect.scoped))
})
