/** A cart line at MAX_LINE_QUANTITY's ceiling (100,000 items) checks out on both engines: the claim binds its ids in chunks. */
import { describe, expect, it } from "@effect/vitest"
import { CatalogRepo, money, type StoragePorts } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import { freshSchema, pgStorage, pgUrl, sqliteStorage } from "./support.js"

const LINE = 100_000 // MAX_LINE_QUANTITY's largest allowed value

const claimAll = (layer: Layer.Layer<StoragePorts, unknown>) =>
  Effect.gen(function*() {
    const repo = yield* CatalogRepo
    const category = yield* repo.ensureCategory("Bulk")
    const sub = yield* repo.ensureSubcategory(category.id, "Keys")
    const items = Array.from({ length: LINE + 5 }, (_, i) => ({ subcategoryId: sub.id, price: money(1n, "USD"), description: "k", privateData: `K-${i}` }))
    yield* repo.addItems(items, new Date())
    const claimed = yield* repo.claimUnsold(sub.id, LINE)
    expect(claimed).toHaveLength(LINE)
    expect(claimed[0]!.privateData).toBe("K-0")
    expect(claimed[LINE - 1]!.privateData).toBe(`K-${LINE - 1}`)
    const rest = yield* repo.claimUnsold(sub.id, LINE)
    expect(rest.map((i) => i.privateData)).toEqual([0, 1, 2, 3, 4].map((i) => `K-${LINE + i}`))
    expect((yield* repo.subcategory(sub.id))._tag).toBe("Some")
  }).pipe(Effect.provide(layer))

describe("claiming a line of 100,000 items", () => {
  it.live("SQLite", () => claimAll(sqliteStorage()), 120_000)
  if (pgUrl !== undefined) it.live("PostgreSQL", () => claimAll(pgStorage(freshSchema())), 120_000)
})
