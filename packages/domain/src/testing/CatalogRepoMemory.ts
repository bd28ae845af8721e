import * as Effect from "effect/Effect"
import * as HashMap from "effect/HashMap"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { type Category, type CategoryView, CatalogRepo, type ClaimedItem, type Item, type StockLine, type Subcategory, type SubcategoryView } from "../Catalog.js"
import { CategoryNotFound, SubcategoryNotFound } from "../Errors.js"
import { CategoryId, ItemId, SubcategoryId } from "../Ids.js"
import type { FiatCurrency } from "../Currency.js"
import type { Money } from "../Money.js"
import { slice } from "../Paging.js"
import { addAll, stagingMemory } from "./catalogStaging.js"
import { MemoryStore, type MemoryState, nextId } from "./MemoryStore.js"

const idsOf = (s: MemoryState, sub: SubcategoryId): ReadonlyArray<ItemId> =>
  Option.getOrElse(HashMap.get(s.itemsBySub, sub), () => [])

const unsoldOf = (s: MemoryState, sub: SubcategoryId, limit = Infinity): Array<Item> => {
  const out: Array<Item> = []
  for (const id of idsOf(s, sub)) {
    if (out.length >= limit) break
    const item = HashMap.unsafeGet(s.items, id)
    if (!item.sold) out.push(item)
  }
  return out
}

const liveSubcategories = (s: MemoryState, categoryId?: CategoryId): Array<Subcategory> =>
  [...HashMap.values(s.subcategories)]
    .filter((e) => !e.deleted && (categoryId === undefined || e.subcategory.categoryId === categoryId))
    .map((e) => e.subcategory)
    .filter((sub) => Option.exists(HashMap.get(s.categories, sub.categoryId), (c) => !c.deleted))

const viewOf = (s: MemoryState, sub: Subcategory): SubcategoryView => {
  const unsold = unsoldOf(s, sub.id)
  const next = unsold[0]
  return {
    id: sub.id,
    categoryId: sub.categoryId,
    categoryName: HashMap.unsafeGet(s.categories, sub.categoryId).category.name,
    name: sub.name,
    stock: unsold.length,
    unitPrice: next?.price ?? null,
    description: next?.description ?? null
  }
}

const byName = <A extends { readonly name: string; readonly id: number }>(a: A, b: A) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id

/** Removes the unsold items of the given subcategories; returns the new state and how many went. */
const dropUnsold = (s: MemoryState, subs: ReadonlyArray<SubcategoryId>): readonly [number, MemoryState] => {
  let items = s.items
  let itemsBySub = s.itemsBySub
  let removed = 0
  for (const sub of subs) {
    const kept: Array<ItemId> = []
    for (const id of idsOf(s, sub)) {
      if (HashMap.unsafeGet(s.items, id).sold) kept.push(id)
      else {
        items = HashMap.remove(items, id)
        removed++
      }
    }
    itemsBySub = HashMap.set(itemsBySub, sub, kept)
  }
  return [removed, { ...s, items, itemsBySub }]
}

