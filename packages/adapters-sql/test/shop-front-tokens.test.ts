/**
 * Shop front tokens are sealed at rest with the goods key: the database file holds no token in clear,
 * the token still reads back, opening without the key is refused, and a rotation re-seals them.
 */
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "@effect/vitest"
import * as SqlClient from "@effect/sql/SqlClient"
import { BotId, GoodsStore, ShopFrontRepo } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { type GoodsKeys, keyId, PgStorage, SqliteStorage } from "../src/index.js"
import { dropPgSchemas, freshSchema, pgUrl, scratchDir } from "./support.js"

const A = "a".repeat(64)
const B = "b".repeat(64)
const keys = (current: string, ...previous: Array<string>): GoodsKeys => ({ current: Redacted.make(current), previous: previous.map((k) => Redacted.make(k)) })
const idOf = (key: string) => keyId(Buffer.from(key, "hex"))
const TOKEN = "7000000001:AAH-bot-token-do-not-leak"
const bot = BotId.make(7_000_000_001)

const addFront = Effect.flatMap(ShopFrontRepo, (repo) =>
  repo.save({
    id: bot, username: "keys_front_bot", name: "Keys", status: "running", stoppedReason: null, addedBy: "admin 1", addedAt: new Date(1_000), lastUpdateAt: null
  }, Redacted.make(TOKEN)))
const tokenRead = Effect.flatMap(ShopFrontRepo, (repo) => repo.token(bot)).pipe(Effect.map(Option.map(Redacted.value)))
const stored = Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ token: string }>`SELECT token FROM shop_fronts`).pipe(Effect.map((rows) => rows.map((r) => r.token)))

describe("shop front tokens at rest", () => {
  it.live("SQLite: no token in clear on disk; it reads back; a missing key refuses to open; rotation re-seals", () =>
    Effect.gen(function*() {
      const file = join(yield* scratchDir, "fronts.db")
      const open = (goodsKeys?: GoodsKeys) => SqliteStorage({ filename: file, goodsKeys })
      yield* Effect.provide(addFront, open(keys(A)))
      for (const path of [file, `${file}-wal`]) if (existsSync(path)) expect(readFileSync(path).includes(Buffer.from("do-not-leak"))).toBe(false)
      expect(yield* Effect.provide(stored, open(keys(A)))).toEqual([expect.stringMatching(new RegExp(`^enc1:${idOf(A)}:`))])
      expect(yield* Effect.provide(tokenRead, open(keys(A)))).toEqual(Option.some(TOKEN))

      const refused = yield* Effect.flip(Layer.build(open()))
      expect(refused).toMatchObject({ _tag: "StorageUnavailable", reason: "goods_key" })
      expect(refused.message).not.toContain("do-not-leak")

      expect(yield* Effect.provide(Effect.flatMap(GoodsStore, (g) => g.reseal(100)), open(keys(B, A)))).toBe(1)
      expect(yield* Effect.provide(Effect.flatMap(GoodsStore, (g) => g.reseal(100)), open(keys(B, A)))).toBe(0)
      expect(yield* Effect.provide(stored, open(keys(B)))).toEqual([expect.stringMatching(new RegExp(`^enc1:${idOf(B)}:`))])
      expect(yield* Effect.provide(tokenRead, open(keys(B)))).toEqual(Option.some(TOKEN))
    }).pipe(Effect.scoped), 60_000)

  it.live("SQLite without a goods key: the token is kept as it is", () =>
    Effect.gen(function*() {
      const storage = SqliteStorage({ filename: join(yield* scratchDir, "plain.db") })
      yield* Effect.provide(addFront, storage)
      expect(yield* Effect.provide(stored, storage)).toEqual([TOKEN])
    }).pipe(Effect.scoped), 60_000)

  const url = pgUrl
  if (url !== undefined) {
    afterAll(dropPgSchemas)
    it.live("PostgreSQL: the row holds only the sealed token", () =>
      Effect.gen(function*() {
        const storage = PgStorage({ url: Redacted.make(url), schema: freshSchema(), goodsKeys: keys(A) })
        yield* Effect.provide(addFront, storage)
        const rows = yield* Effect.provide(stored, storage)
        expect(rows).toHaveLength(1)
        expect(rows[0]).toMatch(new RegExp(`^enc1:${idOf(A)}:`))
        expect(rows[0]).not.toContain("do-not-leak")
        expect(yield* Effect.provide(tokenRead, storage)).toEqual(Option.some(TOKEN))
      }), 60_000)
  }
})
