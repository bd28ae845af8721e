/**
 * Writing items: at once (new and unsold, counted in their subcategory's stock), or staged under an
 * import's key (`sold = 2`: outside every query of unsold or listed items) and published later in one
 * short transaction that flips them to unsold and adds them to the stock counts.
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import { type CatalogRepo, ItemId, type NewItem } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import type { GoodsCipher } from "./GoodsCipher.js"
import { amountText, int, millis, trusted } from "./internal/rows.js"
import { queries } from "./internal/run.js"
import { makeTransaction } from "./internal/transaction.js"

/** Rows inserted per statement; well below both engines' parameter limits. */
const BATCH = 500
/** The `sold` value of a staged item. */
export const STAGED = 2

export const makeItemWriter = (sql: SqlClient.SqlClient, goods: GoodsCipher["Type"]) => {
  const q = queries(sql)
  const atomically = makeTransaction(sql)
  const addToStock = (counts: ReadonlyArray<readonly [unknown, number]>) =>
    Effect.forEach(counts, ([sub, n]) => q`UPDATE subcategories SET stock = stock + ${n} WHERE id = ${sub}`, { discard: true })

  const insert = (items: ReadonlyArray<NewItem>, now: Date, importKey: string | null) =>
    Effect.gen(function*() {
      if (items.length > 0) yield* goods.recordKey
      for (let start = 0; start < items.length; start += BATCH) {
        const rows = items.slice(start, start + BATCH).map((i) => ({
          subcategory_id: i.subcategoryId,
          price: amountText(i.price.amount),
          currency: i.price.currency,
          description: i.description,
          private_data: goods.seal(i.privateData),
          private_digest: goods.digest(i.privateData),
          sold: importKey === null ? 0 : STAGED,
          is_new: importKey === null ? 1 : 0,
          import_key: importKey,
          created_at: millis(now)
        }))
        yield* q`INSERT INTO items ${sql.insert(rows)}`
      }
      return items.length
    })

  /** Gives unsold items written before digests, or under another key, their digest under the current one. */
  const backfill = Effect.gen(function*() {
    for (;;) {
      const rows = yield* q<{ id: unknown; private_data: string }>`
        SELECT id, private_data FROM items
        WHERE sold = 0 AND (private_digest IS NULL OR private_digest NOT LIKE ${`${goods.digestPrefix}%`}) LIMIT ${BATCH}`
      if (rows.length === 0) return
      yield* atomically(Effect.forEach(rows, (r) =>
        q`UPDATE items SET private_digest = ${goods.digest(goods.open(r.private_data))} WHERE id = ${r.id}`, { discard: true }))
    }
  })
  let backfilled = false

  return {
    removeUnsold: (target) =>
      atomically(Effect.gen(function*() {
        const rows = target._tag === "Items"
          ? target.ids.length === 0 ? [] : yield* q<{ id: unknown; sub: unknown }>`
            SELECT id, subcategory_id AS sub FROM items WHERE sold = 0 AND ${sql.in("id", [...new Set(target.ids)])}`
          : yield* q<{ id: unknown; sub: unknown }>`SELECT id, subcategory_id AS sub FROM items WHERE sold = 0 AND subcategory_id = ${target.id}`
        const removed = new Map<number, number>()
        for (let start = 0; start < rows.length; start += BATCH) {
          yield* q`DELETE FROM items WHERE sold = 0 AND ${sql.in("id", rows.slice(start, start + BATCH).map((r) => r.id))}`
        }
        for (const r of rows) removed.set(int(r.sub), (removed.get(int(r.sub)) ?? 0) + 1)
        yield* addToStock([...removed].map(([sub, n]) => [sub, -n] as const))
        return rows.map((r) => ItemId.make(int(r.id), trusted))
      }).pipe(Effect.orDie)),
    unsoldMatching: (values) =>
      Effect.gen(function*() {
        if (!backfilled) yield* backfill
        backfilled = true
        const byDigest = new Map(values.map((v) => [goods.digest(v), v] as const))
        const digests = [...byDigest.keys()]
        const held = new Set<string>()
        for (let start = 0; start < digests.length; start += BATCH) {
          const rows = yield* q<{ private_digest: string }>`
            SELECT DISTINCT private_digest FROM items WHERE sold = 0 AND ${sql.in("private_digest", digests.slice(start, start + BATCH))}`
          for (const r of rows) held.add(byDigest.get(r.private_digest)!)
        }
        return held as ReadonlySet<string>
      }).pipe(Effect.orDie),
    addItems: (items, now) =>
      atomically(Effect.gen(function*() {
        const added = new Map<number, number>()
        for (const i of items) added.set(i.subcategoryId, (added.get(i.subcategoryId) ?? 0) + 1)
        yield* addToStock([...added])
        return yield* insert(items, now, null)
      }).pipe(Effect.orDie)),
    stageItems: (key, items, now) => atomically(insert(items, now, key)).pipe(Effect.orDie),
    publishStaged: (key) =>
      atomically(Effect.gen(function*() {
        const counts = yield* q<{ sub: unknown; n: unknown }>`
          SELECT subcategory_id AS sub, COUNT(*) AS n FROM items WHERE import_key = ${key} AND sold = ${STAGED} GROUP BY subcategory_id`
        yield* q`UPDATE items SET sold = 0, is_new = 1, import_key = NULL WHERE import_key = ${key} AND sold = ${STAGED}`
        yield* addToStock(counts.map((c) => [c.sub, int(c.n)] as const))
        return counts.reduce((n, c) => n + int(c.n), 0)
      }).pipe(Effect.orDie)),
    dropStaged: (key) => q`DELETE FROM items WHERE import_key = ${key} AND sold = ${STAGED}`.pipe(Effect.asVoid, Effect.orDie)
  } satisfies Pick<CatalogRepo["Type"], "addItems" | "stageItems" | "publishStaged" | "dropStaged" | "unsoldMatching" | "removeUnsold">
}
