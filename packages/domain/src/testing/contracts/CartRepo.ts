import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { CartRepo } from "../../Cart.js"
import { CatalogRepo } from "../../Catalog.js"
import type { UserRepo } from "../../Users.js"
import { type ContractLayer, freshName, registered } from "./support.js"

/** The CartRepo contract: ordered lines per user, set, remove, clear. */
export const cartRepoContract = (name: string, layer: ContractLayer<CartRepo | CatalogRepo | UserRepo>) =>
  describe(`CartRepo contract: ${name}`, () => {
    const run = <A, E>(self: Effect.Effect<A, E, CartRepo | CatalogRepo | UserRepo>) => Effect.provide(self, layer)
    const subs = Effect.gen(function*() {
      const catalog = yield* CatalogRepo
      const category = yield* catalog.ensureCategory(freshName("Cart"))
      const a = yield* catalog.ensureSubcategory(category.id, "A")
      const b = yield* catalog.ensureSubcategory(category.id, "B")
      return [a.id, b.id] as const
    })

    it.live("lines keep the order they were added in; setting a quantity keeps the place", () =>
      run(Effect.gen(function*() {
        const repo = yield* CartRepo
        const user = yield* registered()
        const [a, b] = yield* subs
        expect(yield* repo.lines(user)).toEqual([])
        yield* repo.setLine(user, b, 2)
        yield* repo.setLine(user, a, 1)
        yield* repo.setLine(user, b, 5)
        expect(yield* repo.lines(user)).toEqual([{ subcategoryId: b, quantity: 5 }, { subcategoryId: a, quantity: 1 }])
      })))

    it.live("quantity 0 removes a line; clear empties one user's cart only", () =>
      run(Effect.gen(function*() {
        const repo = yield* CartRepo
        const user = yield* registered()
        const other = yield* registered()
        const [a, b] = yield* subs
        yield* repo.setLine(user, a, 1)
        yield* repo.setLine(user, b, 1)
        yield* repo.setLine(other, a, 3)
        yield* repo.setLine(user, a, 0)
        expect(yield* repo.lines(user)).toEqual([{ subcategoryId: b, quantity: 1 }])
        yield* repo.clear(user)
        expect(yield* repo.lines(user)).toEqual([])
        expect(yield* repo.lines(other)).toEqual([{ subcategoryId: a, quantity: 3 }])
        yield* repo.setLine(user, a, 0) // removing a missing line is fine
      })))
  })
