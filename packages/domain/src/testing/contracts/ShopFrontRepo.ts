import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { BotId, type ShopFront, ShopFrontRepo } from "../../ShopFrontRepo.js"
import { type ContractLayer, freshId, freshName, freshTime, plus } from "./support.js"

const front = (at: Date, id: BotId = BotId.make(freshId())): ShopFront => ({
  id,
  username: freshName("shop_bot").replace(/\W/g, "_"),
  name: "Łukasz's \"keys\" 🔑",
  status: "running",
  stoppedReason: null,
  addedBy: "admin 42",
  addedAt: at,
  lastUpdateAt: null
})
const secret = (s: string) => Redacted.make(s)
const tokenOf = (id: BotId) => Effect.flatMap(ShopFrontRepo, (r) => r.token(id)).pipe(Effect.map(Option.map(Redacted.value)))

/** The ShopFrontRepo contract: one row per bot id with its token, replaced whole on a new save, listed oldest first. */
export const shopFrontRepoContract = (name: string, layer: ContractLayer<ShopFrontRepo>) =>
  describe(`ShopFrontRepo contract: ${name}`, () => {
    const run = <A, E>(self: Effect.Effect<A, E, ShopFrontRepo>) => Effect.provide(self, layer)

    it.live("a saved front is found whole with its token; a second save replaces it and runs it again", () =>
      run(Effect.gen(function*() {
        const repo = yield* ShopFrontRepo
        const t = freshTime()
        const f = front(t)
        expect(yield* repo.find(f.id)).toEqual(Option.none())
        expect(yield* repo.token(f.id)).toEqual(Option.none())
        yield* repo.save(f, secret("123:first-token"))
        expect(yield* repo.find(f.id)).toEqual(Option.some(f))
        expect(yield* tokenOf(f.id)).toEqual(Option.some("123:first-token"))

        yield* repo.touch(f.id, plus(t, 5_000))
        expect(yield* repo.setStatus(f.id, "stopped", "token revoked")).toEqual(Option.some({ ...f, status: "stopped", stoppedReason: "token revoked", lastUpdateAt: plus(t, 5_000) }))
        const again = { ...f, username: "renamed_bot", name: "Renamed", addedBy: "operator cli", addedAt: plus(t, 60_000), status: "stopped" as const, stoppedReason: "ignored" }
        yield* repo.save(again, secret("123:second-token"))
        expect(yield* repo.find(f.id)).toEqual(Option.some({ ...again, status: "running", stoppedReason: null, lastUpdateAt: plus(t, 5_000) }))
        expect(yield* tokenOf(f.id)).toEqual(Option.some("123:second-token"))
      })))

    it.live("list is oldest first, by addedAt then id", () =>
      run(Effect.gen(function*() {
        const repo = yield* ShopFrontRepo
        const t = freshTime()
        const ids = [freshId(), freshId(), freshId()].map((n) => BotId.make(n)).sort((a, b) => a - b)
        const fronts = [front(plus(t, 2_000), ids[0]), front(t, ids[2]), front(t, ids[1])]
        for (const f of fronts) yield* repo.save(f, secret(`token-${f.id}`))
        const mine = (yield* repo.list).filter((f) => ids.includes(f.id))
        expect(mine).toEqual([fronts[2], fronts[1], fronts[0]])
      })))

    it.live("setStatus and touch change one front only; nothing for a missing id", () =>
      run(Effect.gen(function*() {
        const repo = yield* ShopFrontRepo
        const t = freshTime()
        const [a, b] = [front(t), front(t)]
        yield* repo.save(a, secret("a"))
        yield* repo.save(b, secret("b"))
        const stopped = yield* repo.setStatus(a.id, "stopped", "token revoked")
        expect(stopped).toEqual(Option.some({ ...a, status: "stopped", stoppedReason: "token revoked" }))
        expect(yield* repo.find(b.id)).toEqual(Option.some(b))
        expect(yield* repo.setStatus(a.id, "running", null)).toEqual(Option.some(a))
        yield* repo.touch(b.id, plus(t, 61_000))
        expect(Option.map(yield* repo.find(b.id), (f) => f.lastUpdateAt)).toEqual(Option.some(plus(t, 61_000)))
        expect(Option.map(yield* repo.find(a.id), (f) => f.lastUpdateAt)).toEqual(Option.some(null))

        const missing = BotId.make(freshId())
        expect(yield* repo.setStatus(missing, "stopped", "x")).toEqual(Option.none())
        yield* repo.touch(missing, t)
        expect(yield* repo.find(missing)).toEqual(Option.none())
      })))

    it.live("remove forgets the front and its token, once", () =>
      run(Effect.gen(function*() {
        const repo = yield* ShopFrontRepo
        const [a, b] = [front(freshTime()), front(freshTime())]
        yield* repo.save(a, secret("a-token"))
        yield* repo.save(b, secret("b-token"))
        expect(yield* repo.remove(a.id)).toBe(true)
        expect(yield* repo.remove(a.id)).toBe(false)
        expect(yield* repo.find(a.id)).toEqual(Option.none())
        expect(yield* repo.token(a.id)).toEqual(Option.none())
        expect((yield* repo.list).map((f) => f.id)).not.toContain(a.id)
        expect(yield* tokenOf(b.id)).toEqual(Option.some("b-token"))
      })))
  })
