/**
 * The bot's middleware: de-duplication by update_id (the UpdateInbox: in memory for one process, in
 * the database when several share it), registration, /id, ban check, the buyer throttle (a
 * RateLimiter: in memory, or in Redis shared by every process and bot), and an error boundary, in
 * front of the router. No single update can stop the bot: every failure is caught, shown to the user
 * with an error id, logged, and sent to the admins (through the manager bot when there are several).
 */
import { randomBytes } from "node:crypto"
import * as RateLimiter from "@effect/experimental/RateLimiter"
import { ShopConfig, TelegramId, UpdateInbox, type User, Users } from "@tokenshop/domain"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Duration from "effect/Duration"
import * as FiberSet from "effect/FiberSet"
import type * as Scope from "effect/Scope"
import type { Api, Bot, Context as TgContext } from "grammy"
import { decodeCallback } from "./CallbackData.js"
import { isIdCommand, tellId } from "./IdCommand.js"
import type { BotSettings } from "./Handler.js"
import { makeRouter } from "./Router.js"
import { type Speaker, speaker } from "./Screens.js"
import { answer, sendText, sendTo } from "./TelegramApi.js"

export interface ShopBotSettings extends BotSettings {
  /** Minimum time between two actions of one user, in milliseconds (default 500; 0: none). */
  readonly throttleMs?: number | undefined
  /** Where the admins are told of failures: the manager bot's API (default: this bot's). */
  readonly adminApi?: Api | undefined
  /** Run for every update (a shop front records when it last had one); its failure is only logged. */
  readonly seen?: Effect.Effect<void> | undefined
}

/** Installs the shop on a grammY bot; the bot's own polling or webhook delivers the updates. Closing the scope interrupts updates in flight. */
export const installShop = (bot: Bot, settings: ShopBotSettings) =>
  Effect.gen(function*() {
    const users = yield* Users
    const { admins } = yield* ShopConfig
    const { translator } = settings
    const throttleMs = settings.throttleMs ?? 500
    const inbox = yield* UpdateInbox
    const limiter = yield* RateLimiter.RateLimiter
    const adminApi = settings.adminApi ?? bot.api
    // One buyer is one buyer on every bot: the key names the user, not the bot.
    const tooSoon = (user: number) =>
      throttleMs <= 0
        ? Effect.succeed(false)
        : limiter.consume({ key: `telegram:buyer:${user}`, limit: 1, window: Duration.millis(throttleMs), algorithm: "fixed-window", onExceeded: "fail" }).pipe(
          Effect.as(false),
          Effect.catchTag("RateLimiterError", (e) => e.reason === "Exceeded" ? Effect.succeed(true) : Effect.logWarning("throttle unavailable", e).pipe(Effect.as(false)))
        )
    const router = yield* makeRouter(settings)
    const run = yield* FiberSet.makeRuntimePromise<never>()

    const report = (ctx: TgContext, s: Speaker, cause: Cause.Cause<unknown>) =>
      Effect.gen(function*() {
        const id = randomBytes(4).toString("hex")
        yield* Effect.logError(`update ${ctx.update.update_id} failed (error id ${id})`, cause)
        yield* answer(ctx)
        yield* sendText(ctx, s.html("error-generic", { id })).pipe(Effect.ignore)
        const summary = Cause.pretty(cause).split("\n").slice(0, 12).join("\n").slice(0, 3000)
        yield* Effect.forEach(admins, (admin) => sendTo(adminApi, admin, `⚠️ error ${id} in update ${ctx.update.update_id}\n${summary}`).pipe(Effect.ignore), { discard: true })
      })

    const handle = (ctx: TgContext) =>
      Effect.gen(function*() {
        const from = ctx.from
        if (from === undefined || from.is_bot || !(yield* inbox.claim(`telegram:${ctx.me.id}`, ctx.update.update_id))) return
        if (settings.seen !== undefined) yield* settings.seen.pipe(Effect.catchAllCause((cause) => Effect.logWarning("recording the bot's last update failed", cause)))
        const user: User = yield* users.register({ id: TelegramId.make(from.id), username: from.username ?? null, language: from.language_code ?? null })
        const s = speaker(translator, translator.pick(user.language))
        yield* Effect.gen(function*() {
          // Anyone may ask for their id, before the ban check and the throttle; an open question stays open.
          const text = ctx.message?.text
          if (text !== undefined && isIdCommand(text, ctx.me.username)) return yield* tellId(ctx, s, from.id)
          if (user.banned) {
            // One short message, nothing else.
            return yield* ctx.callbackQuery === undefined ? sendText(ctx, s.html("banned")) : answer(ctx, s.t("banned"), true)
          }
          if (yield* tooSoon(user.id)) {
            return yield* ctx.callbackQuery === undefined ? sendText(ctx, s.html("slow-down")) : answer(ctx, s.t("slow-down"))
          }
          if (ctx.callbackQuery !== undefined) {
            const callback = decodeCallback(ctx.callbackQuery.data)
            if (callback._tag === "Left") return yield* answer(ctx, s.t("button-expired"), true)
            return yield* router.press(ctx, user, s, callback.right)
          }
          if (ctx.message?.text !== undefined) return yield* router.text(ctx, user, s, ctx.message.text)
          const doc = ctx.message?.document
          if (doc !== undefined) return yield* router.document(ctx, user, s, { fileId: doc.file_id, fileName: doc.file_name ?? "", size: doc.file_size })
          const photo = ctx.message?.photo?.at(-1)
          if (photo !== undefined) return yield* router.photo(ctx, user, s, { fileId: photo.file_id, caption: ctx.message?.caption ?? "" })
        }).pipe(Effect.catchAllCause((cause) => report(ctx, s, cause)))
      }).pipe(
        Effect.catchAllCause((cause) => Effect.logError(`update ${ctx.update.update_id} failed before routing`, cause)),
        Effect.withSpan("Telegram.update", { captureStackTrace: false })
      )

    bot.on(["message:text", "message:document", "message:photo", "callback_query"], (ctx) => run(handle(ctx)))
    bot.catch((error) => run(Effect.logError("grammY error", error.error)))
  })

/** The domain services the bot uses (each taken once, when the bot is built). */
export type BotServices = Exclude<Effect.Effect.Context<ReturnType<typeof installShop>>, Scope.Scope>
