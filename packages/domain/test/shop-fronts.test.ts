import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import { BotId, ShopFrontRepo, ShopFronts, TelegramId, UpdateInbox } from "../src/index.js"
import { admin, cli, shop } from "./support.js"

const bot = { id: BotId.make(7_000_000_001), username: "keys_front_bot", name: "Keys" }
const token = (s: string) => Redacted.make(s)
const lastUpdate = (id: BotId) => Effect.flatMap(ShopFrontRepo, (r) => r.find(id)).pipe(Effect.map(Option.map((f) => f.lastUpdateAt?.getTime() ?? null)))

describe("shop fronts", () => {
  it.effect("are added and removed by admins only", () =>
    Effect.gen(function*() {
      const fronts = yield* ShopFronts
      const stranger = { kind: "telegram", id: TelegramId.make(5) } as const
      expect((yield* Effect.flip(fronts.add(stranger, bot, token("1:secret"))))._tag).toBe("NotAdmin")
      expect(yield* fronts.list).toEqual([])
      const added = yield* fronts.add(admin, bot, token("1:secret"))
      expect(added).toEqual({ ...bot, status: "running", stoppedReason: null, addedBy: "admin 999", addedAt: new Date(0), lastUpdateAt: null })
      expect(yield* fronts.get(bot.id)).toEqual(added)
      expect(yield* fronts.list).toEqual([added])
      expect(Redacted.value(yield* fronts.token(bot.id))).toBe("1:secret")
      expect((yield* Effect.flip(fronts.remove(stranger, bot.id)))._tag).toBe("NotAdmin")
      expect(yield* fronts.remove(cli, bot.id)).toEqual(added)
      expect(yield* Effect.flip(fronts.remove(admin, bot.id))).toMatchObject({ _tag: "ShopFrontNotFound", bot: bot.id })
      expect((yield* Effect.flip(fronts.get(bot.id)))._tag).toBe("ShopFrontNotFound")
      expect((yield* Effect.flip(fronts.token(bot.id)))._tag).toBe("ShopFrontNotFound")
    }).pipe(Effect.provide(shop())))

  it.effect("a running front cannot be added twice; a stopped one is replaced with its new token and runs again", () =>
    Effect.gen(function*() {
      const fronts = yield* ShopFronts
      yield* fronts.add(admin, bot, token("1:old"))
      const refused = yield* Effect.flip(fronts.add(cli, { ...bot, username: "other" }, token("1:other")))
      expect(refused).toMatchObject({ _tag: "ShopFrontExists", bot: bot.id, username: "keys_front_bot" })
      expect(refused.message).not.toContain("1:other")
      expect(Redacted.value(yield* fronts.token(bot.id))).toBe("1:old")

      const stopped = yield* fronts.stop(bot.id, "token revoked")
      expect(stopped).toMatchObject({ status: "stopped", stoppedReason: "token revoked" })
      expect(yield* Effect.flip(fronts.token(bot.id))).toMatchObject({ _tag: "ShopFrontNotFound", stopped: true })
      yield* TestClock.adjust("1 hour")
      const again = yield* fronts.add(cli, { ...bot, name: "Keys again" }, token("1:new"))
      expect(again).toMatchObject({ status: "running", stoppedReason: null, name: "Keys again", addedBy: "operator test", addedAt: new Date(3_600_000) })
      expect(yield* fronts.get(bot.id)).toEqual(again)
      expect(Redacted.value(yield* fronts.token(bot.id))).toBe("1:new")
      expect(yield* Effect.flip(fronts.stop(BotId.make(42), "token revoked"))).toMatchObject({ _tag: "ShopFrontNotFound", bot: 42 })
    }).pipe(Effect.provide(shop())))

  it.effect("seen writes lastUpdateAt at most once a minute per front", () =>
    Effect.gen(function*() {
      const fronts = yield* ShopFronts
      const other = { ...bot, id: BotId.make(7_000_000_002), username: "other_bot" }
      yield* fronts.add(admin, bot, token("1:a"))
      yield* fronts.add(admin, other, token("2:b"))
      yield* TestClock.adjust("10 seconds")
      yield* fronts.seen(bot.id)
      expect(yield* lastUpdate(bot.id)).toEqual(Option.some(10_000))
      yield* TestClock.adjust("59 seconds")
      yield* fronts.seen(bot.id)
      yield* fronts.seen(other.id)
      expect(yield* lastUpdate(bot.id)).toEqual(Option.some(10_000))
      expect(yield* lastUpdate(other.id)).toEqual(Option.some(69_000))
      yield* TestClock.adjust("1 second")
      yield* fronts.seen(bot.id)
      expect(yield* lastUpdate(bot.id)).toEqual(Option.some(70_000))
      yield* fronts.seen(BotId.make(42)) // an unknown front: nothing to write
      expect(yield* Effect.flatMap(ShopFrontRepo, (r) => r.find(BotId.make(42)))).toEqual(Option.none())
    }).pipe(Effect.provide(shop())))
})

describe("the in-memory update inbox", () => {
  it.effect("remembers the last `capacity` ids per source", () =>
    Effect.gen(function*() {
      const inbox = yield* UpdateInbox
      for (const id of [1, 2, 3]) expect(yield* inbox.claim("telegram:1", id)).toBe(true)
      expect(yield* inbox.claim("telegram:1", 2)).toBe(false)
      expect(yield* inbox.claim("telegram:1", 4)).toBe(true) // 1 is forgotten
      expect(yield* inbox.claim("telegram:2", 1)).toBe(true)
      expect(yield* inbox.claim("telegram:1", 3)).toBe(false)
      expect(yield* inbox.claim("telegram:1", 1)).toBe(true)
      yield* TestClock.adjust("1 minute")
      expect(yield* inbox.claim("telegram:1", 5)).toBe(true)
      expect(yield* inbox.prune(new Date(60_000))).toBe(3) // 4 and 1 of telegram:1 (3 made room for 5), 1 of telegram:2
      expect(yield* inbox.claim("telegram:1", 5)).toBe(false)
      expect(yield* inbox.claim("telegram:1", 3)).toBe(true)
    }).pipe(Effect.provide(UpdateInbox.memory(3))))

  it.effect("stays bounded over many updates: 300,000 claims keep the last 10,000", () =>
    Effect.gen(function*() {
      const inbox = yield* UpdateInbox
      for (let id = 1; id <= 300_000; id++) {
        yield* inbox.claim("telegram:1", id)
        if (id % 20_000 === 0) yield* Effect.yieldNow()
      }
      expect(yield* inbox.claim("telegram:1", 290_001)).toBe(false)
      expect(yield* inbox.claim("telegram:1", 290_000)).toBe(true) // forgotten, so claimed again
      expect(yield* inbox.prune(new Date(1))).toBe(10_000)
    }).pipe(Effect.provide(UpdateInbox.memory())))
})
