/**
 * `/id`: tells whoever sends it (a banned user too: it reveals nothing else) their numeric Telegram
 * id, and the chat's id when the chat is not their private one, so an owner can fill ADMIN_IDS.
 */
import type { Context as TgContext } from "grammy"
import type { Speaker } from "./Screens.js"
import { sendText } from "./TelegramApi.js"

/** True for `/id` and `/id@<this bot>`, alone or followed by words; false for `/idea` or `/id@another_bot`. */
export const isIdCommand = (text: string, botUsername: string): boolean => {
  const match = /^\/id(?:@(\w+))?(?:\s|$)/.exec(text)
  return match !== null && (match[1] === undefined || match[1].toLowerCase() === botUsername.toLowerCase())
}

/** Answers `/id`. Ids are passed as strings: Fluent would group a number's digits ("123,456,789"). */
export const tellId = (ctx: TgContext, s: Speaker, userId: number) => {
  const chat = ctx.chat?.id
  return sendText(ctx, chat === undefined || chat === userId
    ? s.html("id-yours", { id: String(userId) })
    : s.html("id-yours-and-chat", { id: String(userId), chat: String(chat) }))
}
