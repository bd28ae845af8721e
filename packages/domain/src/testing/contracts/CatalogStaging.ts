import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { CatalogRepo, type NewItem } from "../../Catalog.js"
import { ItemId, type SubcategoryId } from "../../Ids.js"
import { Transactor } from "../../Transactor.js"
import { type ContractLayer, freshName, freshTime, usd } from "./support.js"

const items = (sub: SubcategoryId, n: number, tag: string): Array<NewItem> =>
  Array.from({ length: n }, (_, i) => ({ subcategoryId: sub, price: usd(100n + BigInt(i)), description: `${tag} ${i}`, privateData: `${tag}-${i}` }))

/** Staged imports: invisible until published, then all at once; dropped ones never appear. And what unsold stock holds already. */
export const catalogStagingContract = (name: string, layer: ContractLayer<CatalogRepo | Transactor>) =>
  describe(`CatalogRepo staging contract: ${name}`, () => {
    const run = <A, E>(self: Effect.Effect<A, E, CatalogRepo | Transactor>) => Effect.provide(self, layer)

    it.live("staged items are out of stock, lists and claims until published; published ones come after what was there, in staging order", () =>
      run(Effect.gen(function*() {
        const repo = yield* CatalogRepo
        const tx = yield* Transactor
        const category = yield* repo.ensureCategory(freshName("Staged"))
        const sub = (yield* repo.ensureSubcategory(category.id, freshName("Keys"))).id
        yield* repo.addItems(items(sub, 1, "old"), freshTime())
        const key = freshName("import")
        expect(yield* repo.stageItems(key, items(sub, 3, "a"), freshTime())).toBe(3)
        expect(yield* repo.stageItems(key, items(sub, 2, "b"), freshTime())).toBe(2)
        const hidden = Option.getOrThrow(yield* repo.subcategory(sub))
        expect(hidden.stock).toBe(1)
        expect((yield* repo.items(sub, { offset: 0, limit: 100 })).total).toBe(1)
        expect((yield* repo.nextPrices(sub, 10)).length).toBe(1)
        const claimedEarly = yield* tx.withTransaction(repo.claimUnsold(sub, 5))
        expect(claimedEarly.map((c) => c.privateData)).toEqual(["old-0"])

        const other = freshName("import")
        yield* repo.stageItems(other, items(sub, 4, "dropped"), freshTime())
        yield* repo.dropStaged(other)
        expect(yield* tx.withTransaction(repo.publishStaged(other))).toBe(0)

        expect(yield* tx.withTransaction(repo.publishStaged(key))).toBe(5)
        expect(yield* tx.withTransaction(repo.publishStaged(key))).toBe(0) // once
        expect(Option.getOrThrow(yield* repo.subcategory(sub)).stock).toBe(5)
        expect((yield* repo.items(sub, { offset: 0, limit: 100 })).total).toBe(6)
        const claimed = yield* tx.withTransaction(repo.claimUnsold(sub, 10))
        expect(claimed.map((c) => c.privateData)).toEqual(["a-0", "a-1", "a-2", "b-0", "b-1"])
      })))

    it.live("unsoldMatching names the private data unsold items hold: not sold ones, not staged ones, not others", () =>
      run(Effect.gen(function*() {
        const repo = yield* CatalogRepo
        const tx = yield* Transactor
        const category = yield* repo.ensureCategory(freshName("Dupes"))
        const sub = (yield* repo.ensureSubcategory(category.id, freshName("Keys"))).id
        const tag = freshName("dup")
        yield* repo.addItems(items(sub, 3, tag), freshTime())
        yield* tx.withTransaction(repo.claimUnsold(sub, 1)) // `${tag}-0` is sold
        const key = freshName("import")
        yield* repo.stageItems(key, items(sub, 1, `${tag}-staged`), freshTime())
        const asked = [`${tag}-0`, `${tag}-1`, `${tag}-2`, `${tag}-staged-0`, `${tag}-9`, `${tag}-1`]
        expect([...(yield* repo.unsoldMatching(asked))].sort()).toEqual([`${tag}-1`, `${tag}-2`])
        expect((yield* repo.unsoldMatching([])).size).toBe(0)
        yield* repo.dropStaged(key)
      })))

    it.live("removeUnsold deletes unsold items by id or by subcategory, never sold or staged ones, and keeps the stock count right", () =>
      run(Effect.gen(function*() {
        const repo = yield* CatalogRepo
        const tx = yield* Transactor
        const category = yield* repo.ensureCategory(freshName("Removal"))
        const sub = (yield* repo.ensureSubcategory(category.id, freshName("Keys"))).id
        const tag = freshName("rm")
        yield* repo.addItems(items(sub, 5, tag), freshTime())
        const [sold] = yield* tx.withTransaction(repo.claimUnsold(sub, 1))
        const listed = (yield* repo.items(sub, { offset: 0, limit: 10 })).items.map((i) => i.id)
        const key = freshName("import")
        yield* repo.stageItems(key, items(sub, 2, `${tag}-staged`), freshTime())
        const removed = yield* tx.withTransaction(repo.removeUnsold({ _tag: "Items", ids: [listed[1]!, listed[1]!, sold!.id, ItemId.make(999_999_999)] }))
        expect(removed).toEqual([listed[1]])
        expect(Option.getOrThrow(yield* repo.subcategory(sub)).stock).toBe(3)
        expect((yield* tx.withTransaction(repo.removeUnsold({ _tag: "Subcategory", id: sub }))).length).toBe(3)
        const after = Option.getOrThrow(yield* repo.subcategory(sub))
        expect(after.stock).toBe(0)
        expect((yield* repo.items(sub, { offset: 0, limit: 10 })).items.map((i) => i.id)).toEqual([sold!.id])
        expect(yield* tx.withTransaction(repo.publishStaged(key))).toBe(2)
        expect(Option.getOrThrow(yield* repo.subcategory(sub)).stock).toBe(2)
      })))
  })
