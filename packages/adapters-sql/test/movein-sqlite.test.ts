import { join } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import { describe, expect, it } from "@effect/vitest"
import { AuditLog, TelegramId, UserRepo } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { moveInFromAiogramShopBot, type MoveInReport } from "../src/index.js"
import { balances, counts, expected, makeSqliteSource } from "./moveinFixtures.js"
import { scratchDir, sqliteStorage } from "./support.js"

const now = new Date("2026-11-28T00:00:00Z")
const run = (source: string, apply: boolean) => moveInFromAiogramShopBot({ source, apply, currency: "USD", now })

const checkReport = (r: MoveInReport) => {
  expect(r.users).toEqual({ count: 4, alreadyInShop: 0, banned: r.era.includes("before") ? 0 : 1 })
  expect(r.balances).toEqual(expected.totals)
  expect([r.categories, r.subcategories]).toEqual([2, 2])
  // The 2026 schema has item_type: its item 8 is a physical unit, left out of stock.
  expect(r.items).toEqual(r.era.includes("before") ? { sold: 5, unsold: 3, physical: 0, pricesChanged: 1 } : { sold: 5, unsold: 2, physical: 1, pricesChanged: 1 })
  expect(r.notCarried).toEqual({ tables: [], values: [] })
  expect(r.purchases).toEqual({ count: 3, refunded: 1, items: 4 })
  expect(r.payments).toBe(2)
  expect(r.changed).toEqual([
    { user: 1001, column: "top_up_amount", stored: "0.30000000000000004", minor: 30n },
    { user: 1003, column: "top_up_amount", stored: "2.675", minor: 268n }
  ])
  expect(r.mismatches).toEqual([{ user: 1002, consumeRecords: 2999n, purchases: 1999n }])
  expect(r.skipped.some((s) => s.startsWith("purchase 4: its buyer (none)"))).toBe(true)
}

const moveIn = (era: "sqlite-2025" | "sqlite-2026") =>
  Effect.gen(function*() {
    const source = join(yield* scratchDir, "anchor.db")
    yield* makeSqliteSource(source, era)
    const dry = yield* run(source, false)
    checkReport(dry)
    expect(dry.applied).toBe(false)
    const empty = yield* counts
    expect(empty["users"]! + empty["ledger_entries"]! + empty["items"]! + empty["movein_map"]!).toBe(0)

    const applied = yield* run(source, true)
    checkReport(applied)
    expect(applied.applied).toBe(true)
    expect(yield* balances).toEqual(expected.balances)
    const after = yield* counts
    expect(after).toMatchObject({ users: 4, ledger_entries: 5, categories: 2, subcategories: 2, items: 8, buys: 3, buy_items: 4 })

    const again = yield* run(source, true)
    expect([again.nothingToDo, again.applied, again.users.count, again.items.sold]).toEqual([true, false, 0, 0])
    expect(yield* counts).toEqual(after)
    expect(yield* balances).toEqual(expected.balances)
    return { source, applied }
  })

const shopChecks = (era: "sqlite-2025" | "sqlite-2026") => Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const physical = era === "sqlite-2026"
  const stock = yield* sql<{ name: string; stock: unknown }>`SELECT name, stock FROM subcategories ORDER BY name`
  expect(stock.map((s) => [s.name, Number(s.stock)])).toEqual([["Netflix", physical ? 1 : 2], ["Steam", 1]])
  const unsold = yield* sql<{ private_data: string; price: string; is_new: unknown }>`SELECT private_data, price, is_new FROM items WHERE sold = 0 ORDER BY id`
  expect(unsold.map((i) => [String(i.price), Number(i.is_new)])).toEqual([["30", 1], ["999", 0], ...(physical ? [] : [["999", 1]])])
  expect(unsold.slice(0, 2).map((i) => i.private_data)).toEqual(["STEAM-CCCC", "netflix:spare-1"])
  const withheld = yield* sql<{ description: string }>`SELECT description FROM items WHERE sold = 2 AND import_key = 'movein:aiogramshopbot:physical'`
  expect(withheld.map((i) => i.description)).toEqual(physical ? ["Netflix gift card, shipped"] : [])
  const bought = yield* sql<{ private_data: string; checkout_key: string; refunded_at: unknown }>`
    SELECT bi.private_data, b.checkout_key, b.refunded_at FROM buy_items bi JOIN buys b ON b.id = bi.buy_id ORDER BY b.id, bi.position`
  expect(bought.map((b) => b.private_data)).toEqual(["STEAM-AAAA", "STEAM-BBBB", "netflix:bob-login", "netflix:refunded"])
  expect(bought.filter((b) => b.refunded_at !== null).length).toBe(1)
  const audit = yield* AuditLog
  expect(yield* audit.seal(100)).toBe(5)
  expect((yield* audit.verify).problems).toEqual([])
})

describe("moving in from AiogramShopBot (SQLite sources)", () => {
  it.live("its last SQLite schema: dry run, apply, second run", () =>
    Effect.gen(function*() {
      const { applied } = yield* moveIn("sqlite-2026")
      expect(applied.era).toBe("SQLite, Dec 2025 and later schema")
      expect(applied.deposits).toBe(2)
      yield* shopChecks("sqlite-2026")
      const carol = Option.getOrThrow(yield* (yield* UserRepo).find(TelegramId.make(1003)))
      expect([carol.username, carol.language, carol.banned, carol.registeredAt.toISOString()]).toEqual(["carol", "de", true, "2025-12-03T12:00:00.000Z"])
      const sql = yield* SqlClient.SqlClient
      const deposits = yield* sql<{ asset: string; units: string; fiat: string; rate: string }>`SELECT asset, units, fiat, rate FROM deposits ORDER BY id`
      expect(deposits.map((d) => [d.asset, String(d.units), String(d.fiat)])).toEqual([["BTC", "1000", "30"], ["ETH", "30000000000000001", "10000"]])
    }).pipe(Effect.scoped, Effect.provide(sqliteStorage())))

  it.live("its 2025 SQLite schema (one buyItem row per item, deposits.blockchain, no language)", () =>
    Effect.gen(function*() {
      const { applied } = yield* moveIn("sqlite-2025")
      expect(applied.era).toBe("SQLite, before Dec 2025 schema")
      expect(applied.deposits).toBe(2)
      expect(applied.skipped).toContain("deposit 3: USDD_TRC20 is not an asset this shop knows")
      yield* shopChecks("sqlite-2025")
      const alice = Option.getOrThrow(yield* (yield* UserRepo).find(TelegramId.make(1001)))
      expect([alice.language, alice.banned]).toEqual([null, false])
    }).pipe(Effect.scoped, Effect.provide(sqliteStorage())))

  it.live("a user already in the shop keeps their profile and gets the moved-in balance added", () =>
    Effect.gen(function*() {
      const source = join(yield* scratchDir, "anchor.db")
      yield* makeSqliteSource(source, "sqlite-2026")
      yield* (yield* UserRepo).upsert({ id: TelegramId.make(1001), username: "alice_new", language: "it" }, now)
      const r = yield* run(source, true)
      expect(r.users.alreadyInShop).toBe(1)
      const alice = Option.getOrThrow(yield* (yield* UserRepo).find(TelegramId.make(1001)))
      expect([alice.username, alice.language]).toEqual(["alice_new", "it"])
      expect((yield* balances)[1001]).toEqual([30n, 20n, 10n])
    }).pipe(Effect.scoped, Effect.provide(sqliteStorage())))
})

