/**
 * Announcing from Telegram: a broadcast (typed text, or a photo with a caption), a restock of what
 * was added since the last one, or the current stock; a preview, then Send. Sending runs in the
 * background (never inside this request); the progress message it keeps up to date has Cancel.
 */
import { randomBytes } from "node:crypto"
import { type AdminRef, Announcements, type AnnouncementKind, Catalog, Prompts, type User } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { Context as TgContext } from "grammy"
import { ask, readAsked } from "../../Asked.js"
import type { Answers, Handlers } from "../../Handler.js"
import { notice, question, type Speaker } from "../../Screens.js"
import { answer, expired, reply, send } from "../../TelegramApi.js"
import { adminGuard } from "../AsAdmin.js"
import * as N from "./AnnounceScreens.js"

/** A photo sent as a broadcast. */
export interface Photo {
  readonly fileId: string
  readonly caption: string
}

export const announceHandlers = Effect.gen(function*() {
  const announcements = yield* Announcements
  const catalog = yield* Catalog
  const prompts = yield* Prompts
  const guard = yield* adminGuard

  /** Keeps the prepared announcement with the admin until Send, and shows it. */
  const prepare = (ctx: TgContext, user: User, s: Speaker, kind: AnnouncementKind, text: string, photo: string | null, edit: boolean) =>
    Effect.gen(function*() {
      const nonce = randomBytes(9).toString("base64url")
      yield* ask(prompts, user.id, { _tag: "AnnounceConfirm", kind, text, photo, nonce })
      const screen = N.preview(s, text, photo !== null, nonce)
      return yield* edit ? reply(ctx, screen) : send(ctx, screen)
    })
  const stock = (ctx: TgContext, user: User, s: Speaker, onlyNew: boolean) =>
    Effect.gen(function*() {
      const lines = yield* catalog.stockReport(onlyNew)
      if (lines.length === 0) return yield* reply(ctx, N.nothingNew(s))
      const text = N.stockText(s.t(onlyNew ? "announce-restock-title" : "announce-stock-title"), lines)
      return yield* prepare(ctx, user, s, onlyNew ? "restock" : "stock", text, null, true)
    })
  const sendIt = (ctx: TgContext, s: Speaker, admin: AdminRef, kind: AnnouncementKind, text: string, photo: string | null) =>
    Effect.gen(function*() {
      // The screen with Send becomes the progress message.
      const made = yield* Effect.either(announcements.announce(admin, kind, { text, photo }, ctx.callbackQuery?.message?.message_id))
      if (made._tag === "Left") {
        if (made.left._tag === "InvalidInput") return yield* reply(ctx, notice(s, "announce-invalid", { reason: made.left.problem }, { _tag: "Announce" }))
        return yield* Effect.fail(made.left)
      }
      // What a restock announced is no longer new.
      if (kind === "restock") yield* catalog.markAnnounced(admin)
      return yield* reply(ctx, N.progress(s, made.right))
    })

  const handlers = {
    Announce: (ctx, user, s) => guard.press(ctx, user, s, () => Effect.zipRight(prompts.clear(user.id), reply(ctx, N.menu(s)))),
    AnnounceBroadcast: (ctx, user, s) =>
      guard.press(ctx, user, s, () => Effect.zipRight(ask(prompts, user.id, { _tag: "AnnounceText" }), reply(ctx, question(s, "announce-ask-text")))),
    AnnounceRestock: (ctx, user, s) => guard.press(ctx, user, s, () => stock(ctx, user, s, true)),
    AnnounceStock: (ctx, user, s) => guard.press(ctx, user, s, () => stock(ctx, user, s, false)),
    AnnounceSend: (ctx, user, s, { nonce }) =>
      guard.press(ctx, user, s, (admin) =>
        Effect.gen(function*() {
          // Taken at once: of two presses of Send only one announces.
          const taken = Option.flatMap(yield* prompts.take(user.id, "AnnounceConfirm"), readAsked)
          if (Option.isNone(taken) || taken.value._tag !== "AnnounceConfirm" || taken.value.nonce !== nonce) return yield* expired(ctx, s)
          return yield* sendIt(ctx, s, admin, taken.value.kind, taken.value.text, taken.value.photo)
        })),
    AnnounceCancel: (ctx, user, s, { announcement }) =>
      guard.press(ctx, user, s, (admin) =>
        Effect.gen(function*() {
          const stopped = yield* announcements.cancel(admin, announcement)
          yield* answer(ctx, s.t(stopped ? "announce-cancelling" : "announce-already-ended"))
        }))
  } satisfies Handlers<"Announce" | "AnnounceBroadcast" | "AnnounceRestock" | "AnnounceStock" | "AnnounceSend" | "AnnounceCancel">

  const answers = {
    AnnounceText: (ctx, user, s, _asked, text) => guard.typed(user, () => prepare(ctx, user, s, "broadcast", text.trim(), null, false)),
    // Typing while an announcement waits for Send: it is dropped, the menu shown.
    AnnounceConfirm: (_ctx, user) => Effect.as(prompts.clear(user.id), false)
  } satisfies Answers<"AnnounceText" | "AnnounceConfirm">

  /** A photo in answer to "send the text": a broadcast of the photo with its caption. */
  const photo = (ctx: TgContext, user: User, s: Speaker, p: Photo) =>
    guard.typed(user, () => prepare(ctx, user, s, "broadcast", p.caption.trim(), p.fileId, false))

  return { handlers, answers, photo }
})
