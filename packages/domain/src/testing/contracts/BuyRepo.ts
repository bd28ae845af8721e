import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { BuyRepo, type NewBuy } from "../../BuyRepo.js"
import { CatalogRepo } from "../../Catalog.js"
import type { TelegramId } from "../../Ids.js"
import type { UserRepo } from "../../Users.js"
import { type ContractLayer, freshKey, freshName, freshTime, plus, registered, usd } from "./support.js"

/** A purchase of freshly claimed items at the given prices. */
const draft = (user: TelegramId, prices: ReadonlyArray<bigint>, at: Date) =>
  Effect.gen(function*() {
    const catalog = yield* CatalogRepo
    const category = yield* catalog.ensureCategory(freshName("Buys"))
    const sub = yield* catalog.ensureSubcategory(category.id, "Keys")
    yield* catalog.addItems(prices.map((p, i) => ({ subcategoryId: sub.id, price: usd(p), description: `d${i}`, privateData: `KEY-${i}` })), at)
    const claimed = yield* catalog.claimUnsold(sub.id, prices.length)
    return {
      user,
      checkoutKey: freshKey("checkout"),
      total: usd(prices.reduce((a, b) => a + b, 0n)),
      items: claimed.map((item) => ({
        itemId: item.id,
        subcategoryId: sub.id,
        categoryName: category.name,
        subcategoryName: sub.name,
        description: item.description,
        price: item.price,
        privateData: item.privateData
      })),
      createdAt: at
    } satisfies NewBuy
  })

/** The BuyRepo contract: purchases with their items, lookup by key, history, one refund, sales sums. */
export const buyRepoContract = (name: string, layer: ContractLayer<BuyRepo | CatalogRepo | UserRepo>) =>
  describe(`BuyRepo contract: ${name}`, () => {
    const run = <A, E>(self: Effect.Effect<A, E, BuyRepo | CatalogRepo | UserRepo>) => Effect.provide(self, layer)

    it.live("create stores the purchase with its items; get and findByCheckoutKey return it", () =>
      run(Effect.gen(function*() {
        const repo = yield* BuyRepo
        const user = yield* registered()
        const d = yield* draft(user, [150n, 250n], freshTime())
        const buy = yield* repo.create(d)
        expect(buy).toMatchObject({ user, checkoutKey: d.checkoutKey, total: usd(400n), refundedAt: null })
        expect(buy.items).toEqual(d.items)
        expect(Option.getOrThrow(yield* repo.get(buy.id))).toEqual(buy)
        expect(Option.getOrThrow(yield* repo.findByCheckoutKey(d.checkoutKey))).toEqual(buy)
        expect(Option.isNone(yield* repo.findByCheckoutKey(freshKey("none")))).toBe(true)
      })))

    it.live("listByUser is newest first, per user, without private data", () =>
      run(Effect.gen(function*() {
        const repo = yield* BuyRepo
        const user = yield* registered()
        const other = yield* registered()
        const t = freshTime()
        const first = yield* repo.create(yield* draft(user, [100n], t))
        const second = yield* repo.create(yield* draft(user, [200n, 300n], plus(t, 1000)))
        yield* repo.create(yield* draft(other, [100n], t))
        const page = yield* repo.listByUser(user, { offset: 0, limit: 10 })
        expect(page.total).toBe(2)
        expect(page.items.map((b) => b.id)).toEqual([second.id, first.id])
        expect(page.items[0]).toEqual({ id: second.id, user, total: usd(500n), quantity: 2, createdAt: second.createdAt, refundedAt: null })
        expect(yield* repo.listByUser(user, { offset: 4, limit: 2 })).toMatchObject({ items: [], total: 2 })
      })))

    it.live("markRefunded succeeds once", () =>
      run(Effect.gen(function*() {
        const repo = yield* BuyRepo
        const buy = yield* repo.create(yield* draft(yield* registered(), [100n], freshTime()))
        const at = freshTime()
        expect(yield* repo.markRefunded(buy.id, at)).toBe(true)
        expect(yield* repo.markRefunded(buy.id, plus(at, 1))).toBe(false)
        expect(Option.getOrThrow(yield* repo.get(buy.id)).refundedAt?.getTime()).toBe(at.getTime())
      })))

    it.live("summarize adds up the recorded totals in the window", () =>
      run(Effect.gen(function*() {
        const repo = yield* BuyRepo
        const user = yield* registered()
        const t = freshTime()
        const a = yield* repo.create(yield* draft(user, [100n, 200n], t))
        yield* repo.create(yield* draft(user, [1_000n], plus(t, 60_000)))
        yield* repo.create(yield* draft(user, [5n], plus(t, 120_000)))
        yield* repo.markRefunded(a.id, plus(t, 1))
        const s = yield* repo.summarize({ from: t, to: plus(t, 120_000) }, "USD")
        expect(s).toEqual({ count: 2, items: 3, total: usd(1_300n), refundedCount: 1, refundedTotal: usd(300n) })
      })))

    it.live("listBetween pages the window's purchases oldest first, of every buyer", () =>
      run(Effect.gen(function*() {
        const repo = yield* BuyRepo
        const [user, other] = [yield* registered(), yield* registered()]
        const t = freshTime()
        const a = yield* repo.create(yield* draft(user, [100n], t))
        const b = yield* repo.create(yield* draft(other, [200n, 300n], plus(t, 1_000)))
        yield* repo.create(yield* draft(user, [5n], plus(t, 2_000)))
        const window = { from: t, to: plus(t, 2_000) }
        const all = yield* repo.listBetween(window, { offset: 0, limit: 10 })
        expect(all.total).toBe(2)
        expect(all.items.map((x) => x.id)).toEqual([a.id, b.id])
        expect(all.items[1]).toEqual({ id: b.id, user: other, total: usd(500n), quantity: 2, createdAt: b.createdAt, refundedAt: null })
        expect((yield* repo.listBetween(window, { offset: 1, limit: 1 })).items.map((x) => x.id)).toEqual([b.id])
      })))
  })
