/**
 * The child bots ("shop fronts"): each a bot of its own, with the shop installed, the owner's
 * catalog, stock and balances behind it, and its own name in its welcome.
 *
 * - Long polling: the process that polls the manager polls every running child too (each in a fiber
 *   of a FiberMap), and looks every few seconds for fronts added or removed by another process.
 * - Webhook: every process serves every child, built on its first update and dropped when removed.
 *
 * A child whose token Telegram no longer accepts (401) is marked stopped, and the admins are told
 * through the manager bot; the others go on.
 */
import { type AdminRef, type BotId, type ShopFront, ShopFronts, Users } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as FiberMap from "effect/FiberMap"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import * as Scope from "effect/Scope"
import { type Api, type Bot, GrammyError } from "grammy"
import type { BotServices } from "../Middleware.js"
import { apiFor, makeBot, pollBot, type TelegramSettings } from "../TelegramBot.js"
import { type AddFailure, BadToken, botIdOf, type FleetControl, IsManager, TelegramUnreachable, TokenRejected } from "./FleetControl.js"
import { type AdminNotices, adminNotices } from "./AdminNotices.js"

/** Webhook mode: where Telegram posts a child's updates, and the secret it sends back. */
export interface ChildWebhooks {
  readonly url: (bot: BotId) => string
  readonly secret: (bot: BotId) => Redacted.Redacted<string>
}

/** How often a process looks for fronts added, removed or stopped by another process. */
const RECONCILE = "3 seconds"

