import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { now } from "../../Time.js"
import { UpdateInbox } from "../../UpdateInbox.js"
import { type ContractLayer, freshName, plus } from "./support.js"

/** The UpdateInbox contract: a (source, id) is claimed once, sources are independent, pruned claims can be claimed again. */
export const updateInboxContract = (name: string, layer: ContractLayer<UpdateInbox>) =>
  describe(`UpdateInbox contract: ${name}`, () => {
    const run = <A, E>(self: Effect.Effect<A, E, UpdateInbox>) => Effect.provide(self, layer)

    it.live("the first claim wins, every repeat is refused, even concurrent ones", () =>
      run(Effect.gen(function*() {
        const inbox = yield* UpdateInbox
        const source = `telegram:${freshName("bot")}`
        expect(yield* inbox.claim(source, 1)).toBe(true)
        expect(yield* inbox.claim(source, 1)).toBe(false)
        expect(yield* inbox.claim(source, 2)).toBe(true)
        expect(yield* inbox.claim(source, 2_147_483_647 * 4)).toBe(true) // update ids beyond 32 bits
        const raced = yield* Effect.all(Array.from({ length: 8 }, () => inbox.claim(source, 3)), { concurrency: "unbounded" })
        expect(raced.filter((won) => won)).toHaveLength(1)
      })))

    it.live("sources are independent", () =>
      run(Effect.gen(function*() {
        const inbox = yield* UpdateInbox
        const [a, b] = [`telegram:${freshName("a")}`, `telegram:${freshName("b")}`]
        expect(yield* inbox.claim(a, 7)).toBe(true)
        expect(yield* inbox.claim(b, 7)).toBe(true)
        expect(yield* inbox.claim(a, 7)).toBe(false)
        expect(yield* inbox.claim(b, 7)).toBe(false)
      })))

    it.live("prune forgets claims made before its time, and counts them; later ones stay", () =>
      run(Effect.gen(function*() {
        const inbox = yield* UpdateInbox
        const source = `telegram:${freshName("prune")}`
        const before = yield* now
        expect(yield* inbox.claim(source, 10)).toBe(true)
        expect(yield* inbox.claim(source, 11)).toBe(true)
        yield* inbox.prune(plus(before, -1))
        expect(yield* inbox.claim(source, 10)).toBe(false)
        expect(yield* inbox.claim(source, 11)).toBe(false)
        yield* Effect.sleep("5 millis")
        const cut = yield* now
        yield* Effect.sleep("5 millis")
        expect(yield* inbox.claim(source, 12)).toBe(true)
        expect(yield* inbox.prune(cut)).toBeGreaterThanOrEqual(2)
        expect(yield* inbox.claim(source, 10)).toBe(true)
        expect(yield* inbox.claim(source, 11)).toBe(true)
        expect(yield* inbox.claim(source, 12)).toBe(false)
      })))
  })
