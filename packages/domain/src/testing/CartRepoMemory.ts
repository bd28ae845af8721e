import * as Effect from "effect/Effect"
import * as HashMap from "effect/HashMap"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { type CartLine, CartRepo } from "../Cart.js"
import { MemoryStore } from "./MemoryStore.js"

export const CartRepoMemory: Layer.Layer<CartRepo, never, MemoryStore> = Layer.effect(CartRepo, Effect.gen(function*() {
  const store = yield* MemoryStore
  return CartRepo.of({
    lines: (user) => store.read((s) => Option.getOrElse(HashMap.get(s.carts, user), () => [] as ReadonlyArray<CartLine>)),
    setLine: (user, subcategoryId, quantity) =>
      store.modify((s) => {
        const lines = Option.getOrElse(HashMap.get(s.carts, user), () => [] as ReadonlyArray<CartLine>)
        const exists = lines.some((l) => l.subcategoryId === subcategoryId)
        const next = quantity <= 0
          ? lines.filter((l) => l.subcategoryId !== subcategoryId)
          : exists
          ? lines.map((l) => l.subcategoryId === subcategoryId ? { subcategoryId, quantity } : l)
          : [...lines, { subcategoryId, quantity }]
        return [undefined, { ...s, carts: HashMap.set(s.carts, user, next) }] as const
      }),
    clear: (user) => store.modify((s) => [undefined, { ...s, carts: HashMap.remove(s.carts, user) }] as const)
  })
}))
