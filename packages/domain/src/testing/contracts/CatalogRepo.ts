import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { CatalogRepo, type NewItem } from "../../Catalog.js"
import type { SubcategoryId } from "../../Ids.js"
import { Transactor } from "../../Transactor.js"
import { type ContractLayer, freshName, freshTime, missingCategory, missingSubcategory, usd } from "./support.js"

const all = { offset: 0, limit: 100 } as const

const items = (sub: SubcategoryId, prices: ReadonlyArray<bigint>): Array<NewItem> =>
  prices.map((cents, i) => ({ subcategoryId: sub, price: usd(cents), description: `item ${i}`, privateData: `secret ${i};with;semicolons` }))

/** A fresh category with one subcategory holding items at the given prices. */
const stocked = (prices: ReadonlyArray<bigint>) =>
  Effect.gen(function*() {
    const repo = yield* CatalogRepo
    const category = yield* repo.ensureCategory(freshName("Games"))
    const sub = yield* repo.ensureSubcategory(category.id, freshName("Steam"))
    yield* repo.addItems(items(sub.id, prices), freshTime())
    return { category, sub }
  })

/** The CatalogRepo contract: names, stock, oldest-first sales, deletion that keeps history, announcements. */
export const catalogRepoContract = (name: string, layer: ContractLayer<CatalogRepo | Transactor>) =>
  describe(`CatalogRepo contract: ${name}`, () => {
    const run = <A, E>(self: Effect.Effect<A, E, CatalogRepo | Transactor>) => Effect.provide(self, layer)

    it.live("ensureCategory and ensureSubcategory find by exact name or create", () =>
      run(Effect.gen(function*() {
        const repo = yield* CatalogRepo
        const name = freshName("Software")
        const a = yield* repo.ensureCategory(name)
        const b = yield* repo.ensureCategory(name)
        expect(b).toEqual(a)
        expect(a.name).toBe(name)
        const s1 = yield* repo.ensureSubcategory(a.id, "Keys")
        const s2 = yield* repo.ensureSubcategory(a.id, "Keys")
        expect(s2).toEqual(s1)
        const other = yield* repo.ensureCategory(freshName("Other"))
        const s3 = yield* repo.ensureSubcategory(other.id, "Keys")
        expect(s3.id).not.toBe(s1.id)
        expect((yield* Effect.flip(repo.ensureSubcategory(missingCategory, "x")))._tag).toBe("CategoryNotFound")
      })))

    it.live("a subcategory shows its stock, and the oldest unsold item's price and description", () =>
      run(Effect.gen(function*() {
        const repo = yield* CatalogRepo
        const { category, sub } = yield* stocked([500n, 700n, 900n])
        const view = Option.getOrThrow(yield* repo.subcategory(sub.id))
        expect(view).toMatchObject({ id: sub.id, categoryId: category.id, categoryName: category.name, name: sub.name, stock: 3 })
        expect(view.unitPrice).toEqual(usd(500n))
        expect(view.description).toBe("item 0")
        expect(yield* repo.nextPrices(sub.id, 2)).toEqual([usd(500n), usd(700n)])
        expect(yield* repo.nextPrices(sub.id, 10)).toEqual([usd(500n), usd(700n), usd(900n)])
        expect(Option.isNone(yield* repo.subcategory(missingSubcategory))).toBe(true)
        expect(Option.getOrThrow(yield* repo.category(category.id))).toEqual(category)
      })))

    it.live("claimUnsold takes the oldest unsold items once, and fewer when short", () =>
      run(Effect.gen(function*() {
        const repo = yield* CatalogRepo
        const { category, sub } = yield* stocked([100n, 200n, 300n])
        const first = yield* repo.claimUnsold(sub.id, 2)
        expect(first.map((i) => i.price)).toEqual([usd(100n), usd(200n)])
        expect(first[0]).toMatchObject({ categoryName: category.name, subcategoryName: sub.name, subcategoryId: sub.id })
        expect(first.every((i) => i.sold)).toBe(true)
        expect(first[0]!.privateData).toBe("secret 0;with;semicolons")
        const rest = yield* repo.claimUnsold(sub.id, 5)
        expect(rest.map((i) => i.price)).toEqual([usd(300n)])
        expect(yield* repo.claimUnsold(sub.id, 1)).toEqual([])
        expect(Option.getOrThrow(yield* repo.subcategory(sub.id))).toMatchObject({ stock: 0, unitPrice: null, description: null })
        const listed = yield* repo.items(sub.id, all)
        expect(listed.total).toBe(3)
        expect(listed.items.every((i) => i.sold)).toBe(true)
        expect(listed.items.some((i) => "privateData" in i)).toBe(false)
      })))

    it.live("concurrent claims in transactions never hand out an item twice", () =>
      run(Effect.gen(function*() {
        const repo = yield* CatalogRepo
        const tx = yield* Transactor
        const { sub } = yield* stocked(Array.from({ length: 10 }, () => 100n))
        const claims = yield* Effect.all(
          Array.from({ length: 8 }, () => tx.withTransaction(repo.claimUnsold(sub.id, 2))),
          { concurrency: "unbounded" }
        )
        const ids = claims.flat().map((i) => i.id)
        expect(ids.length).toBe(10)
        expect(new Set(ids).size).toBe(10)
      })))

    it.live("listings hide empty entries when asked, sort by name and page", () =>
      run(Effect.gen(function*() {
        const repo = yield* CatalogRepo
        const category = yield* repo.ensureCategory(freshName("Listing"))
        const b = yield* repo.ensureSubcategory(category.id, "B")
        const a = yield* repo.ensureSubcategory(category.id, "A")
        const empty = yield* repo.ensureSubcategory(category.id, "C")
        yield* repo.addItems([...items(b.id, [10n]), ...items(a.id, [20n, 30n])], freshTime())
        const inStock = yield* repo.subcategories(category.id, all, true)
        expect(inStock.items.map((s) => s.name)).toEqual(["A", "B"])
        expect(inStock.items.map((s) => s.stock)).toEqual([2, 1])
        expect((yield* repo.subcategories(category.id, all, false)).items.map((s) => s.id)).toEqual([a.id, b.id, empty.id])
        const paged = yield* repo.subcategories(category.id, { offset: 1, limit: 1 }, false)
        expect(paged).toMatchObject({ total: 3, offset: 1, limit: 1 })
        expect(paged.items.map((s) => s.name)).toEqual(["B"])
        // A page past the end (an old button) is empty and still knows the total; an empty list totals 0.
        expect(yield* repo.subcategories(category.id, { offset: 10, limit: 5 }, false)).toMatchObject({ items: [], total: 3, offset: 10 })
        expect(yield* repo.subcategories(category.id, { offset: 2, limit: 5 }, true)).toMatchObject({ items: [], total: 2 })
        expect(yield* repo.items(empty.id, { offset: 0, limit: 5 })).toMatchObject({ items: [], total: 0 })
        expect(yield* repo.items(a.id, { offset: 5, limit: 5 })).toMatchObject({ items: [], total: 2 })
        const everyCategory = (yield* repo.categories({ offset: 0, limit: 1 }, false)).total
        expect(everyCategory).toBeGreaterThanOrEqual(1)
        expect(yield* repo.categories({ offset: everyCategory + 5, limit: 5 }, false)).toMatchObject({ items: [], total: everyCategory })
        const cats = yield* repo.categories(all, true)
        const mine = cats.items.find((c) => c.id === category.id)
        expect(mine?.stock).toBe(3)
        const bare = yield* repo.ensureCategory(freshName("Bare"))
        expect((yield* repo.categories({ offset: 0, limit: 100 }, true)).items.some((c) => c.id === bare.id)).toBe(false)
      })))

    it.live("deleting a subcategory removes its unsold items only and hides it", () =>
      run(Effect.gen(function*() {
        const repo = yield* CatalogRepo
        const { category, sub } = yield* stocked([100n, 200n, 300n])
        const sold = yield* repo.claimUnsold(sub.id, 1)
        expect(yield* repo.deleteSubcategory(sub.id)).toBe(2)
        expect(Option.isNone(yield* repo.subcategory(sub.id))).toBe(true)
        expect((yield* repo.subcategories(category.id, all, false)).items.some((s) => s.id === sub.id)).toBe(false)
        const left = yield* repo.items(sub.id, all)
        expect(left.items.map((i) => i.id)).toEqual(sold.map((i) => i.id))
        expect((yield* Effect.flip(repo.deleteSubcategory(sub.id)))._tag).toBe("SubcategoryNotFound")
        expect((yield* Effect.flip(repo.deleteSubcategory(missingSubcategory)))._tag).toBe("SubcategoryNotFound")
        // importing under the same name again revives it with the old id
        const again = yield* repo.ensureSubcategory(category.id, sub.name)
        expect(again.id).toBe(sub.id)
        expect(Option.getOrThrow(yield* repo.subcategory(sub.id)).stock).toBe(0)
      })))

    it.live("a new price applies to the unsold items only; sold ones keep what they were sold at", () =>
      run(Effect.gen(function*() {
        const repo = yield* CatalogRepo
        const { sub } = yield* stocked([100n, 200n, 300n])
        const sold = yield* repo.claimUnsold(sub.id, 1)
        expect(yield* repo.setPrice(sub.id, usd(450n))).toBe(2)
        expect(Option.getOrThrow(yield* repo.subcategory(sub.id)).unitPrice).toEqual(usd(450n))
        const listed = (yield* repo.items(sub.id, all)).items
        expect(listed.map((i) => i.price.amount)).toEqual([100n, 450n, 450n])
        expect(listed[0]!.id).toBe(sold[0]!.id)
        expect((yield* Effect.flip(repo.setPrice(missingSubcategory, usd(1n))))._tag).toBe("SubcategoryNotFound")
      })))

    it.live("deleting a category removes the unsold items of all its subcategories", () =>
      run(Effect.gen(function*() {
        const repo = yield* CatalogRepo
        const { category, sub } = yield* stocked([100n, 200n])
        const second = yield* repo.ensureSubcategory(category.id, freshName("Second"))
        yield* repo.addItems(items(second.id, [5n, 6n, 7n]), freshTime())
        yield* repo.claimUnsold(second.id, 1)
        expect(yield* repo.deleteCategory(category.id)).toBe(4)
        expect(Option.isNone(yield* repo.category(category.id))).toBe(true)
        expect(Option.isNone(yield* repo.subcategory(sub.id))).toBe(true)
        expect((yield* repo.categories(all, false)).items.some((c) => c.id === category.id)).toBe(false)
        expect((yield* repo.items(second.id, all)).total).toBe(1)
        expect((yield* Effect.flip(repo.deleteCategory(category.id)))._tag).toBe("CategoryNotFound")
        const revived = yield* repo.ensureCategory(category.name)
        expect(revived.id).toBe(category.id)
      })))

    it.live("new items are reported until announced", () =>
      run(Effect.gen(function*() {
        const repo = yield* CatalogRepo
        const { sub } = yield* stocked([1n, 2n, 3n])
        yield* repo.claimUnsold(sub.id, 1)
        const fresh = (yield* repo.stockReport(true)).find((l) => l.subcategoryId === sub.id)
        expect(fresh?.count).toBe(2)
        expect((yield* repo.stockReport(false)).find((l) => l.subcategoryId === sub.id)?.count).toBe(2)
        expect(yield* repo.clearNew()).toBeGreaterThanOrEqual(2)
        expect((yield* repo.stockReport(true)).some((l) => l.subcategoryId === sub.id)).toBe(false)
        expect((yield* repo.stockReport(false)).find((l) => l.subcategoryId === sub.id)?.count).toBe(2)
      })))

    it.live("items of a subcategory page oldest first", () =>
      run(Effect.gen(function*() {
        const repo = yield* CatalogRepo
        const { sub } = yield* stocked([1n, 2n, 3n, 4n, 5n])
        const page = yield* repo.items(sub.id, { offset: 1, limit: 2 })
        expect(page.total).toBe(5)
        expect(page.items.map((i) => i.price.amount)).toEqual([2n, 3n])
        expect(page.items.every((i) => !i.sold && i.isNew)).toBe(true)
      })))

    it.live("foreignStock counts unsold items priced in another currency, per subcategory", () =>
      run(Effect.gen(function*() {
        const repo = yield* CatalogRepo
        const { category, sub } = yield* stocked([100n, 200n])
        const chf = { amount: 300n, currency: "CHF" } as const
        yield* repo.addItems([1, 2, 3].map((i) => ({ subcategoryId: sub.id, price: chf, description: `chf ${i}`, privateData: `c${i}` })), freshTime())
        yield* repo.claimUnsold(sub.id, 3) // oldest first: both USD items and one CHF item go
        const mine = (yield* repo.foreignStock("USD")).filter((f) => f.subcategoryId === sub.id)
        expect(mine).toEqual([{ subcategoryId: sub.id, category: category.name, subcategory: sub.name, currency: "CHF", unsold: 2 }])
        expect((yield* repo.foreignStock("CHF")).some((f) => f.subcategoryId === sub.id)).toBe(false)
      })))
  })
