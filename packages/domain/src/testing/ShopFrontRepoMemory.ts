import * as Effect from "effect/Effect"
import * as HashMap from "effect/HashMap"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { ShopFrontRepo } from "../ShopFrontRepo.js"
import { MemoryStore } from "./MemoryStore.js"

export const ShopFrontRepoMemory: Layer.Layer<ShopFrontRepo, never, MemoryStore> = Layer.effect(ShopFrontRepo, Effect.gen(function*() {
  const store = yield* MemoryStore
  return ShopFrontRepo.of({
    save: (front, token) =>
      store.modify((s) => {
        const existing = HashMap.get(s.shopFronts, front.id)
        const saved = Option.isNone(existing)
          ? front
          : { ...front, status: "running" as const, stoppedReason: null, lastUpdateAt: existing.value.front.lastUpdateAt }
        return [undefined, { ...s, shopFronts: HashMap.set(s.shopFronts, front.id, { front: saved, token }) }] as const
      }),
    list: store.read((s) =>
      [...HashMap.values(s.shopFronts)].map((r) => r.front)
        .sort((a, b) => a.addedAt.getTime() - b.addedAt.getTime() || a.id - b.id)),
    find: (id) => store.read((s) => Option.map(HashMap.get(s.shopFronts, id), (r) => r.front)),
    token: (id) => store.read((s) => Option.map(HashMap.get(s.shopFronts, id), (r) => r.token)),
    setStatus: (id, status, reason) =>
      store.modify((s) => {
        const found = HashMap.get(s.shopFronts, id)
        if (Option.isNone(found)) return [Option.none(), s] as const
        const front = { ...found.value.front, status, stoppedReason: reason }
        return [Option.some(front), { ...s, shopFronts: HashMap.set(s.shopFronts, id, { ...found.value, front }) }] as const
      }),
    touch: (id, at) =>
      store.modify((s) => {
        const found = HashMap.get(s.shopFronts, id)
        if (Option.isNone(found)) return [undefined, s] as const
        return [undefined, { ...s, shopFronts: HashMap.set(s.shopFronts, id, { ...found.value, front: { ...found.value.front, lastUpdateAt: at } }) }] as const
      }),
    remove: (id) =>
      store.modify((s) => [HashMap.has(s.shopFronts, id), { ...s, shopFronts: HashMap.remove(s.shopFronts, id) }] as const)
  })
}))
