import { join } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { CatalogRepo, LedgerRepo, page, SubcategoryId, TelegramId } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { moveInFromAiogramShopBot, type MoveInReport } from "../src/index.js"
import { counts, currentNotCarried, dropPgSchema, makePgSource, makeSqliteSource } from "./moveinFixtures.js"
import { dropPgSchemas, freshSchema, pgPrefix, pgStorage, pgUrl, scratchDir, sqliteStorage } from "./support.js"

const now = new Date("2026-11-28T00:00:00Z")

/** The current release's shop (sqlite-current, postgres-current): what every report of it says. */
const checkReport = (r: MoveInReport) => {
  expect(r.users).toEqual({ count: 3, alreadyInShop: 0, banned: 0 })
  expect(r.balances).toEqual({ topUp: 7160n, consumed: 2699n, available: 4461n })
  expect([r.categories, r.subcategories]).toEqual([2, 2])
  expect(r.items).toEqual({ sold: 2, unsold: 2, physical: 2, pricesChanged: 0 })
  expect(r.purchases).toEqual({ count: 2, refunded: 0, items: 2 })
  expect([r.deposits, r.payments]).toEqual([2, 1])
  expect(r.mismatches).toEqual([])
  expect(r.skipped).toEqual([])
  expect(r.notCarried).toEqual(currentNotCarried)
}

/** Dry run, apply, second run; then nothing physical is in stock or can be claimed, the digital keys are. */
const moveIn = (source: string) =>
  Effect.gen(function*() {
    const run = (apply: boolean) => moveInFromAiogramShopBot({ source, apply, currency: "USD", now })
    const dry = yield* run(false)
    checkReport(dry)
    expect(dry.applied).toBe(false)
    expect((yield* counts)["items"]).toBe(0)

    const applied = yield* run(true)
    checkReport(applied)
    expect(applied.applied).toBe(true)
    const after = yield* counts
    expect(after).toMatchObject({ users: 3, categories: 2, subcategories: 2, items: 6, buys: 2, buy_items: 2, deposits: 2 })

    const again = yield* run(true)
    expect([again.nothingToDo, again.applied, again.items.physical]).toEqual([true, false, 0])
    expect(again.notCarried).toEqual(currentNotCarried)
    expect(yield* counts).toEqual(after)

    const sql = yield* SqlClient.SqlClient
    const subs = yield* sql<{ id: unknown; name: string; stock: unknown }>`SELECT id, name, stock FROM subcategories ORDER BY name`
    expect(subs.map((s) => [s.name, Number(s.stock)])).toEqual([["Steam", 2], ["T-shirts", 0]])
    const steam = SubcategoryId.make(Number(subs[0]!.id)), shirts = SubcategoryId.make(Number(subs[1]!.id))
    const catalog = yield* CatalogRepo
    const view = Option.getOrThrow(yield* catalog.subcategory(shirts))
    expect([view.stock, view.unitPrice]).toEqual([0, null])
    expect(yield* sql.withTransaction(catalog.claimUnsold(shirts, 3))).toEqual([])
    expect((yield* catalog.nextPrices(steam, 5)).map((p) => p.amount)).toEqual([1000n, 1000n])
    // The owner's list of a subcategory shows its sold T-shirt only: the two withheld are in no list.
    expect((yield* catalog.items(shirts, page(0, 10))).items.map((i) => i.sold)).toEqual([true])
    const withheld = yield* sql<{ description: string; price: unknown }>`
      SELECT description, price FROM items WHERE sold = 2 AND import_key = 'movein:aiogramshopbot:physical' ORDER BY id`
    expect(withheld.map((i) => [i.description, String(i.price)])).toEqual([["T-shirt, size M", "1500"], ["T-shirt, size L", "1500"]])
    const mapped = yield* sql<{ anchor_id: string; detail: string | null }>`
      SELECT anchor_id, detail FROM movein_map WHERE kind = 'item' AND detail IS NOT NULL ORDER BY anchor_id`
    expect(mapped.map((m) => [m.anchor_id, JSON.parse(m.detail!)])).toEqual([
      ["4", { item_type: "PHYSICAL", withheld: false }], ["5", { item_type: "PHYSICAL", withheld: true }], ["6", { item_type: "PHYSICAL", withheld: true }]
    ])
    const bought = yield* sql<{ description: string; private_data: string }>`SELECT description, private_data FROM buy_items ORDER BY buy_id`
    expect(bought.map((b) => [b.description, b.private_data])).toEqual([["Steam key", "STEAM-AAAA"], ["T-shirt, size M", ""]])
    const ledger = yield* LedgerRepo
    const balance = (id: number) => Effect.map(ledger.balance(TelegramId.make(id), "USD"), (b) => [b.topUp.amount, b.consumed.amount, b.available.amount])
    expect([yield* balance(1001), yield* balance(1002), yield* balance(1003)]).toEqual([[5060n, 900n, 4160n], [2100n, 1799n, 301n], [0n, 0n, 0n]])
  })

describe("moving in from AiogramShopBot's current release", () => {
  it.live("on SQLite: physical items out of stock, every table and value not carried named", () =>
    Effect.gen(function*() {
      const source = join(yield* scratchDir, "anchor.db")
      yield* makeSqliteSource(source, "sqlite-current")
      yield* moveIn(source)
    }).pipe(Effect.scoped, Effect.provide(sqliteStorage())))

  describe.skipIf(pgUrl === undefined)("on PostgreSQL", () => {
    const anchorSchema = `${pgPrefix}_current`.replace("tokenshop_test_", "movein_current_")
    afterAll(async () => {
      await dropPgSchema(pgUrl!, anchorSchema)
      await dropPgSchemas()
    })
    it.live("the same, from its PostgreSQL database into a PostgreSQL shop", () =>
      Effect.gen(function*() {
        const source = yield* Effect.promise(() => makePgSource(pgUrl!, anchorSchema, "postgres-current"))
        yield* moveIn(source)
      }).pipe(Effect.provide(pgStorage(freshSchema()))), 60_000)
  })
})
