/**
 * An inventory file sent as a document: the same all-or-nothing import as `tokenshop import`. A TXT
 * file is streamed from Telegram's file server twice (check every line, then import), never held
 * whole, so a file of a million lines imports in constant memory; a JSON file is read whole (up to 20 MB).
 */
import { createReadStream } from "node:fs"
import { type AdminRef, Catalog, formatOf, Prompts, type User } from "@tokenshop/domain"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import type { Context as TgContext } from "grammy"
import type { Document } from "../../Handler.js"
import { notice, question, type Speaker } from "../../Screens.js"
import { fileOf, send, sendText } from "../../TelegramApi.js"
import type { AdminGuard } from "../AsAdmin.js"
import { imported, rejected } from "./InventoryScreens.js"

export class DownloadFailed extends Data.TaggedError("DownloadFailed")<{ readonly reason: string }> {}

const JSON_LIMIT = 20 * 1024 * 1024
const why = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** The file's text as a re-runnable stream: every run downloads (or reads) it again from the start. */
const textOf = (location: string): Stream.Stream<string, DownloadFailed> =>
  location.startsWith("/")
    ? Stream.suspend(() =>
      Stream.fromAsyncIterable(createReadStream(location, { encoding: "utf8", highWaterMark: 1 << 20 }) as AsyncIterable<string>, (e) =>
        new DownloadFailed({ reason: why(e) })))
    : Stream.unwrap(Effect.tryPromise({
      try: async () => {
        const response = await fetch(location)
        if (!response.ok || response.body === null) throw new Error(`HTTP ${response.status}`)
        return response.body.pipeThrough(new TextDecoderStream())
      },
      catch: (e) => new DownloadFailed({ reason: why(e) })
    }).pipe(Effect.map((body) => Stream.fromReadableStream({ evaluate: () => body, onError: (e) => new DownloadFailed({ reason: why(e) }) }))))

export const makeUpload = (guard: AdminGuard, fileUrl: (path: string) => string) =>
  Effect.gen(function*() {
    const catalog = yield* Catalog
    const prompts = yield* Prompts

    const importFrom = (location: string, format: "json" | "txt", admin: AdminRef, size: number) =>
      format === "txt"
        ? catalog.importText(admin, textOf(location))
        : size > JSON_LIMIT
        ? Effect.fail(new DownloadFailed({ reason: "a JSON file may be at most 20 MB; use the TXT format for larger inventories" }))
        : Stream.mkString(textOf(location)).pipe(Effect.flatMap((text) => catalog.importFile(admin, "json", text)))

    /** The answer to "send the file": a document from an admin, imported all or nothing. */
    return (ctx: TgContext, user: User, s: Speaker, doc: Document) =>
      guard.typed(user, (admin) =>
        Effect.gen(function*() {
          const format = formatOf(doc.fileName)
          if (format === undefined) return yield* send(ctx, question(s, "inventory-upload-wrong-type"))
          yield* prompts.clear(user.id)
          yield* sendText(ctx, s.html("inventory-upload-reading", { name: doc.fileName }))
          const path = yield* fileOf(ctx, doc.fileId).pipe(Effect.mapError((e) => new DownloadFailed({ reason: why(e.cause) })))
          const location = path.startsWith("/") ? path : fileUrl(path)
          const report = yield* importFrom(location, format, admin, doc.size ?? 0)
          return yield* send(ctx, imported(s, report))
        }).pipe(Effect.catchTags({
          ImportRejected: (e) => send(ctx, rejected(s, e)),
          DownloadFailed: (e) => send(ctx, notice(s, "inventory-upload-failed", { reason: e.reason }, { _tag: "Inventory", page: 0 }))
        })))
  })
