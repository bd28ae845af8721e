/**
 * PostgreSQL under contention: 50 buyers at once buy from ONE subcategory through one pool of 8
 * connections, several rounds. Every checkout must succeed while stock remains: none may end in a
 * defect (the bot's "error id"), which is what serialization retries running out used to give.
 */
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Cart, Catalog, Checkout, idempotencyKey, page, TelegramId } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import { dropPgSchemas, freshSchema, fundedBuyers, pgStorage, pgUrl } from "./support.js"

const BUYERS = 50
const ROUNDS = 2
const buyer = (i: number) => TelegramId.make(20_000 + i)

const prepare = fundedBuyers({ label: "hot", items: 1000, buyers: BUYERS, buyer, cents: 100_00n })

const buy = (i: number, round: number, sub: Parameters<Cart["Type"]["add"]>[1]) =>
  Effect.gen(function*() {
    yield* (yield* Cart).add(buyer(i), sub, 2)
    yield* (yield* Checkout).checkout(buyer(i), idempotencyKey("hot", i, round))
    return "sold"
  }).pipe(
    Effect.catchAll((e) => Effect.succeed(e._tag)),
    Effect.catchAllCause((cause) => Effect.succeed(`defect: ${Cause.pretty(cause).split("\n")[0]}`))
  )

describe("one hot subcategory on PostgreSQL", () => {
  if (pgUrl === undefined) {
    it.skip("skipped: TEST_DATABASE_URL is not set", () => {})
  } else {
    afterAll(dropPgSchemas)
    it.live("50 concurrent buyers on 8 connections, 2 rounds: every checkout sells", () =>
      Effect.gen(function*() {
        const sub = yield* prepare
        const started = Date.now()
        const outcomes: Array<string> = []
        for (let round = 0; round < ROUNDS; round++) {
          outcomes.push(...yield* Effect.all(Array.from({ length: BUYERS }, (_, i) => buy(i, round, sub)), { concurrency: "unbounded" }))
        }
        const elapsed = Date.now() - started
        console.log(`hot subcategory: ${outcomes.length} checkouts in ${elapsed} ms, ${outcomes.filter((o) => o !== "sold").length} not sold`)
        expect(outcomes.filter((o) => o !== "sold")).toEqual([])
        const left = (yield* (yield* Catalog).subcategories((yield* (yield* Catalog).categories(page(0, 1))).items[0]!.id, page(0, 1))).items[0]!
        expect(left.stock).toBe(1000 - BUYERS * ROUNDS * 2)
      }).pipe(Effect.provide(ShopMemory({}, { storage: pgStorage(freshSchema(), 8) }))), 300_000)
  }
})
