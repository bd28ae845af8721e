/**
 * Rotating the key delivered goods are sealed with at rest: the storage re-seals them under its
 * current key a batch at a time, each batch on its own, so the shop keeps selling meanwhile.
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { NotAdmin } from "./Errors.js"
import { type AdminRef, Users } from "./Users.js"

/** The storage's side: goods (and other secrets sealed with the goods key, e.g. shop front tokens) not yet under the current key, re-sealed. */
export class GoodsStore extends Context.Tag("@tokenshop/domain/GoodsStore")<GoodsStore, {
  /** Re-seals up to `limit` stored goods that are not under the current key (or in clear); how many. */
  readonly reseal: (limit: number) => Effect.Effect<number>
}>() {}

export class GoodsKeys extends Context.Tag("@tokenshop/domain/GoodsKeys")<GoodsKeys, {
  /** Re-seals every stored good under the current key, in batches; how many were re-sealed. */
  readonly rotate: (admin: AdminRef, onBatch?: (done: number) => Effect.Effect<void>) => Effect.Effect<number, NotAdmin>
}>() {
  static readonly layer = Layer.effect(GoodsKeys, Effect.gen(function*() {
    const users = yield* Users
    const store = yield* GoodsStore
    return GoodsKeys.of({
      rotate: (admin, onBatch) =>
        Effect.gen(function*() {
          yield* users.ensureAdmin(admin)
          let done = 0
          for (let n = yield* store.reseal(1000); n > 0; n = yield* store.reseal(1000)) {
            done += n
            if (onBatch !== undefined) yield* onBatch(done)
          }
          return done
        })
    })
  }))
}
