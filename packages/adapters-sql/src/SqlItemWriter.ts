/**
 * Writing items: at once (new and unsold, counted in their subcategory's stock), or staged under an
 * import's key (`sold = 2`: outside every query of unsold or listed items) and published later in one
 * short transaction that flips them to unsold and adds them to the stock counts.
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import type { CatalogRepo, NewItem } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import type { GoodsCipher } from "./GoodsCipher.js"
import { amountText, int, millis } from "./internal/rows.js"
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
          sold: importKey === null ? 0 : STAGED,
          is_new: importKey === null ? 1 : 0,
          import_key: importKey,
          created_at: millis(now)
        }))
        yield* q`INSERT INTO items ${sql.insert(rows)}`
      }
      return items.length
    })

  return {
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
  } satisfies Pick<CatalogRepo["Type"], "addItems" | "stageItems" | "publishStaged" | "dropStaged">
}
