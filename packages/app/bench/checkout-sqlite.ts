/**
 * Checkout throughput on an SQLite file in WAL mode: 10,000 single-item checkouts (add one item to
 * the cart, check out) by 1,000 users, through the shop; then the same SQL statements on raw
 * better-sqlite3, one transaction per checkout, no Effect.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqliteStorage } from "@tokenshop/adapters-sql"
import { Cart, Checkout, idempotencyKey, type SubcategoryId, TelegramId } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Layer from "effect/Layer"
import { LogNotifier, PaymentsNotConfigured } from "../src/Services.js"
import Database from "better-sqlite3"
import * as Effect from "effect/Effect"
import { rawCheckout } from "./raw-sqlite.js"
import { seed } from "./seed.js"

const USERS = 1000
const CHECKOUTS = 10_000
const SUBS = 10

export const benchCheckoutSqlite = async () => {
  const dir = mkdtempSync(join(tmpdir(), "tokenshop-bench-"))
  try {
    const shopFile = join(dir, "shop.db")
    const rawFile = join(dir, "raw.db")
    let subs: ReadonlyArray<SubcategoryId> = []
    for (const file of [shopFile, rawFile]) {
      subs = await Effect.runPromise(seed({ users: USERS, items: CHECKOUTS + 2000, subs: SUBS }).pipe(
        Effect.provide(ShopMemory({}, { services: Layer.merge(LogNotifier, PaymentsNotConfigured), storage: SqliteStorage({ filename: file }) }))
      ))
    }

    ;(globalThis as { __setPhase?: (p: string) => void }).__setPhase?.("shop")
    const shopSeconds = await Effect.runPromise(Effect.gen(function*() {
      const cart = yield* Cart
      const checkout = yield* Checkout
      let elapsed = 0
      for (let i = 0; i < CHECKOUTS; i++) {
        const user = TelegramId.make(1 + (i % USERS))
        yield* cart.add(user, subs[i % SUBS]!, 1) // filling the cart is not timed
        const start = performance.now()
        yield* checkout.checkout(user, idempotencyKey("bench", i))
        elapsed += performance.now() - start
      }
      return elapsed / 1000
    }).pipe(Effect.provide(ShopMemory({}, { services: Layer.merge(LogNotifier, PaymentsNotConfigured), storage: SqliteStorage({ filename: shopFile }) })), Effect.withTracerEnabled(false)))

    ;(globalThis as { __setPhase?: (p: string) => void }).__setPhase?.("raw")
    const db = new Database(rawFile)
    db.pragma("journal_mode = WAL")
    db.pragma("synchronous = NORMAL")
    db.pragma("foreign_keys = ON")
    const raw = rawCheckout(db)
    let elapsed = 0
    for (let i = 0; i < CHECKOUTS; i++) {
      const user = 1 + (i % USERS)
      raw.addToCart(user, subs[i % SUBS]!)
      const start = performance.now()
      raw.checkout(user, `bench:${i}`, Date.now())
      elapsed += performance.now() - start
    }
    const rawSeconds = elapsed / 1000
    db.close()

    const shopRate = CHECKOUTS / shopSeconds
    const rawRate = CHECKOUTS / rawSeconds
    return { shopRate, rawRate, ratio: shopRate / rawRate }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
