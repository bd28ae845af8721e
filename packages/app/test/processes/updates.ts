/**
 * Telegram's side of the several-process tests: updates posted to the shop's webhook (through the
 * round-robin proxy, or to one process), and a buyer who opens a bot, adds one item, checks out and
 * waits for the goods, reading the bot's screens at the Bot API stand-in.
 */
import { encodeCallback, frontSecret } from "@tokenshop/adapters-telegram"
import type { RateLimitedBotApi } from "@tokenshop/adapters-telegram/emulator"
import type { BotId, SubcategoryId } from "@tokenshop/domain"
import * as Redacted from "effect/Redacted"

let updateId = 0
const from = (user: number) => ({ id: user, is_bot: false, first_name: `u${user}`, username: `u${user}`, language_code: "en" })
const chat = (user: number) => ({ id: user, type: "private", first_name: `u${user}` })

export const textUpdate = (user: number, text: string) =>
  ({ update_id: ++updateId, message: { message_id: updateId, date: 0, chat: chat(user), from: from(user), text } })
export const pressUpdate = (user: number, data: string) =>
  ({ update_id: ++updateId, callback_query: { id: String(updateId), chat_instance: "c", data, from: from(user), message: { message_id: 1, date: 0, chat: chat(user), text: "x" } } })

/** Where a bot's updates go: `bot` undefined is the manager, at the webhook path itself. */
export interface Hook {
  readonly port: number
  readonly path: string
  readonly secret: string
  readonly bot?: BotId | undefined
}

export const post = (hook: Hook, update: unknown) =>
  fetch(`http://127.0.0.1:${hook.port}${hook.path}${hook.bot === undefined ? "" : `/${hook.bot}`}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-telegram-bot-api-secret-token": hook.bot === undefined ? hook.secret : Redacted.value(frontSecret(Redacted.make(hook.secret), hook.bot))
    },
    body: JSON.stringify(update)
  }).then((r) => r.status)

/** Waits until the bot sent `user` a message satisfying `check` (after the first `after` ones). */
export const waitFor = async (api: RateLimitedBotApi, user: number, check: (text: string) => boolean, what: string, after = 0, timeoutMs = 30_000) => {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const found = api.messages(user).slice(after).find((m) => check(m.text))
    if (found !== undefined) return found
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`user ${user}: timed out waiting for ${what}; got ${JSON.stringify(api.messages(user).map((m) => m.text.slice(0, 60)))}`)
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Opens the bot, adds one item of `sub`, checks out, confirms, and returns the goods' text. */
export const buyOne = async (api: RateLimitedBotApi, hook: Hook, user: number, sub: SubcategoryId, gapMs: number) => {
  await post(hook, textUpdate(user, "/start"))
  await waitFor(api, user, (t) => t.includes("Welcome to"), "the welcome")
  await pause(gapMs)
  let seen = api.messages(user).length
  await post(hook, pressUpdate(user, encodeCallback({ _tag: "AddToCart", subcategory: sub, quantity: 1 })))
  await waitFor(api, user, (t) => t.includes("Total:"), "the cart", seen)
  await pause(gapMs)
  seen = api.messages(user).length
  await post(hook, pressUpdate(user, encodeCallback({ _tag: "Checkout" })))
  const confirm = await waitFor(api, user, (t) => t.includes("Confirm the purchase?"), "the confirmation", seen)
  await pause(gapMs)
  seen = api.messages(user).length
  await post(hook, pressUpdate(user, confirm.buttons.find((b) => b.callback_data.startsWith("1y:"))!.callback_data))
  return (await waitFor(api, user, (t) => t.includes("KEY-"), "the goods", seen)).text
}
