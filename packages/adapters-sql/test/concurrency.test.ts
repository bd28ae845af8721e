/**
 * 200 buyers with enough balance race for the last 50 items of one subcategory:
 * exactly 50 are sold, 150 get OutOfStock, and every balance adds up.
 */
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Cart, Checkout, idempotencyKey, Ledger, TelegramId } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { dropPgSchemas, freshSchema, fundedBuyers, pgStorage, pgUrl, sqliteStorage } from "./support.js"

const BUYERS = 200
const ITEMS = 50
const buyer = (i: number) => TelegramId.make(10_000 + i)

/** Stocks 50 items, registers and funds 200 buyers, and puts one item in each cart. */
const prepare = Effect.gen(function*() {
  const sub = yield* fundedBuyers({ label: "race", items: ITEMS, buyers: BUYERS, buyer, cents: 10_00n })
  for (let i = 0; i < BUYERS; i++) yield* (yield* Cart).add(buyer(i), sub, 1)
  return sub
})

/** Checks the outcome of the race through any shop instance. */
const verify = (outcomes: ReadonlyArray<"sold" | "OutOfStock" | string>) =>
  Effect.gen(function*() {
    expect(outcomes.filter((o) => o === "sold").length).toBe(ITEMS)
    expect(outcomes.filter((o) => o === "OutOfStock").length).toBe(BUYERS - ITEMS)
    const ledger = yield* Ledger
    let consumed = 0n
    for (let i = 0; i < BUYERS; i++) {
      const b = yield* ledger.balance(buyer(i))
      expect(b.topUp.amount - b.consumed.amount).toBe(b.available.amount)
      expect(b.available.amount >= 0n).toBe(true)
      consumed += b.consumed.amount
    }
    expect(consumed).toBe(BigInt(ITEMS) * 100n)
  })

const race = <R>(checkout: (i: number) => Effect.Effect<"sold" | string, never, R>) =>
  Effect.all(Array.from({ length: BUYERS }, (_, i) => checkout(i)), { concurrency: "unbounded" })

const attempt = (i: number) =>
  Effect.flatMap(Checkout, (c) => c.checkout(buyer(i), idempotencyKey("race", i))).pipe(
    Effect.as("sold" as const),
    Effect.catchAll((e) => Effect.succeed(e._tag))
  )

describe("the last 50 items", () => {
  it.live("on SQLite, 200 concurrent fibers: 50 sold, 150 OutOfStock", () =>
    Effect.gen(function*() {
      yield* prepare
      const outcomes = yield* race(attempt)
      yield* verify(outcomes)
    }).pipe(Effect.provide(ShopMemory({}, { storage: sqliteStorage() }))), 120_000)

  if (pgUrl === undefined) {
    it.skip("on PostgreSQL (skipped: TEST_DATABASE_URL is not set)", () => {})
  } else {
    afterAll(dropPgSchemas)
    it.live("on PostgreSQL, through 4 separate connection pools: 50 sold, 150 OutOfStock", () =>
      Effect.gen(function*() {
        const schema = freshSchema()
        const shop = (connections: number) => ShopMemory({}, { storage: pgStorage(schema, connections) })
        yield* Effect.provide(prepare, shop(2))
        // Four independent shops (four pools, two connections each) over one database.
        const shops = yield* Effect.all(Array.from({ length: 4 }, () => Layer.build(shop(2))), { concurrency: 4 })
        const outcomes = yield* race((i) => Effect.provide(attempt(i), shops[i % 4]!))
        yield* Effect.provide(verify(outcomes), shops[0]!)
      }).pipe(Effect.scoped), 180_000)
  }
})
