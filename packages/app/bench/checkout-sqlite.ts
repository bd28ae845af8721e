/**
 * Checkout throughput on an SQLite file in WAL mode: 10,000 single-item checkouts (add one item to
 * the cart, check out) by 1,000 users, through the shop, and the same SQL statements on raw
 * better-sqlite3, one transaction per checkout, no Effect. For reference, the same statements as the
 * smallest Effect program over `@effect/sql-sqlite-node` (`floor-sqlite.ts`), and the shop with
 * DB_SYNCHRONOUS=normal beside its durable default (FULL). They take turns in rounds of 500
 * checkouts, so that the shared machine's drift hits them alike.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqliteDatabase, SqliteStorage } from "@tokenshop/adapters-sql"
import { Cart, Checkout, idempotencyKey, type SubcategoryId, TelegramId } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { LogNotifier, PaymentsNotConfigured } from "../src/Services.js"
import Database from "better-sqlite3"
import * as Effect from "effect/Effect"
import { floorAddToCart, floorCheckout } from "./floor-sqlite.js"
import { rawCheckout } from "./raw-sqlite.js"
import { seed } from "./seed.js"

const USERS = 1000
const CHECKOUTS = 10_000
const SUBS = 10
const ROUND = 500

export const benchCheckoutSqlite = async () => {
  const dir = mkdtempSync(join(tmpdir(), "tokenshop-bench-"))
  try {
    const shopFile = join(dir, "shop.db")
    const rawFile = join(dir, "raw.db")
    const floorFile = join(dir, "floor.db")
    const normalFile = join(dir, "normal.db")
    let subs: ReadonlyArray<SubcategoryId> = []
    for (const file of [shopFile, rawFile, floorFile, normalFile]) {
      subs = await Effect.runPromise(seed({ users: USERS, items: CHECKOUTS + 2000, subs: SUBS }).pipe(
        Effect.provide(ShopMemory({}, { services: Layer.merge(LogNotifier, PaymentsNotConfigured), storage: SqliteStorage({ filename: file }) }))
      ))
    }

    const runtime = ManagedRuntime.make(ShopMemory({}, { services: Layer.merge(LogNotifier, PaymentsNotConfigured), storage: SqliteStorage({ filename: shopFile }) }))
    // The same shop with DB_SYNCHRONOUS=normal: faster, but the last commits can be lost in a power cut.
    const normalRuntime = ManagedRuntime.make(ShopMemory({}, {
      services: Layer.merge(LogNotifier, PaymentsNotConfigured),
      storage: SqliteStorage({ filename: normalFile, synchronous: "normal" })
    }))
    const shopRound = (from: number, on = runtime) =>
      on.runPromise(Effect.gen(function*() {
        const cart = yield* Cart
        const checkout = yield* Checkout
        let elapsed = 0
        for (let i = from; i < from + ROUND; i++) {
          const user = TelegramId.make(1 + (i % USERS))
          yield* cart.add(user, subs[i % SUBS]!, 1) // filling the cart is not timed
          const start = performance.now()
          yield* checkout.checkout(user, idempotencyKey("bench", i))
          elapsed += performance.now() - start
        }
        return elapsed
      }).pipe(Effect.withTracerEnabled(false)))

    const db = new Database(rawFile)
    db.pragma("journal_mode = WAL")
    db.pragma("synchronous = FULL") // as the shop's default
    db.pragma("foreign_keys = ON")
    const raw = rawCheckout(db)
    const rawRound = (from: number) => {
      let elapsed = 0
      for (let i = from; i < from + ROUND; i++) {
        const user = 1 + (i % USERS)
        raw.addToCart(user, subs[i % SUBS]!)
        const start = performance.now()
        raw.checkout(user, `bench:${i}`, Date.now())
        elapsed += performance.now() - start
      }
      return elapsed
    }

    const floorRuntime = ManagedRuntime.make(SqliteDatabase({ filename: floorFile }))
    const floorRound = (from: number) =>
      floorRuntime.runPromise(Effect.gen(function*() {
        let elapsed = 0
        for (let i = from; i < from + ROUND; i++) {
          const user = 1 + (i % USERS)
          yield* floorAddToCart(user, subs[i % SUBS]!)
          const start = performance.now()
          yield* floorCheckout(user, `bench:${i}`, Date.now())
          elapsed += performance.now() - start
        }
        return elapsed
      }).pipe(Effect.withTracerEnabled(false)))

    let shopMs = 0
    let rawMs = 0
    let floorMs = 0
    let normalMs = 0
    try {
      for (let from = 0; from < CHECKOUTS; from += ROUND) {
        shopMs += await shopRound(from)
        rawMs += rawRound(from)
        floorMs += await floorRound(from)
        normalMs += await shopRound(from, normalRuntime)
      }
    } finally {
      await runtime.dispose()
      await normalRuntime.dispose()
      await floorRuntime.dispose()
      db.close()
    }
    const shopRate = CHECKOUTS / (shopMs / 1000)
    const rawRate = CHECKOUTS / (rawMs / 1000)
    const floorRate = CHECKOUTS / (floorMs / 1000)
    const normalRate = CHECKOUTS / (normalMs / 1000)
    return { shopRate, rawRate, ratio: shopRate / rawRate, floorRate, floorRatio: floorRate / rawRate, normalRate }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
