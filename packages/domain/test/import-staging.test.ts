import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as HashMap from "effect/HashMap"
import * as Stream from "effect/Stream"
import { Catalog, type ImportRecord, money } from "../src/index.js"
import { MemoryStore } from "../src/testing/memory.js"
import { cli, shop } from "./support.js"

const records = (from: number, n: number): ReadonlyArray<ImportRecord> =>
  Array.from({ length: n }, (_, i) => ({ category: "Bulk", subcategory: "Keys", price: money(100n, "USD"), description: "k", privateData: `K-${from + i}` }))

describe("a streamed import", () => {
  it.effect("is staged batch by batch and published at once; a failure half-way publishes nothing and leaves nothing staged", () =>
    Effect.gen(function*() {
      const catalog = yield* Catalog
      const store = yield* MemoryStore
      const failing = Stream.concat(Stream.make(records(0, 3), records(3, 3)), Stream.fail("the file could not be read"))
      expect(yield* Effect.flip(catalog.importStream(cli, failing))).toBe("the file could not be read")
      const after = yield* store.snapshot
      expect(HashMap.size(after.items)).toBe(0)
      expect(HashMap.size(after.staged)).toBe(0)
      expect((yield* catalog.categories({ offset: 0, limit: 10 })).total).toBe(0) // nothing for buyers to see

      const report = yield* catalog.importStream(cli, Stream.make(records(0, 3), records(3, 4)))
      expect(report).toEqual({ imported: 7, lines: [{ category: "Bulk", subcategory: "Keys", count: 7 }] })
      expect((yield* catalog.categories({ offset: 0, limit: 10 })).items[0]!.stock).toBe(7)
      expect(HashMap.size((yield* store.snapshot).staged)).toBe(0)
    }).pipe(Effect.provide(shop())))
})
