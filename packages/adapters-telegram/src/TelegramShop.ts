/**
 * The shop on Telegram: the manager bot (BOT_TOKEN) and its shop fronts, fed by long polling or by
 * webhooks. Several processes may run it on one database:
 *
 * - long polling: `poll` polls the manager and every running front; run it in exactly one process
 *   at a time (a cluster singleton), since Telegram answers a second poller of a bot with 409;
 * - webhook: every process serves every bot; the manager at the webhook URL, each front at the URL
 *   plus `/{bot id}`, each with its own secret (derived from WEBHOOK_SECRET and the bot's id).
 */
import { createHmac, timingSafeEqual } from "node:crypto"
import type { BotId, ShopFronts } from "@tokenshop/domain"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import type { Bot } from "grammy"
import type { Update } from "grammy/types"
import { makeFleet } from "./fleet/Fleet.js"
import type { BotServices } from "./Middleware.js"
import { apiFor, makeBot, pollBot, type TelegramSettings } from "./TelegramBot.js"

export class TelegramShop extends Context.Tag("@tokenshop/adapters-telegram/TelegramShop")<TelegramShop, {
  /** Long polling: polls the manager and every running shop front until interrupted. */
  readonly poll: Effect.Effect<never>
  /** Webhook: whether a request for `bot` (undefined: the manager) carries that bot's secret. */
  readonly authorized: (bot: BotId | undefined, header: string | undefined) => boolean
  /** Webhook: handles one update of `bot`; false when there is no such running bot. Never fails. */
  readonly handle: (bot: BotId | undefined, update: unknown) => Effect.Effect<boolean>
  /** The bots this process polls right now, e.g. "@shop_bot (123)". */
  readonly polled: () => ReadonlyArray<string>
}>() {}

export interface WebhookSettings {
  /** The public HTTPS URL Telegram posts the manager's updates to; a front's is this plus `/{bot id}`. */
  readonly url: string
  /** Sent back by Telegram in X-Telegram-Bot-Api-Secret-Token; 1 to 256 of A-Z a-z 0-9 _ -. */
  readonly secret: Redacted.Redacted<string>
}

/** A front's own secret: HMAC-SHA-256 of its id under WEBHOOK_SECRET, as base64url (43 characters). */
export const frontSecret = (secret: Redacted.Redacted<string>, bot: BotId) =>
  Redacted.make(createHmac("sha256", Redacted.value(secret)).update(`shop-front:${bot}`).digest("base64url"))

const sameText = (given: string | undefined, expected: string) => {
  if (given === undefined) return false
  const a = Buffer.from(given, "utf8")
  const b = Buffer.from(expected, "utf8")
  return a.length === b.length && timingSafeEqual(a, b)
}

const handleWith = (bot: Bot, update: unknown) =>
  Effect.tryPromise(() => bot.handleUpdate(update as Update)).pipe(
    Effect.catchAllCause((cause) => Effect.logError("webhook update failed", cause)),
    Effect.as(true)
  )

export const TelegramShopLive = (settings: TelegramSettings, webhook?: WebhookSettings): Layer.Layer<TelegramShop, never, BotServices | ShopFronts> =>
  Layer.scoped(TelegramShop, Effect.gen(function*() {
    const managerApi = apiFor(settings, Redacted.value(settings.token), { maxRetryAttempts: 3, maxDelaySeconds: 30 })
    const children = webhook === undefined ? undefined : { url: (bot: BotId) => `${webhook.url}/${bot}`, secret: (bot: BotId) => frontSecret(webhook.secret, bot) }
    const fleet = yield* makeFleet(settings, managerApi, children)
    const manager = yield* makeBot(settings, { fleet: fleet.control }).pipe(Effect.orDie)
    const me = `@${manager.botInfo.username} (${manager.botInfo.id})`
    let polling = false

    if (webhook !== undefined && children !== undefined) {
      yield* Effect.tryPromise(() => manager.api.setWebhook(webhook.url, { secret_token: Redacted.value(webhook.secret) })).pipe(Effect.orDie)
      yield* Effect.logInfo(`bot @${manager.botInfo.username} receives updates at ${webhook.url}`)
      yield* fleet.registerWebhooks(children).pipe(Effect.forkScoped)
      yield* fleet.reconcileEvery.pipe(Effect.forkScoped)
    }

    const poll = Effect.scoped(Effect.gen(function*() {
      yield* Effect.tryPromise(() => manager.api.deleteWebhook()).pipe(Effect.ignore)
      yield* Effect.acquireRelease(Effect.sync(() => (polling = true)), () => Effect.sync(() => (polling = false)))
      yield* fleet.pollChildren
      yield* fleet.reconcileEvery.pipe(Effect.forkScoped)
      yield* Effect.logInfo(`bot @${manager.botInfo.username} is polling for updates`)
      return yield* pollBot(manager).pipe(
        Effect.catchTag("BotUnauthorized", (e) =>
          Effect.logError(`Telegram refuses BOT_TOKEN (${e.description}): the manager bot is stopped; its shop fronts go on`).pipe(Effect.zipRight(Effect.never)))
      )
    }))

    return TelegramShop.of({
      poll,
      authorized: (bot, header) =>
        webhook !== undefined && sameText(header, Redacted.value(bot === undefined ? webhook.secret : frontSecret(webhook.secret, bot))),
      handle: (bot, update) =>
        bot === undefined || bot === manager.botInfo.id
          ? handleWith(manager, update)
          : Effect.flatMap(fleet.hooked(bot), (child) => child === undefined ? Effect.succeed(false) : handleWith(child, update)),
      polled: () => polling ? [me, ...fleet.polled()] : []
    })
  }))