export const makeFleet = (settings: TelegramSettings, managerApi: Api, webhooks: ChildWebhooks | undefined) =>
  Effect.gen(function*() {
    const fronts = yield* ShopFronts
    const users = yield* Users
    const context = yield* Effect.context<BotServices | ShopFronts>()
    const notices: AdminNotices = yield* adminNotices(managerApi)
    const managerId = Number(Redacted.value(settings.token).split(":")[0])
    const polling = yield* FiberMap.make<number>()
    /** The bots this process polls: id → "@username". */
    const polled = new Map<number, string>()
    let pollingHere = false
    const building = yield* Effect.makeSemaphore(1)

    const childApi = (token: string) => apiFor(settings, token, { maxRetryAttempts: 3, maxDelaySeconds: 30 })
    const childBot = (front: ShopFront) =>
      Effect.flatMap(fronts.token(front.id), (token) => makeBot({ ...settings, token, shopName: front.name }, { adminApi: managerApi, seen: fronts.seen(front.id) }))

    const revoked = (front: ShopFront) =>
      fronts.stop(front.id, "token revoked").pipe(
        Effect.ignore,
        Effect.zipRight(Effect.logWarning(`bot @${front.username} (${front.id}): Telegram refused its token; stopped`)),
        Effect.zipRight(notices.tell("fleet-revoked", { bot: `@${front.username}` }))
      )

    /** One child, polled here until interrupted (or its token is refused); a failure to reach Telegram is retried. */
    const pollChild = (front: ShopFront) =>
      Effect.scoped(Effect.gen(function*() {
        const bot = yield* childBot(front)
        yield* Effect.acquireRelease(Effect.sync(() => polled.set(front.id, `@${bot.botInfo.username}`)), () => Effect.sync(() => polled.delete(front.id)))
        yield* Effect.logInfo(`bot @${bot.botInfo.username} (a shop front) is polling for updates`)
        return yield* pollBot(bot)
      })).pipe(
        Effect.tapErrorTag("TelegramCallFailed", (e) => Effect.logWarning(`bot @${front.username}: cannot reach Telegram; trying again`, e.cause)),
        Effect.retry({ while: (e) => e._tag === "TelegramCallFailed", schedule: Schedule.exponential("2 seconds").pipe(Schedule.union(Schedule.spaced("1 minute"))) }),
        Effect.catchTags({ BotUnauthorized: () => revoked(front), ShopFrontNotFound: () => Effect.void, TelegramCallFailed: () => Effect.void }),
        Effect.provide(context)
      )

    /** Webhook mode: the children built so far in this process. */
    const hooked = new Map<number, { readonly bot: Bot; readonly close: Effect.Effect<void> }>()

    /** Starts what runs and stops what no longer does; only where this process has something to do. */
    const reconcile = Effect.gen(function*() {
      if (!pollingHere && hooked.size === 0) return
      const running = new Map((yield* fronts.list).filter((f) => f.status === "running").map((f) => [f.id as number, f]))
      if (pollingHere) {
        for (const front of running.values()) yield* FiberMap.run(polling, front.id, pollChild(front), { onlyIfMissing: true })
        for (const [id] of polling) if (!running.has(id)) yield* FiberMap.remove(polling, id)
      }
      for (const [id, child] of hooked) {
        if (!running.has(id)) {
          hooked.delete(id)
          yield* child.close
        }
      }
    }).pipe(Effect.catchAllCause((cause) => Effect.logWarning("looking for shop fronts failed", cause)))

    const setWebhook = (api: Api, id: BotId, hooks: ChildWebhooks) =>
      Effect.tryPromise({ try: () => api.setWebhook(hooks.url(id), { secret_token: Redacted.value(hooks.secret(id)) }), catch: (e) => e })

    const control: FleetControl = {
      add: (admin: AdminRef, token: string): Effect.Effect<ShopFront, AddFailure> =>
        Effect.gen(function*() {
          yield* users.ensureAdmin(admin)
          if (botIdOf(token) === undefined) return yield* Effect.fail(new BadToken())
          const api = childApi(token)
          const me = yield* Effect.tryPromise({ try: () => api.getMe(), catch: (e) => e }).pipe(
            Effect.mapError((e) =>
              e instanceof GrammyError && (e.error_code === 401 || e.error_code === 404)
                ? new TokenRejected()
                : new TelegramUnreachable({ reason: e instanceof GrammyError ? e.description : "no answer" }))
          )
          if (me.id === managerId) return yield* Effect.fail(new IsManager())
          const id = me.id as BotId
          if (webhooks !== undefined) {
            yield* setWebhook(api, id, webhooks).pipe(Effect.mapError((e) => new TelegramUnreachable({ reason: e instanceof GrammyError ? e.description : "setWebhook failed" })))
          } else {
            yield* Effect.tryPromise(() => api.deleteWebhook()).pipe(Effect.ignore)
          }
          const front = yield* fronts.add(admin, { id, username: me.username, name: me.first_name }, Redacted.make(token))
          if (pollingHere) yield* FiberMap.run(polling, id, pollChild(front))
          return front
        }),
      remove: (admin, id) =>
        Effect.gen(function*() {
          const token = yield* Effect.option(fronts.token(id))
          const front = yield* fronts.remove(admin, id)
          yield* FiberMap.remove(polling, id)
          const child = hooked.get(id)
          hooked.delete(id)
          if (child !== undefined) yield* child.close
          if (webhooks !== undefined && token._tag === "Some") {
            yield* Effect.tryPromise(() => childApi(Redacted.value(token.value)).deleteWebhook()).pipe(Effect.ignore)
          }
          return front
        }),
      list: fronts.list
    }

    /** Webhook mode: builds a child once (two first updates at once wait for the same build). */
    const build = (id: BotId) =>
      Effect.gen(function*() {
        const known = hooked.get(id)
        if (known !== undefined) return known.bot
        const front = yield* fronts.get(id)
        if (front.status !== "running") return undefined
        const scope = yield* Scope.make()
        const bot = yield* childBot(front).pipe(Scope.extend(scope), Effect.provide(context), Effect.onError(() => Scope.close(scope, Exit.void)))
        hooked.set(id, { bot, close: Scope.close(scope, Exit.void) })
        return bot
      }).pipe(
        Effect.catchTag("BotUnauthorized", () => Effect.flatMap(fronts.get(id), revoked).pipe(Effect.ignore, Effect.as(undefined))),
        Effect.catchAll(() => Effect.succeed(undefined))
      )

    return {
      control,
      polled: (): ReadonlyArray<string> => [...polled.entries()].map(([id, name]) => `${name} (${id})`),
      /** Polls every running child while the current scope lasts (the manager's poller calls it). */
      pollChildren: Effect.acquireRelease(
        Effect.sync(() => (pollingHere = true)).pipe(Effect.zipRight(reconcile)),
        () => Effect.sync(() => (pollingHere = false)).pipe(Effect.zipRight(FiberMap.clear(polling)))
      ),
      /** Webhook mode: a child's bot, built on its first update; undefined for an unknown or stopped front. */
      hooked: (id: BotId): Effect.Effect<Bot | undefined> =>
        Effect.suspend(() => {
          const known = hooked.get(id)
          return known !== undefined ? Effect.succeed(known.bot) : building.withPermits(1)(build(id))
        }),
      /** Webhook mode: registers every running child's webhook (at start: a changed URL or secret reaches Telegram). */
      registerWebhooks: (hooks: ChildWebhooks) =>
        Effect.gen(function*() {
          for (const front of yield* fronts.list) {
            if (front.status !== "running") continue
            const token = yield* fronts.token(front.id)
            yield* setWebhook(childApi(Redacted.value(token)), front.id, hooks).pipe(
              Effect.catchAll((e) => e instanceof GrammyError && e.error_code === 401 ? revoked(front) : Effect.logWarning(`cannot set the webhook of @${front.username}`, e))
            )
          }
        }).pipe(Effect.catchAllCause((cause) => Effect.logWarning("registering the shop fronts' webhooks failed", cause))),
      /** Looks for fronts added, removed or stopped elsewhere, every few seconds, until interrupted. */
      reconcileEvery: reconcile.pipe(Effect.repeat(Schedule.spaced(RECONCILE)), Effect.asVoid)
    }
  })

export type Fleet = Effect.Effect.Success<ReturnType<typeof makeFleet>>
