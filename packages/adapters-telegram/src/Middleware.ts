/**
 * The bot's middleware: de-duplication by update_id, registration, /id, ban check, throttling (time
 * from the Clock), and an error boundary, in front of the router. No single update can stop the bot: every failure is
 * caught, shown to the user with an error id, logged, and sent to the admins.
 */
import { randomBytes } from "node:crypto"
import { ShopConfig, TelegramId, type User, Users } from "@tokenshop/domain"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Clock from "effect/Clock"
import * as FiberSet from "effect/FiberSet"
import type * as Scope from "effect/Scope"
import type { Bot, Context as TgContext } from "grammy"
import { decodeCallback } from "./CallbackData.js"
import { isIdCommand, tellId } from "./IdCommand.js"
import { actionThrottle, recentUpdates } from "./Bounded.js"
import type { BotSettings } from "./Handler.js"
import { makeRouter } from "./Router.js"
import { type Speaker, speaker } from "./Screens.js"
import { answer, sendText, sendTo } from "./TelegramApi.js"

export interface ShopBotSettings extends BotSettings {
  /** Minimum time between two actions of one user, in milliseconds (default 500). */
  readonly throttleMs?: number | undefined
}

/** Installs the shop on a grammY bot; the bot's own polling or webhook delivers the updates. Closing the scope interrupts updates in flight. */
export const installShop = (bot: Bot, settings: ShopBotSettings) =>
  Effect.gen(function*() {
    const users = yield* Users
    const { admins } = yield* ShopConfig
    const { translator } = settings
    const throttleMs = settings.throttleMs ?? 500
    const duplicate = recentUpdates(10_000)
    const tooSoon = actionThrottle(throttleMs, 100_000)
    const router = yield* makeRouter(settings)
    const run = yield* FiberSet.makeRuntimePromise<never>()

    const report = (ctx: TgContext, s: Speaker, cause: Cause.Cause<unknown>) =>
      Effect.gen(function*() {
        const id = randomBytes(4).toString("hex")
        yield* Effect.logError(`update ${ctx.update.update_id} failed (error id ${id})`, cause)
        yield* answer(ctx)
        yield* sendText(ctx, s.html("error-generic", { id })).pipe(Effect.ignore)
        const summary = Cause.pretty(cause).split("\n").slice(0, 12).join("\n").slice(0, 3000)
        yield* Effect.forEach(admins, (admin) => sendTo(bot.api, admin, `⚠️ error ${id} in update ${ctx.update.update_id}\n${summary}`).pipe(Effect.ignore), { discard: true })
      })

    const handle = (ctx: TgContext) =>
      Effect.gen(function*() {
        const from = ctx.from
        if (from === undefined || from.is_bot || duplicate(ctx.update.update_id)) return
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
          if (tooSoon(user.id, yield* Clock.currentTimeMillis)) {
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
        Effect.withSpan("Telegram.update")
      )

    bot.on(["message:text", "message:document", "message:photo", "callback_query"], (ctx) => run(handle(ctx)))
    bot.catch((error) => run(Effect.logError("grammY error", error.error)))
  })

/** The domain services the bot uses (each taken once, when the bot is built). */
export type BotServices = Exclude<Effect.Effect.Context<ReturnType<typeof installShop>>, Scope.Scope>
