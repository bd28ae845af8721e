/**
 * The repositories' statements outside a transaction, on SQLite (internal/run.ts): they take the
 * client's one connection through its acquirer, so they wait for another fiber's transaction and
 * never run inside it, and they leave out the per-statement span (the fast path is still there).
 * Reading pages with their LIMIT written in (internal/peek.ts) gives the same pages as before.
 */
import { describe, expect, it } from "@effect/vitest"
import { Catalog, CatalogRepo, operator, TelegramId, Transactor, UserRepo } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as Tracer from "effect/Tracer"
import { sqliteStorage } from "./support.js"

/** A tracer that keeps the names of the spans it starts. */
const recording = () => {
  const names: Array<string> = []
  const tracer = Tracer.make({
    span: (name, parent, context, links, startTime, kind) => {
      names.push(name)
      return {
        _tag: "Span", name, spanId: String(names.length), traceId: "t", parent, context, links: [...links], sampled: true, kind,
        status: { _tag: "Started", startTime }, attributes: new Map(),
        attribute: () => {}, event: () => {}, addLinks: () => {}, end: () => {}
      } satisfies Tracer.Span
    },
    context: (f) => f()
  })
  return { names, tracer }
}

describe("statements outside a transaction, on SQLite", () => {
  it.live("wait for another fiber's transaction: a read never sees what it then rolls back", () =>
    Effect.gen(function*() {
      const [users, tx] = [yield* UserRepo, yield* Transactor]
      const id = TelegramId.make(77)
      expect(Option.isNone(yield* users.find(id))).toBe(true)
      const written = yield* Deferred.make<void>()
      const writer = yield* tx.withTransaction(Effect.gen(function*() {
        yield* users.upsert({ id, username: "ghost", language: null }, new Date(0))
        yield* Deferred.succeed(written, undefined)
        yield* Effect.sleep("50 millis")
        return yield* Effect.fail("rolled back" as const)
      })).pipe(Effect.flip, Effect.fork)
      yield* Deferred.await(written)
      // Run while the transaction is open, with its row written but not committed.
      expect(Option.isNone(yield* users.find(id))).toBe(true)
      expect(yield* Fiber.join(writer)).toBe("rolled back")
    }).pipe(Effect.provide(sqliteStorage())))

  it.live("run without a span of their own", () =>
    Effect.gen(function*() {
      const users = yield* UserRepo
      const { names, tracer } = recording()
      yield* users.find(TelegramId.make(1)).pipe(Effect.withTracer(tracer))
      expect(names).toEqual([])
    }).pipe(Effect.provide(sqliteStorage())))
})

describe("pages read with their LIMIT written in", () => {
  it.live("give the same items and totals as one list cut into pages, for every page size and offset", () =>
    Effect.gen(function*() {
      const lines = Array.from({ length: 70 }, (_, i) => `C${i % 7};S${i % 9};d;1.00;k-${i}`)
      yield* (yield* Catalog).importFile(operator(), "txt", lines.join("\n"))
      const repo = yield* CatalogRepo
      const categories = (yield* repo.categories({ offset: 0, limit: 100 }, false)).items
      const category = categories[0]!.id
      const subs = (yield* repo.subcategories(category, { offset: 0, limit: 100 }, false)).items
      expect(categories.length).toBe(7)
      for (const limit of [1, 2, 3, 7, 10]) {
        for (let offset = 0; offset <= 9; offset++) {
          const page = { offset, limit }
          expect(yield* repo.categories(page, true)).toEqual({ items: categories.slice(offset, offset + limit), total: 7, offset, limit })
          expect(yield* repo.subcategories(category, page, true)).toEqual({ items: subs.slice(offset, offset + limit), total: subs.length, offset, limit })
        }
      }
    }).pipe(Effect.provide(ShopMemory({}, { storage: sqliteStorage() }))))
})
