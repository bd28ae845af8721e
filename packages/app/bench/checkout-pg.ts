/**
 * Checkout throughput on PostgreSQL with 8 concurrent clients: 10,000 single-item checkouts (each
 * after adding the item) by 1,000 users, through the shop on a pool of 8; then the same SQL
 * statements through 8 raw `pg` clients, SERIALIZABLE like the shop, retried the same way on conflicts.
 */
import { PgStorage } from "@tokenshop/adapters-sql"
import { Cart, Checkout, idempotencyKey, type SubcategoryId, TelegramId } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Layer from "effect/Layer"
import { LogNotifier, PaymentsNotConfigured } from "../src/Services.js"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import pg from "pg"
import { seed } from "./seed.js"

const USERS = 1000
const CHECKOUTS = 10_000
const SUBS = 10
const CLIENTS = 8

const shop = (url: string, schema: string) =>
  ShopMemory({}, { services: Layer.merge(LogNotifier, PaymentsNotConfigured), storage: PgStorage({ url: Redacted.make(url), schema, maxConnections: CLIENTS }) })

const retrying = async (client: pg.Client, work: () => Promise<void>) => {
  for (let attempt = 0; ; attempt++) {
    try {
      await client.query("BEGIN ISOLATION LEVEL SERIALIZABLE")
      await work()
      await client.query("COMMIT")
      return
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined)
      const code = (e as { code?: string }).code
      if ((code !== "40001" && code !== "40P01") || attempt > 60) throw e
      await new Promise((r) => setTimeout(r, Math.random() * 2 * Math.min(200, 2 * 1.6 ** attempt)))
    }
  }
}

