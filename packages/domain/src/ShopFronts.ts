import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import { type NotAdmin, ShopFrontExists, ShopFrontNotFound } from "./Errors.js"
import { type BotId, type ShopFront, ShopFrontRepo } from "./ShopFrontRepo.js"
import { now } from "./Time.js"
import { Transactor } from "./Transactor.js"
import { type AdminRef, describeAdmin, Users } from "./Users.js"

/** What Telegram's getMe tells about a bot to add. */
export interface BotProfile {
  readonly id: BotId
  readonly username: string
  /** Its first_name. */
  readonly name: string
}

/** `seen` writes a front's lastUpdateAt at most this often. */
export const SEEN_INTERVAL = Duration.minutes(1)

/**
 * Shop fronts: child bots an admin adds to the owner's main bot, each selling from this shop. Tokens
 * stay Redacted: they appear in no log and no error.
 */
export class ShopFronts extends Context.Tag("@tokenshop/domain/ShopFronts")<ShopFronts, {
  /**
   * Admin only. Fails ShopFrontExists when a running front has this id; a stopped one is replaced
   * (a new token after a revoke) and runs again.
   */
  readonly add: (admin: AdminRef, bot: BotProfile, token: Redacted.Redacted<string>) => Effect.Effect<ShopFront, NotAdmin | ShopFrontExists>
  /** Oldest first. */
  readonly list: Effect.Effect<ReadonlyArray<ShopFront>>
  readonly get: (id: BotId) => Effect.Effect<ShopFront, ShopFrontNotFound>
  /** The token of a running front (for starting it); a stopped one fails with `stopped: true`. */
  readonly token: (id: BotId) => Effect.Effect<Redacted.Redacted<string>, ShopFrontNotFound>
  /** Admin only: forgets the front and its token. */
  readonly remove: (admin: AdminRef, id: BotId) => Effect.Effect<ShopFront, NotAdmin | ShopFrontNotFound>
  /** Marks a front stopped with a reason (its token was revoked: Telegram answered 401). */
  readonly stop: (id: BotId, reason: string) => Effect.Effect<ShopFront, ShopFrontNotFound>
  /**
   * Records that an update came in: writes lastUpdateAt at most once a minute per front (the last
   * write is kept in this service's memory), so most calls touch no storage.
   */
  readonly seen: (id: BotId) => Effect.Effect<void>
}>() {
  static readonly layer = Layer.effect(ShopFronts, Effect.gen(function*() {
    const repo = yield* ShopFrontRepo
    const users = yield* Users
    const transactor = yield* Transactor
    const interval = Duration.toMillis(SEEN_INTERVAL)
    /** When `seen` last wrote each front's lastUpdateAt, in epoch milliseconds. */
    const written = new Map<BotId, number>()
    const orNotFound = (id: BotId) => <A>(found: Option.Option<A>): Effect.Effect<A, ShopFrontNotFound> =>
      Option.match(found, { onNone: () => Effect.fail(new ShopFrontNotFound({ bot: id })), onSome: Effect.succeed })
    const get = (id: BotId) => Effect.flatMap(repo.find(id), orNotFound(id))

    return ShopFronts.of({
      add: Effect.fn("ShopFronts.add")(function*(admin: AdminRef, bot: BotProfile, token: Redacted.Redacted<string>) {
        yield* users.ensureAdmin(admin)
        const at = yield* now
        return yield* transactor.withTransaction(Effect.gen(function*() {
          const existing = yield* repo.find(bot.id)
          if (Option.isSome(existing) && existing.value.status === "running") {
            return yield* new ShopFrontExists({ bot: bot.id, username: existing.value.username })
          }
          const front: ShopFront = {
            id: bot.id,
            username: bot.username,
            name: bot.name,
            status: "running",
            stoppedReason: null,
            addedBy: describeAdmin(admin),
            addedAt: at,
            lastUpdateAt: Option.isSome(existing) ? existing.value.lastUpdateAt : null
          }
          yield* repo.save(front, token)
          return front
        }))
      }),
      list: repo.list,
      get,
      token: (id) =>
        Effect.gen(function*() {
          const front = yield* get(id)
          if (front.status !== "running") return yield* new ShopFrontNotFound({ bot: id, stopped: true })
          return yield* Effect.flatMap(repo.token(id), orNotFound(id))
        }),
      remove: Effect.fn("ShopFronts.remove")(function*(admin: AdminRef, id: BotId) {
        yield* users.ensureAdmin(admin)
        return yield* transactor.withTransaction(Effect.gen(function*() {
          const front = yield* get(id)
          yield* repo.remove(id)
          written.delete(id)
          return front
        }))
      }),
      stop: (id, reason) =>
        Effect.flatMap(repo.setStatus(id, "stopped", reason), orNotFound(id)).pipe(Effect.withSpan("ShopFronts.stop")),
      seen: (id) =>
        Effect.flatMap(now, (at) => {
          const last = written.get(id)
          if (last !== undefined && at.getTime() - last < interval) return Effect.void
          written.set(id, at.getTime())
          return repo.touch(id, at)
        })
    })
  }))
}
