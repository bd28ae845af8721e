/**
 * Delivered goods are encrypted at rest: the database file holds none of them in clear, the buyer
 * still receives them, a missing or wrong key stops the storage from opening (naming the key id),
 * and a rotation re-seals everything under the new key.
 */
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "@effect/vitest"
import * as SqlClient from "@effect/sql/SqlClient"
import { BuyRepo, CatalogRepo, GoodsStore, IdempotencyKey, money, TelegramId, UserRepo } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { type GoodsKeys, keyId, PgStorage, SqliteStorage } from "../src/index.js"
import { dropPgSchemas, freshSchema, pgUrl, scratchDir } from "./support.js"

const A = "a".repeat(64)
const B = "b".repeat(64)
const keys = (current: string, ...previous: Array<string>): GoodsKeys => ({ current: Redacted.make(current), previous: previous.map((k) => Redacted.make(k)) })
const secret = (i: number) => `LICENSE-KEY-${i}-do-not-leak`

/** Stocks 5 items, sells 2, and returns what the buyer got. */
const sell = Effect.gen(function*() {
  const catalog = yield* CatalogRepo
  const sub = yield* catalog.ensureSubcategory((yield* catalog.ensureCategory("Keys")).id, "Office")
  yield* catalog.addItems(Array.from({ length: 5 }, (_, i) => ({ subcategoryId: sub.id, price: money(100n, "USD"), description: "d", privateData: secret(i) })), new Date())
  const claimed = yield* catalog.claimUnsold(sub.id, 2)
  yield* (yield* UserRepo).upsert({ id: TelegramId.make(1), username: null, language: null }, new Date(0))
  const buy = yield* (yield* BuyRepo).create({
    user: TelegramId.make(1), checkoutKey: IdempotencyKey.make("k"), total: money(200n, "USD"), createdAt: new Date(),
    items: claimed.map((c) => ({ itemId: c.id, subcategoryId: c.subcategoryId, categoryName: "Keys", subcategoryName: "Office", description: "d", price: c.price, privateData: c.privateData }))
  })
  return { claimed: claimed.map((c) => c.privateData), bought: buy.items.map((i) => i.privateData), id: buy.id }
})

const stored = Effect.flatMap(SqlClient.SqlClient, (sql) =>
  Effect.zipWith(sql<{ p: string }>`SELECT private_data AS p FROM items`, sql<{ p: string }>`SELECT private_data AS p FROM buy_items`, (a, b) => [...a, ...b].map((r) => r.p)))

describe("goods at rest", () => {
  it.live("SQLite: nothing in clear on disk; a missing or wrong key refuses to open; rotation re-seals", () =>
    Effect.gen(function*() {
      const file = join(yield* scratchDir, "goods.db")
      const open = (goodsKeys?: GoodsKeys) => SqliteStorage({ filename: file, goodsKeys })
      const sold = yield* Effect.provide(sell, open(keys(A)))
      expect(sold.claimed).toEqual([secret(0), secret(1)])
      const again = yield* Effect.provide(Effect.flatMap(BuyRepo, (r) => r.get(sold.id)), open(keys(A)))
      expect(again._tag === "Some" && again.value.items.map((i) => i.privateData)).toEqual([secret(0), secret(1)])
      for (const path of [file, `${file}-wal`]) if (existsSync(path)) expect(readFileSync(path).includes(Buffer.from("do-not-leak"))).toBe(false)
      expect((yield* Effect.provide(stored, open(keys(A)))).every((p) => p.startsWith(`enc1:${keyId(Buffer.from(A, "hex"))}:`))).toBe(true)

      for (const wrong of [undefined, keys(B)]) {
        const refused = yield* Effect.flip(Layer.build(open(wrong)))
        expect(refused).toMatchObject({ _tag: "StorageUnavailable", reason: "goods_key" })
        expect(refused.message).toContain(keyId(Buffer.from(A, "hex")))
      }
      // rotate to B while A still opens the old values
      const resealed = yield* Effect.provide(Effect.flatMap(GoodsStore, (g) => Effect.zipWith(g.reseal(3), g.reseal(100), (x, y) => x + y)), open(keys(B, A)))
      expect(resealed).toBe(7) // 5 items + 2 purchased copies
      expect(yield* Effect.provide(Effect.flatMap(GoodsStore, (g) => g.reseal(100)), open(keys(B, A)))).toBe(0)
      const after = yield* Effect.provide(Effect.flatMap(BuyRepo, (r) => r.get(sold.id)), open(keys(B)))
      expect(after._tag === "Some" && after.value.items.map((i) => i.privateData)).toEqual([secret(0), secret(1)])
    }).pipe(Effect.scoped), 60_000)

  it.live("values written before a key was set stay readable, and a rotation seals them", () =>
    Effect.gen(function*() {
      const file = join(yield* scratchDir, "late.db")
      const open = (goodsKeys?: GoodsKeys) => SqliteStorage({ filename: file, goodsKeys })
      yield* Effect.provide(sell, open())
      expect((yield* Effect.provide(stored, open(keys(A)))).filter((p) => p.startsWith("enc1:"))).toEqual([])
      yield* Effect.provide(Effect.flatMap(GoodsStore, (g) => g.reseal(100)), open(keys(A)))
      expect((yield* Effect.provide(stored, open(keys(A)))).every((p) => p.startsWith("enc1:"))).toBe(true)
    }).pipe(Effect.scoped), 60_000)

  const url = pgUrl
  if (url !== undefined) {
    afterAll(dropPgSchemas)
    it.live("PostgreSQL: the rows hold only sealed goods", () =>
      Effect.gen(function*() {
        const storage = PgStorage({ url: Redacted.make(url), schema: freshSchema(), goodsKeys: keys(A) })
        const sold = yield* Effect.provide(sell, storage)
        expect(sold.bought).toEqual([secret(0), secret(1)])
        const rows = yield* Effect.provide(stored, storage)
        expect(rows.length).toBe(7)
        expect(rows.some((p) => p.includes("do-not-leak"))).toBe(false)
      }), 60_000)
  }
})
