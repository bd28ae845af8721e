/**
 * Updates per second through the real bot, in process: bot.handleUpdate with an API transformer
 * that answers every call locally, on an SQLite file in WAL mode. Baseline in the same run: bare
 * grammY replying with an inline keyboard plus one SQLite write transaction per update, and for
 * reference the same handler as an Effect that looks its user up through @effect/sql-sqlite-node.
 * All take turns in rounds of 2,000 updates.
 * Also: the time from process start to the first getUpdates of compiled `tokenshop start`.
 */
import { spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { createServer } from "node:http"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import { SqliteDatabase, SqliteStorage } from "@tokenshop/adapters-sql"
import { installShop, loadTranslator } from "@tokenshop/adapters-telegram"
import { Catalog, operator, page, UpdateInbox } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import Database from "better-sqlite3"
import * as Effect from "effect/Effect"
import * as Scope from "effect/Scope"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Runtime from "effect/Runtime"
import { Bot, type Transformer } from "grammy"
import type { Update, UserFromGetMe } from "grammy/types"
import { LogNotifier, PaymentsNotConfigured } from "../src/Services.js"
import { memoryRateLimiter } from "../src/runtime/RateLimits.js"

const UPDATES = 20_000
const USERS = 2_000
const botInfo = { id: 1, is_bot: true, first_name: "Bench", username: "bench_bot" } as UserFromGetMe

/** Answers every Bot API call at once, as a fast Telegram would. */
const local: Transformer = async (_prev, method, payload) =>
  ({ ok: true, result: method === "sendMessage" ? { message_id: 1, date: 0, chat: { id: (payload as { chat_id: number }).chat_id, type: "private" } } : true }) as never

const callback = (updateId: number, user: number, data: string): Update => ({
  update_id: updateId,
  callback_query: {
    id: String(updateId), chat_instance: "b", data,
    from: { id: user, is_bot: false, first_name: "u" },
    message: { message_id: 1, date: 0, chat: { id: user, type: "private", first_name: "u" }, text: "x" }
  }
} as Update)

const ROUND = 2_000

/** Milliseconds to handle updates `from` to `from + ROUND`, each from the next user in turn. */
const timed = async (handle: (u: Update) => Promise<void>, data: string, firstId: number, from: number) => {
  const start = performance.now()
  for (let i = from; i < from + ROUND; i++) await handle(callback(firstId + i, 1 + (i % USERS), data))
  return performance.now() - start
}

const keyboard = { reply_markup: { inline_keyboard: [[{ text: "one", callback_data: "1m" }], [{ text: "two", callback_data: "1m" }]] } }

export const benchUpdates = async () => {
  const dir = mkdtempSync(join(tmpdir(), "tokenshop-bot-bench-"))
  const shop = ManagedRuntime.make(ShopMemory({}, {
    services: Layer.merge(LogNotifier, PaymentsNotConfigured),
    storage: SqliteStorage({ filename: join(dir, "shop.db") })
  }))
  const floor = ManagedRuntime.make(SqliteDatabase({ filename: join(dir, "floor.db") }))
  const db = new Database(join(dir, "bare.db"))
  try {
    const { handle, sub } = await shop.runPromise(Effect.gen(function*() {
      const lines = Array.from({ length: 30_000 }, (_, i) => `Category ${i % 5};Sub ${i % 20};key;1.00;K-${i}`)
      yield* (yield* Catalog).importFile(operator("bench"), "txt", lines.join("\n"))
      const sub = (yield* (yield* Catalog).subcategories((yield* (yield* Catalog).categories(page(0, 1))).items[0]!.id, page(0, 1))).items[0]!.id
      const bot = new Bot("1:bench", { botInfo })
      bot.api.config.use(local)
      // the bot's updates run in a scope that stays open for the whole benchmark
      yield* Scope.extend(installShop(bot, { shopName: "Bench", translator: loadTranslator(), throttleMs: 0, fileUrl: (p) => `http://127.0.0.1:9/${p}` }).pipe(
        Effect.provide(Layer.merge(UpdateInbox.memory(), memoryRateLimiter))
      ), yield* Scope.make())
      const handle = (u: Update) => bot.handleUpdate(u)
      // registration of every user happens on first contact; warm up once per user
      for (let u = 1; u <= USERS; u++) yield* Effect.promise(() => handle(callback(1_000_000 + u, u, "1m")))
      return { handle, sub }
    }))

    // The baseline: bare grammY, one SQLite write transaction, an answer and an edited list.
    db.pragma("journal_mode = WAL")
    db.pragma("synchronous = NORMAL")
    db.exec("CREATE TABLE hits (user_id INTEGER PRIMARY KEY, n INTEGER NOT NULL)")
    const hit = db.prepare("INSERT INTO hits (user_id, n) VALUES (?, 1) ON CONFLICT (user_id) DO UPDATE SET n = n + 1")
    const write = db.transaction((user: number) => hit.run(user))
    const bare = new Bot("1:bench", { botInfo })
    bare.api.config.use(local)
    bare.on("callback_query:data", async (ctx) => {
      write(ctx.from.id)
      await ctx.answerCallbackQuery()
      await ctx.editMessageText("a list", keyboard)
    })

    // For reference, the least any shop update does on this stack: the same bare handler run as an
    // Effect, looking its user up through @effect/sql-sqlite-node instead of the write.
    await floor.runPromise(Effect.flatMap(SqlClient.SqlClient, (sql) =>
      Effect.forEach(Array.from({ length: USERS }, (_, i) => i + 1), (id) =>
        sql`INSERT INTO users (id, username, username_lower, language, banned, registered_at) VALUES (${id}, NULL, NULL, 'en', 0, 0)`)))
    const runFloor = Runtime.runPromise(await floor.runtime())
    const lean = new Bot("1:bench", { botInfo })
    lean.api.config.use(local)
    lean.on("callback_query:data", (ctx) =>
      runFloor(Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        yield* sql`SELECT * FROM users WHERE id = ${ctx.from.id}`
        yield* Effect.promise(() => ctx.answerCallbackQuery())
        yield* Effect.promise(() => ctx.editMessageText("a list", keyboard))
      })))

    // And the least an update that changes something costs: the same, plus one write committed as the
    // shop commits (synchronous = FULL: on disk before the answer). Adding to a cart is such an update.
    const committing = new Bot("1:bench", { botInfo })
    committing.api.config.use(local)
    committing.on("callback_query:data", (ctx) =>
      runFloor(Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        yield* sql`SELECT * FROM users WHERE id = ${ctx.from.id}`
        yield* sql.withTransaction(sql`UPDATE users SET registered_at = registered_at + 1 WHERE id = ${ctx.from.id}`)
        yield* Effect.promise(() => ctx.answerCallbackQuery())
        yield* Effect.promise(() => ctx.editMessageText("a list", keyboard))
      })))

    // The contenders take turns in rounds, so that the shared machine's drift hits them alike.
    const ms = { categories: 0, adds: 0, baseline: 0, floor: 0, commit: 0 }
    for (let from = 0; from < UPDATES; from += ROUND) {
      ms.categories += await timed(handle, "1c:0", 0, from)
      ms.adds += await timed(handle, `1a:${sub}:1`, UPDATES, from)
      ms.baseline += await timed((u) => bare.handleUpdate(u), "1c:0", 0, from)
      ms.floor += await timed((u) => lean.handleUpdate(u), "1c:0", 0, from)
      ms.commit += await timed((u) => committing.handleUpdate(u), "1c:0", 0, from)
    }
    const perSecond = (x: number) => UPDATES / (x / 1000)
    return { categories: perSecond(ms.categories), adds: perSecond(ms.adds), baseline: perSecond(ms.baseline), floor: perSecond(ms.floor), commit: perSecond(ms.commit) }
  } finally {
    db.close()
    await shop.dispose()
    await floor.dispose()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Process start to the first getUpdates of `node packages/app/dist/tokenshop.mjs start` (what `npm start` runs), against a local fake Bot API. */
export const benchStartup = async () => {
  const dir = mkdtempSync(join(tmpdir(), "tokenshop-startup-"))
  let firstPoll: (() => void) | undefined
  const polled = new Promise<void>((r) => (firstPoll = r))
  const api = createServer((req, res) => {
    const method = req.url?.split("/").pop() ?? ""
    if (method === "getUpdates") firstPoll?.()
    const result = method === "getMe" ? botInfo : method === "getUpdates" ? [] : true
    if (method === "getUpdates") setTimeout(() => res.end(JSON.stringify({ ok: true, result })), 200)
    else res.end(JSON.stringify({ ok: true, result }))
  })
  await new Promise<void>((r) => api.listen(0, "127.0.0.1", () => r()))
  const port = (api.address() as { port: number }).port
  try {
    const start = performance.now()
    const child = spawn(process.execPath, [resolve(import.meta.dirname, "../../dist/tokenshop.mjs"), "start"], {
      env: { ...process.env, BOT_TOKEN: "1:startup", TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`, DATABASE_FILE: join(dir, "shop.db"), GOODS_KEY_FILE: join(dir, "goods.key") },
      stdio: "ignore"
    })
    await polled
    const seconds = (performance.now() - start) / 1000
    child.kill("SIGTERM")
    await new Promise((r) => child.on("exit", r))
    return seconds
  } finally {
    api.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
