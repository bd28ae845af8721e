import { afterAll, describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { moveInFromAiogramShopBot } from "../src/index.js"
import { balances, counts, dropPgSchema, expected, makePgSource } from "./moveinFixtures.js"
import { dropPgSchemas, freshSchema, pgPrefix, pgStorage, pgUrl } from "./support.js"

const now = new Date("2026-11-28T00:00:00Z")
const anchorSchema = `${pgPrefix}_anchor`.replace("tokenshop_test_", "movein_anchor_")

describe.skipIf(pgUrl === undefined)("moving in from AiogramShopBot's PostgreSQL era", () => {
  let source = ""
  afterAll(async () => {
    await dropPgSchema(pgUrl!, anchorSchema)
    await dropPgSchemas()
  })

  it.live("reads its PostgreSQL schema and moves it into a PostgreSQL shop, once", () =>
    Effect.gen(function*() {
      source = yield* Effect.promise(() => makePgSource(pgUrl!, anchorSchema))
      const run = (apply: boolean) => moveInFromAiogramShopBot({ source, apply, currency: "USD", now })
      const dry = yield* run(false)
      expect(dry.era).toBe("PostgreSQL, Dec 2025 and later schema")
      expect(dry.source).not.toContain("search_path")
      expect(dry.balances).toEqual(expected.totals)
      expect((yield* counts)["movein_map"]).toBe(0)
      const applied = yield* run(true)
      expect(applied.changed.map((c) => [c.user, c.stored, c.minor])).toEqual([[1001, "0.30000000000000004", 30n], [1003, "2.675", 268n]])
      expect(applied.mismatches).toEqual([{ user: 1002, consumeRecords: 2999n, purchases: 1999n }])
      // Its item 8 is a physical unit (item_type PHYSICAL): left out of stock.
      expect(applied.items).toEqual({ sold: 5, unsold: 2, physical: 1, pricesChanged: 1 })
      expect(applied.notCarried).toEqual({ tables: [], values: [] })
      expect([applied.purchases.count, applied.deposits, applied.payments]).toEqual([3, 2, 2])
      expect(yield* balances).toEqual(expected.balances)
      const after = yield* counts
      expect(after).toMatchObject({ users: 4, ledger_entries: 5, items: 8, buys: 3, buy_items: 4, deposits: 2 })
      const again = yield* run(true)
      expect(again.nothingToDo).toBe(true)
      expect(yield* counts).toEqual(after)
    }).pipe(Effect.provide(pgStorage(freshSchema()))), 60_000)

  it.live("an unreachable PostgreSQL source is refused", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(moveInFromAiogramShopBot({ source: "postgres://nobody:pw@127.0.0.1:1/none", apply: false, currency: "USD", now }))
      expect(error).toMatchObject({ _tag: "MoveInFailed", reason: "unreachable" })
      expect(error.message).not.toContain("pw")
    }).pipe(Effect.provide(pgStorage(freshSchema()))), 60_000)
})
