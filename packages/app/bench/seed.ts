/** Fills a fresh database for the benchmarks through the shop's own use cases and bulk import. */
import { Catalog, type ImportRecord, Ledger, money, operator, page, TelegramId, Users, idempotencyKey, type SubcategoryId } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"

export const owner = operator("bench")

/** `users` registered buyers with a balance, and `items` unsold items spread over `subs` subcategories. */
export const seed = (options: { readonly users: number; readonly items: number; readonly subs: number; readonly credit?: bigint }) =>
  Effect.gen(function*() {
    const users = yield* Users
    const ledger = yield* Ledger
    for (let u = 1; u <= options.users; u++) {
      yield* users.register({ id: TelegramId.make(u), username: `user${u}`, language: "en" })
      yield* ledger.adjust(owner, {
        user: TelegramId.make(u),
        direction: "credit",
        amount: money(options.credit ?? 1_000_000n, "USD"),
        reason: "bench",
        key: idempotencyKey("bench-credit", u)
      })
    }
    const perBatch = 5000
    const batches = Stream.range(0, Math.ceil(options.items / perBatch) - 1).pipe(
      Stream.map((b) => {
        const out: Array<ImportRecord> = []
        for (let i = b * perBatch; i < Math.min(options.items, (b + 1) * perBatch); i++) {
          out.push({
            category: `Category ${(i % options.subs) % 3}`,
            subcategory: `Subcategory ${i % options.subs}`,
            price: money(BigInt(100 + (i % 50)), "USD"),
            description: "A licence key",
            privateData: `KEY-${i.toString(36).padStart(8, "0")}-XXXX-YYYY`
          })
        }
        return out
      })
    )
    yield* (yield* Catalog).importStream(owner, batches)
    const subs: Array<SubcategoryId> = []
    const catalog = yield* Catalog
    for (const c of (yield* catalog.categories(page(0, 100))).items) {
      for (let offset = 0; ; offset += 100) {
        const p = yield* catalog.subcategories(c.id, page(offset, 100))
        subs.push(...p.items.map((s) => s.id))
        if (offset + 100 >= p.total) break
      }
    }
    return subs
  })
