/**
 * A browse-and-checkout loop over a large database (run in its own process): list categories and
 * subcategories, open a subcategory, add to the cart, check out; prints the peak RSS it saw.
 * Usage: node memory-child.js DATABASE_FILE USERS ITERATIONS
 */
import { SqliteStorage } from "@tokenshop/adapters-sql"
import { Cart, Catalog, Checkout, idempotencyKey, page, TelegramId } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Layer from "effect/Layer"
import { LogNotifier, PaymentsNotConfigured } from "../src/Services.js"
import { benchGoodsKeys } from "./child.js"
import * as Effect from "effect/Effect"

const [file, usersText, iterationsText] = process.argv.slice(2)
const users = Number(usersText)
const iterations = Number(iterationsText)

const loop = Effect.gen(function*() {
  const catalog = yield* Catalog
  const cart = yield* Cart
  const checkout = yield* Checkout
  let peak = 0
  for (let i = 0; i < iterations; i++) {
    const user = TelegramId.make(1 + ((i * 7919) % users))
    const categories = (yield* catalog.categories(page(0, 10))).items
    const category = categories[i % categories.length]!
    const subs = yield* catalog.subcategories(category.id, page((i % 3) * 10, 10))
    const sub = subs.items[i % Math.max(1, subs.items.length)] ?? (yield* catalog.subcategories(category.id, page(0, 10))).items[0]!
    yield* catalog.subcategory(sub.id)
    yield* cart.add(user, sub.id, 1)
    yield* checkout.checkout(user, idempotencyKey("memory", i))
    if (i % 50 === 0) peak = Math.max(peak, process.memoryUsage().rss)
  }
  console.log(`peak-rss-mb ${(peak / 1024 / 1024).toFixed(1)}`)
})

Effect.runPromise(loop.pipe(Effect.provide(ShopMemory({}, { services: Layer.merge(LogNotifier, PaymentsNotConfigured), storage: SqliteStorage({ filename: file!, goodsKeys: benchGoodsKeys }) })))).catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
