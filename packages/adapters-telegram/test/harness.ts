/**
 * Drives a real grammY bot with bot.handleUpdate and records every Bot API call it makes. Every action
 * is an Effect; buttons are pressed with their typed payloads (encoded as the bot encodes them).
 * The bot lives as long as the test's scope.
 */
import * as RateLimiter from "@effect/experimental/RateLimiter"
import { operator, ShopConfig, TelegramId, UpdateInbox } from "@tokenshop/domain"
import * as Layer from "effect/Layer"
import * as Effect from "effect/Effect"
import { Bot } from "grammy"
import type { Update, UserFromGetMe } from "grammy/types"
import { type Callback, encodeCallback } from "../src/CallbackData.js"
import { installShop } from "../src/Middleware.js"
import { loadTranslator } from "../src/I18n.js"

export const ADMIN = 900
export const admin = operator("test")
const botInfo: UserFromGetMe = {
  id: 1, is_bot: true, first_name: "Shop", username: "shop_bot", can_join_groups: false, can_read_all_group_messages: false,
  supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false, has_topics_enabled: false
} as UserFromGetMe

export interface Call { readonly method: string; readonly payload: Record<string, unknown> }

/** Files users send, by file_id, served to the bot from a loopback server (see `files`). */
export const makeHarness = (throttleMs = 0, failing: ReadonlyArray<string> = [], fileUrl: (path: string) => string = (p) => `http://127.0.0.1:9/${p}`) =>
  Effect.gen(function*() {
    const bot = new Bot("1:test", { botInfo })
    const calls: Array<Call> = []
    let messageId = 100
    bot.api.config.use(async (_prev, method, payload) => {
      calls.push({ method, payload: payload as unknown as Record<string, unknown> })
      if (failing.includes(method)) return { ok: false, error_code: 400, description: `Bad Request: ${method} failed in the test` } as never
      const fileId = (payload as { file_id?: string }).file_id
      const result = method === "sendMessage" || method === "sendDocument" || method === "sendPhoto"
        ? { message_id: ++messageId, date: 0, chat: { id: Number((payload as { chat_id: number }).chat_id), type: "private" }, text: "" }
        : method === "getFile"
        ? { file_id: fileId, file_unique_id: fileId, file_path: `documents/${fileId}` }
        : true
      return { ok: true, result } as never
    })
    yield* installShop(bot, { shopName: "Test Shop", translator: loadTranslator(), throttleMs, fileUrl }).pipe(
      Effect.provide(Layer.merge(UpdateInbox.memory(), RateLimiter.layer.pipe(Layer.provide(RateLimiter.layerStoreMemory))))
    )
    let updateId = 0
    const from = (id: number, language = "en") => ({ id, is_bot: false, first_name: `user${id}`, username: `user${id}`, language_code: language })
    /** Hands one update to the bot; the Bot API calls it made. */
    const send = (update: Omit<Update, "update_id">) =>
      Effect.promise(async () => {
        const before = calls.length
        await bot.handleUpdate({ update_id: ++updateId, ...update } as Update)
        return calls.slice(before)
      })
    return {
      calls,
      bot,
      text: (user: number, text: string, language = "en") =>
        send({ message: { message_id: ++messageId, date: 0, chat: { id: user, type: "private", first_name: "x" }, from: from(user, language), text } } as never),
      /** Sends a file as a document (its content is served by the test at `fileUrl`). */
      document: (user: number, fileId: string, fileName: string) =>
        send({
          message: {
            message_id: ++messageId, date: 0, chat: { id: user, type: "private", first_name: "x" }, from: from(user),
            document: { file_id: fileId, file_unique_id: fileId, file_name: fileName }
          }
        } as never),
      /** Sends a photo with a caption. */
      photo: (user: number, fileId: string, caption: string) =>
        send({
          message: {
            message_id: ++messageId, date: 0, chat: { id: user, type: "private", first_name: "x" }, from: from(user), caption,
            photo: [{ file_id: `${fileId}-small`, file_unique_id: "s", width: 90, height: 90 }, { file_id: fileId, file_unique_id: "l", width: 800, height: 800 }]
          }
        } as never),
      /** Presses a button: a typed payload, or raw text to play a forged or stale one. */
      press: (user: number, button: Callback | string, language = "en") =>
        send({
          callback_query: {
            id: String(++messageId), chat_instance: "c", data: typeof button === "string" ? button : encodeCallback(button), from: from(user, language),
            message: { message_id: 5, date: 0, chat: { id: user, type: "private", first_name: "x" }, text: "screen" }
          }
        } as never),
      /** Replays an update exactly (same update_id), as Telegram does after a timeout. */
      replay: (update: Update) =>
        Effect.promise(async () => {
          const before = calls.length
          await bot.handleUpdate(update)
          return calls.slice(before)
        })
    }
  })

export const texts = (calls: ReadonlyArray<Call>) =>
  calls.filter((c) => c.method === "sendMessage" || c.method === "editMessageText" || c.method === "sendPhoto")
    .map((c) => String(c.payload["text"] ?? c.payload["caption"]))
export const alerts = (calls: ReadonlyArray<Call>) =>
  calls.filter((c) => c.method === "answerCallbackQuery").map((c) => String(c.payload["text"] ?? ""))
export const buttons = (call: Call | undefined) =>
  ((call?.payload["reply_markup"] as { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>> } | undefined)?.inline_keyboard ?? []).flat()

export const settings = { admins: new Set([TelegramId.make(ADMIN)]) } satisfies Partial<ShopConfig["Type"]>
