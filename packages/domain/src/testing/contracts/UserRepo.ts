import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { UserRepo } from "../../Users.js"
import { type ContractLayer, freshId, freshName, freshTime, plus } from "./support.js"

/** The UserRepo contract: idempotent registration, lookups, bans, language, listing and counting. */
export const userRepoContract = (name: string, layer: ContractLayer<UserRepo>) =>
  describe(`UserRepo contract: ${name}`, () => {
    const run = <A, E>(self: Effect.Effect<A, E, UserRepo>) => Effect.provide(self, layer)

    it.live("upsert creates once, then refreshes the username only", () =>
      run(Effect.gen(function*() {
        const repo = yield* UserRepo
        const id = freshId()
        const at = freshTime()
        const first = yield* repo.upsert({ id, username: "alice", language: "de" }, at)
        expect(first.created).toBe(true)
        expect(first.user).toMatchObject({ id, username: "alice", language: "de", banned: false })
        expect(first.user.registeredAt.getTime()).toBe(at.getTime())
        const second = yield* repo.upsert({ id, username: "alice2", language: "fr" }, plus(at, 5000))
        expect(second.created).toBe(false)
        expect(second.user.username).toBe("alice2")
        expect(second.user.language).toBe("de")
        expect(second.user.registeredAt.getTime()).toBe(at.getTime())
        expect(Option.getOrThrow(yield* repo.find(id)).username).toBe("alice2")
      })))

    it.live("find of an unknown id is none", () =>
      run(Effect.gen(function*() {
        expect(Option.isNone(yield* (yield* UserRepo).find(freshId()))).toBe(true)
      })))

    it.live("findByUsername ignores case and a leading @", () =>
      run(Effect.gen(function*() {
        const repo = yield* UserRepo
        const id = freshId()
        const username = freshName("Bob").replace(/[^A-Za-z0-9]/g, "_")
        yield* repo.upsert({ id, username, language: null }, freshTime())
        expect(Option.getOrThrow(yield* repo.findByUsername(username.toUpperCase())).id).toBe(id)
        expect(Option.getOrThrow(yield* repo.findByUsername(`@${username.toLowerCase()}`)).id).toBe(id)
        expect(Option.isNone(yield* repo.findByUsername(`${username}_nobody`))).toBe(true)
      })))

    it.live("setBanned and setLanguage change one user, and fail for unknown ones", () =>
      run(Effect.gen(function*() {
        const repo = yield* UserRepo
        const id = freshId()
        const other = freshId()
        yield* repo.upsert({ id, username: null, language: "en" }, freshTime())
        yield* repo.upsert({ id: other, username: null, language: "en" }, freshTime())
        expect((yield* repo.setBanned(id, true)).banned).toBe(true)
        expect(Option.getOrThrow(yield* repo.find(id)).banned).toBe(true)
        expect(Option.getOrThrow(yield* repo.find(other)).banned).toBe(false)
        expect((yield* repo.setBanned(id, false)).banned).toBe(false)
        expect((yield* repo.setLanguage(id, "de")).language).toBe("de")
        const missing = freshId()
        expect((yield* Effect.flip(repo.setBanned(missing, true)))._tag).toBe("UserNotFound")
        expect((yield* Effect.flip(repo.setLanguage(missing, "de")))._tag).toBe("UserNotFound")
      })))

    it.live("countRegistered counts the half-open window", () =>
      run(Effect.gen(function*() {
        const repo = yield* UserRepo
        const t = freshTime()
        yield* repo.upsert({ id: freshId(), username: null, language: null }, t)
        yield* repo.upsert({ id: freshId(), username: null, language: null }, plus(t, 1000))
        yield* repo.upsert({ id: freshId(), username: null, language: null }, plus(t, 2000))
        expect(yield* repo.countRegistered({ from: t, to: plus(t, 2000) })).toBe(2)
        expect(yield* repo.countRegistered({ from: plus(t, 1), to: plus(t, 2001) })).toBe(2)
      })))

    it.live("list pages oldest first and counts all", () =>
      run(Effect.gen(function*() {
        const repo = yield* UserRepo
        const before = (yield* repo.list({ offset: 0, limit: 1 })).total
        const t = new Date(Date.UTC(2400, 0, 1) + Math.floor(Math.random() * 1e9))
        const ids = [freshId(), freshId(), freshId()]
        for (const [i, id] of ids.entries()) yield* repo.upsert({ id, username: null, language: null }, plus(t, i))
        const all = yield* repo.list({ offset: 0, limit: 100 })
        expect(all.total).toBe(before + 3)
        const page = yield* repo.list({ offset: 0, limit: 2 })
        expect(page.items.length).toBe(2)
        expect(page.limit).toBe(2)
        const order = (yield* repo.list({ offset: Math.max(0, all.total - 100), limit: 100 })).items.map((u) => u.id)
        const positions = ids.map((id) => order.indexOf(id))
        expect(positions.every((p) => p >= 0)).toBe(true)
        expect([...positions].sort((a, b) => a - b)).toEqual(positions)
      })))
  })