export const CatalogRepoMemory: Layer.Layer<CatalogRepo, never, MemoryStore> = Layer.effect(CatalogRepo, Effect.gen(function*() {
  const store = yield* MemoryStore

  return CatalogRepo.of({
    ensureCategory: (name) =>
      store.modify((s) => {
        const existing = [...HashMap.values(s.categories)].find((e) => e.category.name === name)
        if (existing !== undefined) {
          return [existing.category, { ...s, categories: HashMap.set(s.categories, existing.category.id, { category: existing.category, deleted: false }) }] as const
        }
        const [id, next] = nextId(s, "categories")
        const category: Category = { id: CategoryId.make(id), name }
        return [category, { ...next, categories: HashMap.set(next.categories, category.id, { category, deleted: false }) }] as const
      }),
    ensureSubcategory: (categoryId, name) =>
      store.modify((s) => {
        if (!HashMap.has(s.categories, categoryId)) return [Option.none<Subcategory>(), s] as const
        const existing = [...HashMap.values(s.subcategories)]
          .find((e) => e.subcategory.categoryId === categoryId && e.subcategory.name === name)
        if (existing !== undefined) {
          return [Option.some(existing.subcategory), {
            ...s,
            subcategories: HashMap.set(s.subcategories, existing.subcategory.id, { subcategory: existing.subcategory, deleted: false })
          }] as const
        }
        const [id, next] = nextId(s, "subcategories")
        const subcategory: Subcategory = { id: SubcategoryId.make(id), categoryId, name }
        return [Option.some(subcategory), {
          ...next,
          subcategories: HashMap.set(next.subcategories, subcategory.id, { subcategory, deleted: false })
        }] as const
      }).pipe(Effect.flatten, Effect.mapError(() => new CategoryNotFound({ category: categoryId }))),
    addItems: (newItems, now) => store.modify((s) => addAll(s, newItems, now)),
    ...stagingMemory(store),
    category: (id) =>
      store.read((s) => HashMap.get(s.categories, id).pipe(Option.filter((e) => !e.deleted), Option.map((e) => e.category))),
    subcategory: (id) =>
      store.read((s) =>
        Option.fromNullable(liveSubcategories(s).find((sub) => sub.id === id)).pipe(Option.map((sub) => viewOf(s, sub)))
      ),
    categories: (page, inStockOnly) =>
      store.read((s) => {
        const views: Array<CategoryView> = [...HashMap.values(s.categories)]
          .filter((e) => !e.deleted)
          .map(({ category }) => ({
            id: category.id,
            name: category.name,
            stock: liveSubcategories(s, category.id).reduce((n, sub) => n + unsoldOf(s, sub.id).length, 0)
          }))
          .filter((v) => !inStockOnly || v.stock > 0)
          .sort(byName)
        return slice(views, page)
      }),
    subcategories: (categoryId, page, inStockOnly) =>
      store.read((s) =>
        slice(
          liveSubcategories(s, categoryId).map((sub) => viewOf(s, sub)).filter((v) => !inStockOnly || v.stock > 0).sort(byName),
          page
        )
      ),
    nextPrices: (sub, n) => store.read((s): ReadonlyArray<Money> => unsoldOf(s, sub, n).map((i) => i.price)),
    claimUnsold: (sub, n) =>
      store.modify<ReadonlyArray<ClaimedItem>>((s) => {
        const names = Option.map(HashMap.get(s.subcategories, sub), ({ subcategory }) => ({
          subcategoryName: subcategory.name,
          categoryName: HashMap.unsafeGet(s.categories, subcategory.categoryId).category.name
        }))
        if (Option.isNone(names)) return [[], s] as const
        const claimed = unsoldOf(s, sub, n).map((i) => ({ ...i, sold: true, isNew: false }))
        let items = s.items
        for (const item of claimed) items = HashMap.set(items, item.id, item)
        return [claimed.map((i): ClaimedItem => ({ ...i, ...names.value })), { ...s, items }] as const
      }),
    deleteCategory: (id) =>
      store.modify((s) => {
        const found = HashMap.get(s.categories, id)
        if (Option.isNone(found) || found.value.deleted) return [Option.none<number>(), s] as const
        const subs = [...HashMap.values(s.subcategories)].filter((e) => e.subcategory.categoryId === id)
        const [removed, next] = dropUnsold(s, subs.map((e) => e.subcategory.id))
        let subcategories = next.subcategories
        for (const e of subs) subcategories = HashMap.set(subcategories, e.subcategory.id, { ...e, deleted: true })
        return [Option.some(removed), {
          ...next,
          subcategories,
          categories: HashMap.set(next.categories, id, { ...found.value, deleted: true })
        }] as const
      }).pipe(Effect.flatten, Effect.mapError(() => new CategoryNotFound({ category: id }))),
    deleteSubcategory: (id) =>
      store.modify((s) => {
        const found = HashMap.get(s.subcategories, id)
        if (Option.isNone(found) || found.value.deleted) return [Option.none<number>(), s] as const
        const [removed, next] = dropUnsold(s, [id])
        return [Option.some(removed), {
          ...next,
          subcategories: HashMap.set(next.subcategories, id, { ...found.value, deleted: true })
        }] as const
      }).pipe(Effect.flatten, Effect.mapError(() => new SubcategoryNotFound({ subcategory: id }))),
    setPrice: (id, price) =>
      store.modify((s) => {
        const found = HashMap.get(s.subcategories, id)
        if (Option.isNone(found) || found.value.deleted) return [Option.none<number>(), s] as const
        let items = s.items
        const unsold = unsoldOf(s, id)
        for (const item of unsold) items = HashMap.set(items, item.id, { ...item, price })
        return [Option.some(unsold.length), { ...s, items }] as const
      }).pipe(Effect.flatten, Effect.mapError(() => new SubcategoryNotFound({ subcategory: id }))),
    foreignStock: (currency) =>
      store.read((s) =>
        [...HashMap.values(s.subcategories)].flatMap(({ subcategory: sub }) => {
          const counts = new Map<FiatCurrency, number>()
          for (const item of unsoldOf(s, sub.id)) if (item.price.currency !== currency) counts.set(item.price.currency, (counts.get(item.price.currency) ?? 0) + 1)
          const category = HashMap.unsafeGet(s.categories, sub.categoryId).category.name
          return [...counts].map(([c, unsold]) => ({ subcategoryId: sub.id, category, subcategory: sub.name, currency: c, unsold }))
        }).sort((a, b) => a.category.localeCompare(b.category) || a.subcategory.localeCompare(b.subcategory))),
    items: (sub, page) =>
      store.read((s) =>
        slice(idsOf(s, sub).map((id) => {
          const { privateData: _, ...summary } = HashMap.unsafeGet(s.items, id)
          return summary
        }), page)
      ),
    stockReport: (onlyNew) =>
      store.read((s) => {
        const lines: Array<StockLine> = []
        for (const sub of liveSubcategories(s)) {
          const count = unsoldOf(s, sub.id).filter((i) => !onlyNew || i.isNew).length
          if (count === 0) continue
          lines.push({
            categoryId: sub.categoryId,
            categoryName: HashMap.unsafeGet(s.categories, sub.categoryId).category.name,
            subcategoryId: sub.id,
            subcategoryName: sub.name,
            count
          })
        }
        return lines.sort((a, b) => byName({ name: a.categoryName, id: a.categoryId }, { name: b.categoryName, id: b.categoryId }) ||
          byName({ name: a.subcategoryName, id: a.subcategoryId }, { name: b.subcategoryName, id: b.subcategoryId }))
      }),
    clearNew: () =>
      store.modify((s) => {
        let items = s.items
        let n = 0
        for (const item of HashMap.values(s.items)) {
          if (item.isNew) {
            items = HashMap.set(items, item.id, { ...item, isNew: false })
            n++
          }
        }
        return [n, { ...s, items }] as const
      })
  })
}))
