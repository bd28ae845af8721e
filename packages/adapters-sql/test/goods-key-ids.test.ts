/**
 * The ids of the goods keys in use are kept in `goods_key_ids`, which opening the storage reads
 * instead of every good: a key's id is added by the first value it seals (and only once that
 * commits), a rotation drops the ids nothing is sealed under any more, and the migration fills the
 * table from goods stored before it.
 */
import { join } from "node:path"
import { afterAll, describe, expect, it } from "@effect/vitest"
import * as SqlClient from "@effect/sql/SqlClient"
import { CatalogRepo, GoodsStore, money, Transactor } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import { type GoodsKeys, keyId, PgStorage, SqliteStorage, type StorageUnavailable } from "../src/index.js"
import goodsKeyIdsMigration from "../src/migrations/0010_goods_key_ids.js"
import { dropPgSchemas, freshSchema, pgUrl, scratchDir } from "./support.js"

const A = "a".repeat(64)
const B = "b".repeat(64)
const idOf = (key: string) => keyId(Buffer.from(key, "hex"))
const keys = (current: string, ...previous: Array<string>): GoodsKeys => ({ current: Redacted.make(current), previous: previous.map((k) => Redacted.make(k)) })

type Open = (goodsKeys?: GoodsKeys) => Layer.Layer<CatalogRepo | GoodsStore | Transactor | SqlClient.SqlClient, unknown>

const stock = Effect.gen(function*() {
  const catalog = yield* CatalogRepo
  const sub = yield* catalog.ensureSubcategory((yield* catalog.ensureCategory("Keys")).id, "Office")
  return yield* catalog.addItems([{ subcategoryId: sub.id, price: money(100n, "USD"), description: "d", privateData: "secret" }], new Date())
})

const recorded = Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ id: string }>`SELECT id FROM goods_key_ids ORDER BY id`).pipe(
  Effect.map((rows) => rows.map((r) => r.id))
)

const resealAll = Effect.flatMap(GoodsStore, (g) => Effect.iterate(1, { while: (n) => n > 0, body: () => g.reseal(2) }))

/** The goods-key refusal opening with `layer` meets, as "reason: message". */
const refusal = <A, E>(layer: Layer.Layer<A, E>) =>
  Effect.map(Effect.flip(Layer.build(layer)), (e) => `${(e as StorageUnavailable).reason}: ${(e as StorageUnavailable).message}`)

const suite = (engine: string, opener: Effect.Effect<Open, never, Scope.Scope>) => {
  it.live(`${engine}: a key's id is recorded by the first value it seals, once that commits`, () =>
    Effect.gen(function*() {
      const open = yield* opener
      expect(yield* Effect.provide(recorded, open(keys(A)))).toEqual([])
      yield* Effect.provide(Effect.gen(function*() {
        const tx = yield* Transactor
        yield* Effect.flip(tx.withTransaction(Effect.zipRight(stock, Effect.fail("rolled back"))))
        expect(yield* recorded).toEqual([])
        yield* stock
        expect(yield* recorded).toEqual([idOf(A)])
      }), open(keys(A)))
      expect(yield* refusal(open())).toMatch(`goods_key: the stored goods are encrypted with key ${idOf(A)},`)
    }).pipe(Effect.scoped), 60_000)

  it.live(`${engine}: a rotation drops the ids nothing is sealed under any more`, () =>
    Effect.gen(function*() {
      const open = yield* opener
      yield* Effect.provide(Effect.zip(stock, stock), open(keys(A)))
      yield* Effect.provide(resealAll, open(keys(B, A)))
      expect(yield* Effect.provide(recorded, open(keys(B)))).toEqual([idOf(B)])
      expect(yield* refusal(open(keys(A)))).toMatch(`goods_key: the stored goods are encrypted with key ${idOf(B)},`)
    }).pipe(Effect.scoped), 60_000)

  it.live(`${engine}: the migration fills the table from the goods already stored`, () =>
    Effect.gen(function*() {
      const open = yield* opener
      yield* Effect.provide(stock, open(keys(A)))
      // The table as it was before the migration, then the migration itself (later ones have run since: it is not re-run by the migrator).
      yield* Effect.provide(Effect.flatMap(SqlClient.SqlClient, (sql) => Effect.zipRight(sql`DROP TABLE goods_key_ids`, goodsKeyIdsMigration)), open(keys(A)))
      expect(yield* refusal(open())).toMatch(`goods_key: the stored goods are encrypted with key ${idOf(A)},`)
      expect(yield* Effect.provide(recorded, open(keys(A)))).toEqual([idOf(A)])
    }).pipe(Effect.scoped), 60_000)
}

describe("goods key ids", () => {
  suite("SQLite", Effect.map(scratchDir, (dir): Open => (goodsKeys) => SqliteStorage({ filename: join(dir, "shop.db"), goodsKeys })))
  const url = pgUrl
  if (url !== undefined) {
    afterAll(dropPgSchemas)
    suite("PostgreSQL", Effect.sync(() => {
      const schema = freshSchema()
      return (goodsKeys) => PgStorage({ url: Redacted.make(url), schema, maxConnections: 2, goodsKeys })
    }))
  }
})
