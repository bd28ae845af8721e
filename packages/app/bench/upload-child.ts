/**
 * An inventory sent to the bot as a document, in its own process (for its peak RSS): a grammY bot
 * with the shop installed over SQLite, the admin presses Upload and sends the file, which the bot
 * downloads from a loopback file server (twice: check, then import). Prints what the bot answered.
 * Usage: node upload-child.js DATABASE_FILE INVENTORY_FILE
 */
import { createReadStream } from "node:fs"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { SqliteStorage } from "@tokenshop/adapters-sql"
import { encodeCallback, installShop, loadTranslator } from "@tokenshop/adapters-telegram"
import { TelegramId, UpdateInbox } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Scope from "effect/Scope"
import { Bot, type Transformer } from "grammy"
import type { Update, UserFromGetMe } from "grammy/types"
import { LogNotifier, PaymentsNotConfigured } from "../src/Services.js"
import { memoryRateLimiter } from "../src/runtime/RateLimits.js"

const [db, inventory] = process.argv.slice(2)
const ADMIN = 1
const botInfo = { id: 9, is_bot: true, first_name: "Bench", username: "bench_bot" } as UserFromGetMe

const main = async () => {
  const files = createServer((_req, res) => createReadStream(inventory!).pipe(res))
  await new Promise<void>((r) => files.listen(0, "127.0.0.1", r))
  const root = `http://127.0.0.1:${(files.address() as AddressInfo).port}`
  const said: Array<string> = []
  const local: Transformer = async (_prev, method, payload) => {
    const p = payload as { chat_id?: number; text?: string; file_id?: string }
    if (typeof p.text === "string") said.push(p.text)
    const result = method === "getFile" ? { file_id: p.file_id, file_unique_id: "u", file_path: "documents/inventory.txt" }
      : method === "sendMessage" ? { message_id: 1, date: 0, chat: { id: p.chat_id, type: "private" } } : true
    return { ok: true, result } as never
  }
  const shop = ManagedRuntime.make(ShopMemory({ admins: new Set([TelegramId.make(ADMIN)]) }, {
    services: Layer.merge(LogNotifier, PaymentsNotConfigured),
    storage: SqliteStorage({ filename: db! })
  }))
  const bot = new Bot("1:bench", { botInfo })
  bot.api.config.use(local)
  await shop.runPromise(Effect.gen(function*() {
    yield* Scope.extend(installShop(bot, { shopName: "Bench", translator: loadTranslator(), throttleMs: 0, fileUrl: (p) => `${root}/${p}` }).pipe(
      Effect.provide(Layer.merge(UpdateInbox.memory(), memoryRateLimiter))
    ), yield* Scope.make())
  }))
  const from = { id: ADMIN, is_bot: false, first_name: "admin" }
  const chat = { id: ADMIN, type: "private" as const, first_name: "admin" }
  await bot.handleUpdate({
    update_id: 1,
    callback_query: { id: "1", chat_instance: "c", data: encodeCallback({ _tag: "Upload" }), from, message: { message_id: 1, date: 0, chat, text: "x" } }
  } as Update)
  await bot.handleUpdate({
    update_id: 2,
    message: { message_id: 2, date: 0, chat, from, document: { file_id: "inventory", file_unique_id: "u", file_name: "inventory.txt" } }
  } as Update)
  console.log(said.at(-1)?.split("\n")[0] ?? "(nothing)")
  files.close()
  await shop.dispose()
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
