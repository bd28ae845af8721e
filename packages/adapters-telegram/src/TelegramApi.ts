/** The few Telegram calls the bot makes, as Effects whose failures are typed and never thrown. */
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import { type Api, type Context as TgContext, InputFile } from "grammy"
import type { Screen } from "./Screens.js"

export class TelegramCallFailed extends Data.TaggedError("TelegramCallFailed")<{ readonly method: string; readonly cause: unknown }> {}

const call = <A>(method: string, f: () => Promise<A>) =>
  Effect.tryPromise({ try: f, catch: (cause) => new TelegramCallFailed({ method, cause }) })

const markup = (screen: Screen) => ({
  parse_mode: "HTML" as const,
  reply_markup: { inline_keyboard: screen.keyboard.map((row) => [...row]) }
})

const notModified = (e: TelegramCallFailed) => String(e.cause).includes("message is not modified")

/**
 * Replaces the message a button belongs to; sends a new message when there is none to edit, or when
 * it cannot be edited (a photo, or a message too old to edit).
 */
export const show = (ctx: TgContext, screen: Screen) =>
  ctx.callbackQuery?.message !== undefined
    ? call("editMessageText", () => ctx.editMessageText(screen.text, markup(screen))).pipe(
      Effect.asVoid,
      Effect.catchIf(notModified, () => Effect.void),
      Effect.catchAll(() => send(ctx, screen))
    )
    : send(ctx, screen)

/** Sends a picture with the screen as its caption; when the photo cannot be sent, the screen alone as text. */
export const sendPhoto = (ctx: TgContext, png: Uint8Array, fileName: string, screen: Screen) =>
  call("sendPhoto", () => ctx.replyWithPhoto(new InputFile(png, fileName), { caption: screen.text, ...markup(screen) })).pipe(
    Effect.asVoid,
    Effect.catchAll((e) => Effect.logDebug("sendPhoto failed; sending text", e.cause).pipe(Effect.zipRight(send(ctx, screen))))
  )

export const send = (ctx: TgContext, screen: Screen) =>
  call("sendMessage", () => ctx.reply(screen.text, markup(screen))).pipe(Effect.asVoid)

export const sendText = (ctx: TgContext, text: string) =>
  call("sendMessage", () => ctx.reply(text, { parse_mode: "HTML" })).pipe(Effect.asVoid)

/** Answers a button press (a toast, or an alert the user must close). Answering twice is harmless. */
export const answer = (ctx: TgContext, text?: string, alert = false) =>
  ctx.callbackQuery === undefined
    ? Effect.void
    : call("answerCallbackQuery", () => ctx.answerCallbackQuery(text === undefined ? {} : { text, show_alert: alert })).pipe(
      Effect.asVoid,
      Effect.catchAll(() => Effect.void)
    )

/** Telegram's limit is 4096 characters a message; stay below it. */
const CHUNK = 3500
/** Deliveries longer than this many messages go out as a text file instead. */
const MAX_MESSAGES = 10

const chunks = (blocks: ReadonlyArray<string>): Array<string> => {
  const out: Array<string> = []
  let current = ""
  for (const block of blocks) {
    for (let start = 0; start < Math.max(1, block.length); start += CHUNK) {
      const piece = block.slice(start, start + CHUNK)
      if (current.length + piece.length + 2 > CHUNK && current !== "") {
        out.push(current)
        current = ""
      }
      current = current === "" ? piece : `${current}\n\n${piece}`
    }
  }
  if (current !== "") out.push(current)
  return out
}

/** Sends delivered goods: in messages, or as a .txt document when very long. Plain text: no markup. */
export const deliver = (ctx: TgContext, blocks: ReadonlyArray<string>, fileName: string, fileCaption: string) => {
  const messages = chunks(blocks)
  if (messages.length > MAX_MESSAGES) {
    const file = new InputFile(Buffer.from(blocks.join("\n\n"), "utf8"), fileName)
    return call("sendDocument", () => ctx.replyWithDocument(file, { caption: fileCaption })).pipe(Effect.asVoid)
  }
  return Effect.forEach(messages, (text) => call("sendMessage", () => ctx.reply(text)), { discard: true })
}

/** Where Telegram keeps a file a user sent: a path to download (or, from a local Bot API server, on disk). */
export const fileOf = (ctx: TgContext, fileId: string) =>
  call("getFile", () => ctx.api.getFile(fileId)).pipe(
    Effect.flatMap((f) => f.file_path === undefined ? Effect.fail(new TelegramCallFailed({ method: "getFile", cause: "no file_path" })) : Effect.succeed(f.file_path))
  )

/** Sends a file (a backup, a CSV export) with a caption. */
export const sendFile = (ctx: TgContext, content: Uint8Array | { readonly path: string }, fileName: string, caption: string) =>
  call("sendDocument", () => ctx.replyWithDocument(new InputFile(content instanceof Uint8Array ? content : content.path, fileName), { caption })).pipe(Effect.asVoid)

export const sendTo = (api: Api, chat: number, text: string, html = false, keyboard?: Screen["keyboard"]) =>
  call("sendMessage", () =>
    api.sendMessage(chat, text, {
      ...(html ? { parse_mode: "HTML" as const, link_preview_options: { is_disabled: true } } : {}),
      ...(keyboard === undefined ? {} : { reply_markup: { inline_keyboard: keyboard.map((row) => [...row]) } })
    })).pipe(Effect.asVoid)

/** Acknowledges a button press and replaces its screen. */
export const reply = (ctx: TgContext, screen: Screen) => Effect.zipRight(answer(ctx), show(ctx, screen))

/** A button that no longer applies (or was never this user's): a short alert, nothing else. */
export const expired = (ctx: TgContext, s: { readonly t: (key: string) => string }) => answer(ctx, s.t("button-expired"), true)
