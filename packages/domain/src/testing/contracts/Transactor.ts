import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import { CartRepo } from "../../Cart.js"
import { CatalogRepo } from "../../Catalog.js"
import { LedgerRepo } from "../../Ledger.js"
import { Transactor } from "../../Transactor.js"
import type { UserRepo } from "../../Users.js"
import { type ContractLayer, freshKey, freshName, freshTime, registered, usd } from "./support.js"

type R = Transactor | LedgerRepo | CartRepo | CatalogRepo | UserRepo

/** The Transactor contract: commit, rollback across ports on failure and interruption, nesting, isolation. */
export const transactorContract = (name: string, layer: ContractLayer<R>) =>
  describe(`Transactor contract: ${name}`, () => {
    const run = <A, E>(self: Effect.Effect<A, E, R>) => Effect.provide(self, layer)
    const setup = Effect.gen(function*() {
      const user = yield* registered()
      const catalog = yield* CatalogRepo
      const category = yield* catalog.ensureCategory(freshName("Tx"))
      const sub = yield* catalog.ensureSubcategory(category.id, "S")
      yield* catalog.addItems([{ subcategoryId: sub.id, price: usd(1n), description: "", privateData: "p" }], freshTime())
      return { user, sub: sub.id }
    })
    const credit = (user: Parameters<LedgerRepo["Type"]["balance"]>[0], cents: bigint) =>
      Effect.flatMap(LedgerRepo, (l) =>
        l.append({ user, kind: "deposit", amount: usd(cents), key: freshKey("tx"), reason: null, actor: null, ref: null, createdAt: freshTime() }))

    it.live("commits every write of a successful transaction", () =>
      run(Effect.gen(function*() {
        const { sub, user } = yield* setup
        const tx = yield* Transactor
        yield* tx.withTransaction(Effect.all([credit(user, 100n), Effect.flatMap(CartRepo, (c) => c.setLine(user, sub, 1))]))
        expect((yield* (yield* LedgerRepo).balance(user, "USD")).available).toEqual(usd(100n))
        expect((yield* (yield* CartRepo).lines(user)).length).toBe(1)
      })))

    it.live("rolls back the writes of every port when the transaction fails", () =>
      run(Effect.gen(function*() {
        const { sub, user } = yield* setup
        const tx = yield* Transactor
        const result = yield* Effect.flip(tx.withTransaction(Effect.gen(function*() {
          yield* credit(user, 100n)
          yield* Effect.flatMap(CartRepo, (c) => c.setLine(user, sub, 1))
          yield* Effect.flatMap(CatalogRepo, (c) => c.claimUnsold(sub, 1))
          return yield* Effect.fail("boom" as const)
        })))
        expect(result).toBe("boom")
        expect((yield* (yield* LedgerRepo).balance(user, "USD")).available).toEqual(usd(0n))
        expect(yield* (yield* CartRepo).lines(user)).toEqual([])
        expect(yield* Effect.flatMap(CatalogRepo, (c) => c.nextPrices(sub, 5))).toEqual([usd(1n)])
      })))

    it.live("rolls back on a defect and on interruption", () =>
      run(Effect.gen(function*() {
        const { user } = yield* setup
        const tx = yield* Transactor
        yield* Effect.exit(tx.withTransaction(Effect.zipRight(credit(user, 5n), Effect.dieMessage("defect"))))
        const fiber = yield* Effect.fork(tx.withTransaction(Effect.zipRight(credit(user, 7n), Effect.never)))
        yield* Effect.sleep("50 millis")
        yield* Fiber.interrupt(fiber)
        expect((yield* (yield* LedgerRepo).balance(user, "USD")).available).toEqual(usd(0n))
      })))

    it.live("a nested transaction joins the outer one", () =>
      run(Effect.gen(function*() {
        const { user } = yield* setup
        const tx = yield* Transactor
        yield* Effect.flip(tx.withTransaction(Effect.gen(function*() {
          yield* tx.withTransaction(credit(user, 10n))
          return yield* Effect.fail("outer fails")
        })))
        expect((yield* (yield* LedgerRepo).balance(user, "USD")).available).toEqual(usd(0n))
        yield* tx.withTransaction(tx.withTransaction(credit(user, 10n)))
        expect((yield* (yield* LedgerRepo).balance(user, "USD")).available).toEqual(usd(10n))
      })))

    it.live("concurrent read-modify-write transactions do not lose updates", () =>
      run(Effect.gen(function*() {
        const { sub, user } = yield* setup
        const tx = yield* Transactor
        const carts = yield* CartRepo
        yield* Effect.all(
          Array.from({ length: 20 }, () =>
            tx.withTransaction(Effect.gen(function*() {
              const current = (yield* carts.lines(user)).find((l) => l.subcategoryId === sub)?.quantity ?? 0
              yield* Effect.yieldNow()
              yield* carts.setLine(user, sub, current + 1)
            }))),
          { concurrency: "unbounded" }
        )
        expect(yield* carts.lines(user)).toEqual([{ subcategoryId: sub, quantity: 20 }])
      })))
  })