const rawUnit = async (c: pg.Client, user: number, sub: number, key: string) => {
  // add to cart: the shop's statements
  await c.query("SELECT * FROM users WHERE id = $1", [user])
  await retrying(c, async () => {
    await c.query("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE").catch(() => undefined)
    await c.query(`SELECT s.id, c.name, s.stock, n.price FROM subcategories s JOIN categories c ON c.id = s.category_id
      LEFT JOIN items n ON n.id = (SELECT MIN(i.id) FROM items i WHERE i.subcategory_id = s.id AND i.sold = 0)
      WHERE s.deleted = 0 AND c.deleted = 0 AND s.id = $1`, [sub])
    await c.query("SELECT subcategory_id, quantity FROM cart_lines WHERE user_id = $1 ORDER BY position", [user])
    await c.query(`INSERT INTO cart_lines (user_id, subcategory_id, quantity, position)
      VALUES ($1, $2, 1, (SELECT COALESCE(MAX(position), 0) + 1 FROM cart_lines WHERE user_id = $1))
      ON CONFLICT (user_id, subcategory_id) DO UPDATE SET quantity = excluded.quantity`, [user, sub])
  })
  await c.query("SELECT * FROM users WHERE id = $1", [user])
  await c.query("SELECT subcategory_id, quantity FROM cart_lines WHERE user_id = $1 ORDER BY position", [user])
  await c.query("SELECT price, currency FROM items WHERE subcategory_id = $1 AND sold = 0 ORDER BY id LIMIT 1", [sub])
  // checkout
  await retrying(c, async () => {
    await c.query("SELECT * FROM buys WHERE checkout_key = $1", [key])
    await c.query("SELECT * FROM users WHERE id = $1", [user])
    const lines = (await c.query("SELECT subcategory_id, quantity FROM cart_lines WHERE user_id = $1 ORDER BY position", [user])).rows
    const items = []
    for (const line of lines) {
      const claimed = (await c.query(`SELECT i.*, c.name AS category_name, s.name AS subcategory_name
        FROM items i JOIN subcategories s ON s.id = i.subcategory_id JOIN categories c ON c.id = s.category_id
        WHERE i.subcategory_id = $1 AND i.sold = 0 ORDER BY i.id LIMIT $2 FOR UPDATE OF i`, [line.subcategory_id, line.quantity])).rows
      await c.query("UPDATE items SET sold = 1, is_new = 0 WHERE id = ANY($1)", [claimed.map((r) => r.id)])
      await c.query("UPDATE subcategories SET stock = stock - $1 WHERE id = $2", [claimed.length, line.subcategory_id])
      items.push(...claimed)
    }
    const total = items.reduce((s, i) => s + BigInt(i.price), 0n)
    const bal = (await c.query("SELECT top_up, consumed FROM balances WHERE user_id = $1 AND currency = 'USD' FOR UPDATE", [user])).rows[0]
    await c.query("SELECT * FROM ledger_entries WHERE idempotency_key = $1", [`purchase:${key}`])
    await c.query("UPDATE balances SET top_up = $1, consumed = $2 WHERE user_id = $3 AND currency = 'USD'",
      [bal.top_up, (BigInt(bal.consumed) + total).toString(), user])
    await c.query(`INSERT INTO ledger_entries (user_id, kind, amount, currency, idempotency_key, reason, actor, ref, created_at)
      VALUES ($1, 'purchase', $2, 'USD', $3, NULL, NULL, NULL, $4) RETURNING *`, [user, total.toString(), `purchase:${key}`, Date.now()])
    const buy = (await c.query("INSERT INTO buys (user_id, checkout_key, total, currency, created_at) VALUES ($1, $2, $3, 'USD', $4) RETURNING *",
      [user, key, total.toString(), Date.now()])).rows[0]
    for (const [position, item] of items.entries()) {
      await c.query(`INSERT INTO buy_items (buy_id, position, item_id, subcategory_id, category_name, subcategory_name, description,
        price, currency, private_data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [buy.id, position, item.id, item.subcategory_id, item.category_name, item.subcategory_name, item.description, item.price,
          item.currency, item.private_data])
    }
    await c.query("DELETE FROM cart_lines WHERE user_id = $1", [user])
  })
}

export const benchCheckoutPg = async (url: string) => {
  const stamp = `${process.pid}_${Date.now().toString(36)}`
  const schemas = { shop: `bench_shop_${stamp}`, raw: `bench_raw_${stamp}` }
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    let subs: ReadonlyArray<SubcategoryId> = []
    for (const schema of [schemas.shop, schemas.raw]) {
      subs = await Effect.runPromise(seed({ users: USERS, items: CHECKOUTS + 2000, subs: SUBS }).pipe(Effect.provide(shop(url, schema))))
    }
    const shopSeconds = await Effect.runPromise(Effect.gen(function*() {
      const cart = yield* Cart
      const checkout = yield* Checkout
      const start = performance.now()
      yield* Effect.all(Array.from({ length: CLIENTS }, (_, w) =>
        Effect.gen(function*() {
          for (let i = w; i < CHECKOUTS; i += CLIENTS) {
            const user = TelegramId.make(1 + (i % USERS))
            yield* cart.add(user, subs[i % SUBS]!, 1)
            yield* checkout.checkout(user, idempotencyKey("bench", i))
          }
        })), { concurrency: "unbounded" })
      return (performance.now() - start) / 1000
    }).pipe(Effect.provide(shop(url, schemas.shop))))

    const clients = await Promise.all(Array.from({ length: CLIENTS }, async () => {
      const u = new URL(url)
      u.searchParams.set("options", `-c search_path=${schemas.raw}`)
      const c = new pg.Client({ connectionString: u.toString() })
      await c.connect()
      return c
    }))
    const start = performance.now()
    await Promise.all(clients.map(async (c, w) => {
      for (let i = w; i < CHECKOUTS; i += CLIENTS) {
        const user = 1 + (i % USERS)
        await rawUnit(c, user, subs[i % SUBS]!, `checkout:${user}:bench:${i}`)
      }
    }))
    const rawSeconds = (performance.now() - start) / 1000
    await Promise.all(clients.map((c) => c.end()))
    const shopRate = CHECKOUTS / shopSeconds
    const rawRate = CHECKOUTS / rawSeconds
    return { shopRate, rawRate, ratio: shopRate / rawRate }
  } finally {
    for (const schema of Object.values(schemas)) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await admin.end()
  }
}
