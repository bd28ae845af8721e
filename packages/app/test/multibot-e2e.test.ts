/**
 * Several bots on one shop, end to end: `tokenshop start`'s layer on an SQLite file, the Bot API
 * emulator behind a stand-in that knows each token's bot. The manager (BOT_TOKEN) adds child bots
 * with /add; a buyer buys through a child and sees the same balance in the manager; a revoked token
 * stops its bot only, and the admin is told; /remove; a restart brings the children back.
 */
import { mkdtempSync, readFileSync, existsSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqliteStorage } from "@tokenshop/adapters-sql"
import { buyer, type Emulator, idlePolling, startEmulator, unsupportedMethods } from "@tokenshop/adapters-telegram/emulator"
import { Catalog, idempotencyKey, Ledger, money, operator, TelegramId } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import type { Transformer } from "grammy"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startLayer } from "../src/Start.js"
import { startBotIdentities } from "./botIdentities.js"

const secret = (c: string) => c.repeat(35)
const MANAGER = `100001:${secret("M")}`
const ONE = `200002:${secret("A")}`
const TWO = `300003:${secret("B")}`
const UNKNOWN = `400004:${secret("C")}`
const ADMIN = 960
const BUYER = 7301
const GOODS_KEY = "ab".repeat(32)
/** The emulator keeps the HTML a message was sent with: compare the text a person reads. */
const plain = (text: string) => text.replace(/<[^>]+>/g, "")

