/**
 * A goods key chosen at opening (`chooseGoodsKey`, e.g. a key file made by the first start): the new
 * key's id is recorded at once, in the transaction that found none in use, so that a process sharing
 * the database but not the key refuses to open rather than making a key of its own, even when both
 * open at the same moment (PostgreSQL); a chooser that gives nothing leaves the goods in clear.
 */
import { randomBytes } from "node:crypto"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "@effect/vitest"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import { type ChooseGoodsKey, type GoodsKeys, keyId, PgStorage, SqliteStorage } from "../src/index.js"
import { dropPgSchemas, freshSchema, pgUrl, scratchDir } from "./support.js"

const idOf = (k: GoodsKeys) => keyId(Buffer.from(Redacted.value(k.current), "hex"))

/**
 * A machine's key file: made when absent and nothing is in use; its key given while it exists.
 * `together`: the machines that find nothing in use wait for each other (up to a second) before
 * making their keys, so that all of them choose at the same moment.
 */
const machine = (together?: { readonly count: number; arrived: number }) => {
  let file: GoodsKeys | undefined
  const choose: ChooseGoodsKey = (inUse) =>
    Effect.gen(function*() {
      if (file === undefined && inUse.length === 0) {
        if (together !== undefined) {
          together.arrived++
          yield* Effect.sleep("20 millis").pipe(Effect.repeat({ until: () => together.arrived >= together.count }), Effect.timeout("1 second"), Effect.ignore)
        }
        file = { current: Redacted.make(randomBytes(32).toString("hex")) }
      }
      return file
    })
  return { choose, key: () => file }
}

type Open = (choose?: ChooseGoodsKey) => Layer.Layer<SqlClient.SqlClient, unknown>

const recorded = Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ id: string }>`SELECT id FROM goods_key_ids`).pipe(Effect.map((rows) => rows.map((r) => r.id)))

const suite = (engine: string, opener: Effect.Effect<Open, never, Scope.Scope>) =>
  it.live(`${engine}: the chosen key's id is recorded at once; a second machine without it is refused; a chooser giving nothing keeps goods in clear`, () =>
    Effect.gen(function*() {
      const open = yield* opener
      expect(yield* Effect.provide(recorded, open(() => Effect.succeed(undefined)))).toEqual([])
      const first = machine()
      expect(yield* Effect.provide(recorded, open(first.choose))).toEqual([idOf(first.key()!)])
      expect(yield* Effect.provide(recorded, open(first.choose))).toEqual([idOf(first.key()!)]) // the same file: opens
      const second = machine()
      const refused = yield* Effect.flip(Layer.build(open(second.choose)))
      expect(refused).toMatchObject({ _tag: "StorageUnavailable", reason: "goods_key" })
      expect((refused as Error).message).toContain(idOf(first.key()!))
      expect(second.key()).toBeUndefined() // made no key of its own
    }).pipe(Effect.scoped), 60_000)

describe("goods keys chosen at opening", () => {
  suite("SQLite", Effect.map(scratchDir, (dir): Open => (choose) => SqliteStorage({ filename: join(dir, "shop.db"), chooseGoodsKey: choose })))

  const url = pgUrl
  if (url !== undefined) {
    afterAll(dropPgSchemas)
    suite("PostgreSQL", Effect.sync((): Open => {
      const schema = freshSchema()
      return (choose) => PgStorage({ url: Redacted.make(url), schema, chooseGoodsKey: choose })
    }))

    it.live("PostgreSQL: two machines opening a new shop at once: one key is recorded, the other machine is refused", () =>
      Effect.gen(function*() {
        const schema = freshSchema()
        const open = (choose?: ChooseGoodsKey) => PgStorage({ url: Redacted.make(url), schema, maxConnections: 2, chooseGoodsKey: choose })
        yield* Effect.scoped(Layer.build(open())) // the schema first: the migrations are not what is raced
        const together = { count: 4, arrived: 0 }
        const machines = Array.from({ length: 4 }, () => machine(together))
        const exits = yield* Effect.all(machines.map((m) => Effect.exit(Effect.scoped(Layer.build(open(m.choose))))), { concurrency: "unbounded" })
        const opened = machines.filter((_, i) => Exit.isSuccess(exits[i]!))
        expect(together.arrived).toBe(4) // each found nothing in use and made a key
        expect(opened).toHaveLength(1)
        expect(yield* Effect.scoped(Effect.provide(recorded, open()).pipe(Effect.either))).toMatchObject({ _tag: "Left" }) // sealed: no key, refused
        expect(yield* Effect.provide(recorded, open(opened[0]!.choose))).toEqual([idOf(opened[0]!.key()!)])
      }), 60_000)
  }
})
