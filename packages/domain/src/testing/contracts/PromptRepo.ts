import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { TelegramId } from "../../Ids.js"
import { PromptRepo } from "../../Prompts.js"
import type { ContractLayer } from "./support.js"

/** The PromptRepo contract: one prompt per user, replaced by a newer one, gone when expired or cleared. */
export const promptRepoContract = (name: string, layer: ContractLayer<PromptRepo>) =>
  describe(`PromptRepo contract: ${name}`, () => {
    it.live("keeps the newest prompt per user until it expires or is cleared", () =>
      Effect.gen(function*() {
        const prompts = yield* PromptRepo
        const a = TelegramId.make(501)
        const b = TelegramId.make(502)
        const t0 = new Date(1_700_000_000_000)
        const later = new Date(t0.getTime() + 60_000)
        expect(yield* prompts.get(a, t0)).toEqual(Option.none())
        yield* prompts.set({ user: a, kind: "topup-amount", data: "USDT_ERC20", expiresAt: later })
        yield* prompts.set({ user: b, kind: "quantity", data: "12", expiresAt: later })
        yield* prompts.set({ user: a, kind: "withdraw-address", data: "ł ü \"quoted\" ".repeat(100), expiresAt: later })
        expect(yield* prompts.get(a, t0)).toEqual(Option.some({ user: a, kind: "withdraw-address", data: "ł ü \"quoted\" ".repeat(100), expiresAt: later }))
        expect(Option.map(yield* prompts.get(b, t0), (p) => p.kind)).toEqual(Option.some("quantity"))
        expect(yield* prompts.get(a, later)).toEqual(Option.none()) // expired at its time
        yield* prompts.clear(a)
        yield* prompts.clear(a)
        expect(yield* prompts.get(a, t0)).toEqual(Option.none())
        expect(Option.isSome(yield* prompts.get(b, t0))).toBe(true)
      }).pipe(Effect.provide(layer)))

    it.live("take hands the prompt to exactly one of many concurrent takers, and none once expired", () =>
      Effect.gen(function*() {
        const prompts = yield* PromptRepo
        const c = TelegramId.make(503)
        const t0 = new Date(1_700_000_000_000)
        yield* prompts.set({ user: c, kind: "withdraw-confirm", data: "x", expiresAt: new Date(t0.getTime() + 1000) })
        const taken = yield* Effect.all(Array.from({ length: 8 }, () => prompts.take(c, t0)), { concurrency: "unbounded" })
        expect(taken.filter(Option.isSome)).toHaveLength(1)
        expect(yield* prompts.get(c, t0)).toEqual(Option.none())
        yield* prompts.set({ user: c, kind: "k", data: "y", expiresAt: t0 })
        expect(yield* prompts.take(c, t0)).toEqual(Option.none())
        // a take of one kind leaves a question of another kind alone
        yield* prompts.set({ user: c, kind: "quantity", data: "3", expiresAt: new Date(t0.getTime() + 1000) })
        expect(yield* prompts.take(c, t0, "withdraw-confirm")).toEqual(Option.none())
        expect(Option.map(yield* prompts.take(c, t0, "quantity"), (p) => p.data)).toEqual(Option.some("3"))
      }).pipe(Effect.provide(layer)))
  })
