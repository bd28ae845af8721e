/**
 * The buyer's bot: middleware (de-duplication by update_id, registration, ban check, throttling,
 * an error boundary) in front of the routes. No single update can stop the bot: every failure is
 * caught, shown to the user with an error id, logged, and sent to the admins.
 */
import { randomBytes } from "node:crypto"
import { ShopConfig, TelegramId, type User, Users } from "@tokenshop/domain"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Runtime from "effect/Runtime"
import type { Bot, Context as TgContext } from "grammy"
import { decodeCallback } from "./CallbackData.js"
import type { Translator } from "./I18n.js"
import { onText, route, type RouteServices } from "./Routes.js"
import { type Speaker, speaker } from "./Screens.js"
import { answer, sendText, sendTo } from "./Telegram.js"

export interface ShopBotSettings {
  readonly shopName: string
  readonly helpText?: string | undefined
  readonly translator: Translator
  /** Minimum time between two actions of one user, in milliseconds (default 500). */
  readonly throttleMs?: number | undefined
}

/** Remembers the last `size` keys, forgetting the oldest first. */
const recent = (size: number) => {
  const seen = new Set<number>()
  return (key: number): boolean => {
    if (seen.has(key)) return true
    seen.add(key)
    if (seen.size > size) seen.delete(seen.values().next().value as number)
    return false
  }
}

/** Installs the shop on a grammY bot; the bot's own polling or webhook delivers the updates. */
export const installShop = (bot: Bot, settings: ShopBotSettings) =>
  Effect.gen(function*() {
    const runtime = yield* Effect.runtime<RouteServices | ShopConfig>()
    const users = yield* Users
    const { admins } = yield* ShopConfig
    const { translator } = settings
    const throttleMs = settings.throttleMs ?? 500
    const duplicate = recent(10_000)
    const lastAction = new Map<number, number>()
    const routes = route({ shopName: settings.shopName, helpText: settings.helpText, translator })
    const text = onText({ shopName: settings.shopName, helpText: settings.helpText, translator })

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
          if (user.banned) {
            // One short message, nothing else.
            return yield* ctx.callbackQuery === undefined ? sendText(ctx, s.html("banned")) : answer(ctx, s.t("banned"), true)
          }
          const now = Date.now()
          if (now - (lastAction.get(user.id) ?? 0) < throttleMs) {
            return yield* ctx.callbackQuery === undefined ? sendText(ctx, s.html("slow-down")) : answer(ctx, s.t("slow-down"))
          }
          lastAction.set(user.id, now)
          if (ctx.callbackQuery !== undefined) {
            const callback = decodeCallback(ctx.callbackQuery.data)
            if (callback._tag === "Left") return yield* answer(ctx, s.t("button-expired"), true)
            return yield* routes(ctx, user, s, callback.right)
          }
          if (ctx.message?.text !== undefined) return yield* text(ctx, user, s, ctx.message.text)
        }).pipe(Effect.catchAllCause((cause) => report(ctx, s, cause)))
      }).pipe(
        Effect.catchAllCause((cause) => Effect.logError(`update ${ctx.update.update_id} failed before routing`, cause)),
        Effect.withSpan("Telegram.update")
      )

    const run = Runtime.runPromise(runtime)
    bot.on(["message:text", "callback_query"], (ctx) => run(handle(ctx)))
    bot.catch((error) => run(Effect.logError("grammY error", error.error)))
  })
