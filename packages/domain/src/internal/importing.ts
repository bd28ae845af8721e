/** Imports validated records: staged batch by batch, then published in one step. */
import * as Effect from "effect/Effect"
import * as Random from "effect/Random"
import * as Stream from "effect/Stream"
import type { CatalogRepo, ImportReport, NewItem } from "../Catalog.js"
import type { CategoryId, SubcategoryId } from "../Ids.js"
import type { ImportRecord } from "../Import.js"
import type { Transactor } from "../Transactor.js"

interface Counted {
  readonly sub: SubcategoryId
  readonly category: string
  readonly subcategory: string
  count: number
}

/**
 * Stages each batch in its own short transaction (names resolved once, counts kept per subcategory),
 * then publishes them all in one: buyers see all of an import or none of it, and the shop's other
 * writes wait at most one batch or the publish step, never the whole import. A failed or interrupted
 * import drops what it staged.
 */
export const makeImporter = (repo: CatalogRepo["Type"], tx: Transactor["Type"]) =>
<E>(batches: Stream.Stream<ReadonlyArray<ImportRecord>, E>, at: Date): Effect.Effect<ImportReport, E> =>
  Effect.gen(function*() {
    const importKey = `${at.getTime()}-${yield* Random.nextIntBetween(0, 2 ** 31 - 1)}`
    // Names resolved and counted so far; a batch works on copies and they replace these only once it
    // has committed, so a transaction that is rolled back or run again (PostgreSQL) leaves no trace here.
    let subIds = new Map<string, Counted>()
    let catIds = new Map<string, CategoryId>()
    yield* Stream.runForEach(batches, (records) =>
      tx.withTransaction(Effect.gen(function*() {
        const cats = new Map(catIds)
        const subs = new Map([...subIds].map(([k, v]) => [k, { ...v }]))
        const batch: Array<NewItem> = []
        for (const r of records) {
          let categoryId = cats.get(r.category)
          if (categoryId === undefined) {
            categoryId = (yield* repo.ensureCategory(r.category)).id
            cats.set(r.category, categoryId)
          }
          const key = `${categoryId}\u0000${r.subcategory}`
          let entry = subs.get(key)
          if (entry === undefined) {
            const sub = yield* Effect.orDie(repo.ensureSubcategory(categoryId, r.subcategory))
            entry = { sub: sub.id, category: r.category, subcategory: r.subcategory, count: 0 }
            subs.set(key, entry)
          }
          entry.count++
          batch.push({ subcategoryId: entry.sub, price: r.price, description: r.description, privateData: r.privateData })
        }
        if (batch.length > 0) yield* repo.stageItems(importKey, batch, at)
        return { cats, subs }
      })).pipe(Effect.map(({ cats, subs }) => {
        catIds = cats
        subIds = subs
      }))).pipe(Effect.onExit((exit) => exit._tag === "Failure" ? repo.dropStaged(importKey) : Effect.void))
    const imported = yield* tx.withTransaction(repo.publishStaged(importKey))
    return {
      imported,
      lines: [...subIds.values()].map(({ category, count, subcategory }) => ({ category, subcategory, count }))
    }
  })

export const chunksOf = <A>(all: ReadonlyArray<A>, size: number): Array<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = []
  for (let i = 0; i < all.length; i += size) out.push(all.slice(i, i + size))
  return out
}