describe("several bots on one shop (long polling, emulator)", () => {
  const dir = mkdtempSync(join(tmpdir(), "tokenshop-multibot-"))
  const file = join(dir, "shop.db")
  let server: Emulator
  let identities: Awaited<ReturnType<typeof startBotIdentities>>
  let shop: Fiber.RuntimeFiber<unknown, unknown>
  const deleted: Array<unknown> = []
  /** Records deleteMessage calls (the token's message) and passes them on. */
  const deletions: Transformer = (prev, method, payload, signal) => {
    if (method === "deleteMessage") deleted.push(payload)
    return prev(method, payload, signal)
  }
  const env = () => new Map([
    ["BOT_TOKEN", MANAGER], ["TELEGRAM_API_ROOT", identities.apiRoot], ["DATABASE_FILE", file], ["ADMIN_IDS", String(ADMIN)],
    ["THROTTLE_MS", "0"], ["SHOP_NAME", "Main Shop"], ["GOODS_ENCRYPTION_KEY", GOODS_KEY]
  ])
  const start = () =>
    Effect.runFork(Layer.launch(startLayer({ transformers: [unsupportedMethods(), deletions, idlePolling] })).pipe(Effect.withConfigProvider(ConfigProvider.fromMap(env()))))
  const inShop = <A, E>(effect: Effect.Effect<A, E, Catalog | Ledger>) =>
    Effect.runPromise(effect.pipe(
      Effect.provide(ShopMemory({}, { storage: SqliteStorage({ filename: file, goodsKeys: { current: Redacted.make(GOODS_KEY) } }) })),
      Effect.orDie
    ))
  const quiet = (ms: number) => new Promise((r) => setTimeout(r, ms))

  beforeAll(async () => {
    server = await startEmulator()
    identities = await startBotIdentities(server.config.apiURL, new Map([
      [MANAGER, { id: 100001, username: "main_shop_bot", name: "Main Shop" }],
      [ONE, { id: 200002, username: "child_one_bot", name: "Child One" }],
      [TWO, { id: 300003, username: "child_two_bot", name: "Child Two" }]
    ]))
    await inShop(Effect.flatMap(Catalog, (c) => c.importFile(operator("e2e"), "txt", "Games;Steam;Steam key;5.00;STEAM-ONE\nGames;Steam;Steam key;5.00;STEAM-TWO")))
    shop = start()
  }, 60_000)

  afterAll(async () => {
    await Effect.runPromise(Fiber.interrupt(shop))
    await identities.close()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it("/add checks the token with Telegram, deletes the message holding it, and starts the child at once", async () => {
    const admin = buyer(server, MANAGER, ADMIN)
    await admin.say("/start")
    await admin.waitFor((m) => m.text.includes("Welcome to Main Shop"), "the manager's menu")
    await admin.say("/add not-a-token")
    await admin.waitFor((m) => m.text.includes("That is not a bot token"), "the malformed token refused")
    await admin.say(`/add ${UNKNOWN}`)
    await admin.waitFor((m) => m.text.includes("Telegram does not accept this token"), "the unknown token refused")
    await admin.say(`/add ${MANAGER}`)
    await admin.waitFor((m) => m.text.includes("this bot's own token"), "the manager's own token refused")
    await admin.say(`/add ${ONE}`)
    await admin.waitFor((m) => m.text.includes("@child_one_bot (Child One) now sells from this shop"), "child one added")
    await admin.say(`/add ${TWO}`)
    await admin.waitFor((m) => m.text.includes("@child_two_bot (Child Two) now sells from this shop"), "child two added")
    await admin.say(`/add ${ONE}`)
    await admin.waitFor((m) => m.text.includes("already sells from this shop"), "a second add refused")
    expect(deleted.length).toBe(6) // every message that carried something after /add
    // The tokens are sealed at rest under the goods key: neither is in the files in clear.
    const stored = [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString("latin1")).join("")
    expect(stored).not.toContain(ONE.split(":")[1])
    expect(stored).not.toContain(TWO.split(":")[1])
  }, 60_000)

  it("a buyer buys through a child, with its own name in the welcome, and sees the same balance in the manager", async () => {
    const viaChild = buyer(server, ONE, BUYER)
    await viaChild.say("/start")
    const menu = await viaChild.waitFor((m) => m.text.includes("Welcome to Child One"), "the child's welcome")
    await inShop(Effect.flatMap(Ledger, (l) =>
      l.adjust(operator("e2e"), { user: TelegramId.make(BUYER), direction: "credit", amount: money(1200n, "USD"), reason: "deposit", key: idempotencyKey("multibot", 1) })))
    await viaChild.pressButton(menu, (t) => t.includes("All categories"))
    await viaChild.pressButton(await viaChild.waitFor((m) => m.text === "Choose a category:", "categories"), (t) => t.startsWith("Games"))
    await viaChild.pressButton(await viaChild.waitFor((m) => m.text.startsWith("Games"), "subcategories"), (t) => t.startsWith("Steam"))
    await viaChild.pressButton(await viaChild.waitFor((m) => m.text.includes("In stock: 2"), "the card"), (t) => t === "1")
    await viaChild.pressButton(await viaChild.waitFor((m) => m.text.includes("Total: $5.00"), "the cart"), (t) => t.includes("Checkout"))
    const confirm = await viaChild.waitFor((m) => m.text.includes("Confirm the purchase?"), "the confirmation")
    await viaChild.press(confirm, confirm.buttons.find((b) => b.callback_data.startsWith("1y:"))!.callback_data)
    await viaChild.waitFor((m) => m.text.includes("STEAM-ONE"), "the delivery in the child's chat")

    const viaManager = buyer(server, MANAGER, BUYER)
    await viaManager.say("/start")
    await viaManager.pressButton(await viaManager.waitFor((m) => m.text.includes("Welcome to Main Shop"), "the manager's welcome"), (t) => t.includes("My profile"))
    await viaManager.waitFor((m) => m.text.includes("Available: $7.00"), "the same balance in the manager")

    // A buyer who only ever opened the child hears of a credit through the child (the manager cannot write first).
    const childOnly = buyer(server, ONE, BUYER + 9)
    await childOnly.say("/start")
    await childOnly.waitFor((m) => m.text.includes("Welcome to Child One"), "the child's welcome")
    const admin = buyer(server, MANAGER, ADMIN)
    await admin.say("/start")
    await admin.pressButton(await admin.waitFor((m) => m.text.includes("Welcome to Main Shop"), "the admin's menu"), (t) => t.includes("Admin"))
    await admin.pressButton(await admin.waitFor((m) => m.text === "Admin menu:", "the admin menu"), (t) => t.includes("Buyers"))
    await admin.waitFor((m) => m.text.includes("Telegram id or @username"), "the question")
    await admin.say(String(BUYER + 9))
    await admin.pressButton(await admin.waitFor((m) => m.text.includes(`Buyer ${BUYER + 9}`), "the card"), (t) => t.includes("Credit"))
    await admin.waitFor((m) => plain(m.text).includes("How much to credit"), "the amount question")
    await admin.say("3")
    await admin.waitFor((m) => plain(m.text).includes("The reason for $3.00"), "the reason question")
    await admin.say("a gift")
    await childOnly.waitFor((m) => m.text.includes("$3.00 was credited to your balance: a gift"), "the notice through the child")
  }, 60_000)

  it("a revoked token stops that bot only and the admins are told; /bots lists the state; /remove asks, then removes", async () => {
    const admin = buyer(server, MANAGER, ADMIN)
    identities.revoke(TWO)
    await admin.waitFor((m) => m.text.includes("no longer accepts the token of @child_two_bot"), "the admin told", 15_000)
    await admin.say("/bots")
    const list = await admin.waitFor((m) => m.text.includes("@child_two_bot") && m.text.includes("stopped (token revoked)"), "the list")
    expect(list.text).toMatch(/@child_one_bot · Child One · running · last update/)
    await admin.pressButton(list, (t) => t.includes("Remove @child_two_bot"))
    const ask = await admin.waitFor((m) => m.text.includes("Stop @child_two_bot and forget its token?"), "the confirmation")
    await admin.pressButton(ask, (t) => t.includes("Yes, remove it"))
    await admin.waitFor((m) => m.text.includes("@child_two_bot is stopped and its token forgotten"), "removed")

    // Child one goes on.
    const viaChild = buyer(server, ONE, BUYER + 1)
    await viaChild.say("/start")
    await viaChild.waitFor((m) => m.text.includes("Welcome to Child One"), "child one still answers")
  }, 60_000)

  it("after a restart the children run again; a removed one does not", async () => {
    await Effect.runPromise(Fiber.interrupt(shop))
    // The emulator marks an update read when it answers getUpdates, even a poll the stopped bot had
    // already given up on (Telegram waits for the next offset): let that last poll land first.
    await quiet(1000)
    shop = start()
    const viaChild = buyer(server, ONE, BUYER + 2)
    await viaChild.say("/start")
    await viaChild.waitFor((m) => m.text.includes("Welcome to Child One"), "child one after the restart", 15_000)
    const admin = buyer(server, MANAGER, ADMIN)
    await admin.say("/bots")
    const list = await admin.waitFor((m) => m.text.includes("Bots selling from this shop") && !m.text.includes("child_two_bot"), "the list after the restart")
    expect(list.text).toContain("@child_one_bot")
    await quiet(200)
  }, 60_000)
})
