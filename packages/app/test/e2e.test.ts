/**
 * End to end: the real bot (`tokenshop start`'s layer), a real SQLite file, and the Bot API
 * emulator on loopback, driven by emulated buyers; in long-polling and in webhook mode.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs"
import type { Server } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqliteStorage } from "@tokenshop/adapters-sql"
import { buyer, type Emulator, freePort, idlePolling, startEmulator, unsupportedMethods } from "@tokenshop/adapters-telegram/emulator"
import { Catalog, idempotencyKey, Ledger, money, operator, TelegramId, Users } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Cause from "effect/Cause"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startLayer } from "../src/Start.js"
import { TEST_GOODS_KEY, testGoodsKeys } from "./goodsKey.js"
import { post, secretProxy } from "./webhookSupport.js"

const TOKEN = "123456:emulated"
const SECRET = "s3cret-token_1"
const ADMIN = 900

describe.each(["polling", "webhook"] as const)("the shop on the Bot API emulator (%s)", (mode) => {
  const dir = mkdtempSync(join(tmpdir(), `tokenshop-e2e-${mode}-`))
  const file = join(dir, "shop.db")
  let server: Emulator
  let proxy: Server | undefined
  let shop: Fiber.RuntimeFiber<unknown, unknown>
  let httpPort = 0
  const unsupported: Array<{ readonly method: string; readonly payload: unknown }> = []
  const inShop = <A, E>(effect: Effect.Effect<A, E, Catalog | Ledger | Users>) =>
    Effect.runPromise(effect.pipe(Effect.provide(ShopMemory({}, { storage: SqliteStorage({ filename: file, goodsKeys: testGoodsKeys }) })), Effect.orDie))

  beforeAll(async () => {
    server = await startEmulator()
    await inShop(Effect.flatMap(Catalog, (c) =>
      c.importFile(operator("e2e"), "txt", [
        "Games;Steam;Steam key;5.00;STEAM-AAA", "Games;Steam;Steam key;5.00;STEAM-BBB", "Soft;Office;Licence;20;OFFICE-1",
        ...Array.from({ length: 25 }, (_, i) => `Many;S${String(i + 1).padStart(2, "0")};item;1.00;M-${i}`),
        ...Array.from({ length: 12 }, (_, i) => `Many;Bulk;bulk item;0.50;B-${i}`)
      ].join("\n"))))
    const env = new Map([
      ["BOT_TOKEN", TOKEN], ["TELEGRAM_API_ROOT", server.config.apiURL], ["DATABASE_FILE", file], ["GOODS_ENCRYPTION_KEY", TEST_GOODS_KEY],
      ["ADMIN_IDS", String(ADMIN)], ["THROTTLE_MS", "0"], ["SHOP_NAME", "E2E Shop"], ["BACKUP_EVERY", "1d"], ["BACKUP_KEEP", "3"]
    ])
    if (mode === "webhook") {
      httpPort = await freePort()
      const proxyPort = await freePort()
      proxy = await secretProxy(proxyPort, httpPort, SECRET)
      env.set("WEBHOOK_URL", `http://127.0.0.1:${proxyPort}/hook/telegram`)
      env.set("WEBHOOK_SECRET", SECRET)
      env.set("HTTP_PORT", String(httpPort))
    }
    shop = Effect.runFork(Layer.launch(startLayer({ transformers: [unsupportedMethods(unsupported), idlePolling] })).pipe(Effect.withConfigProvider(ConfigProvider.fromMap(env))))
    if (mode === "webhook") {
      // The webhook is registered before the server listens: once /health answers, updates flow.
      for (let i = 0; i < 200; i++) {
        const up = await fetch(`http://127.0.0.1:${httpPort}/health`).then((r) => r.ok, () => false)
        if (up) break
        await new Promise((r) => setTimeout(r, 50))
      }
    }
  }, 60_000)

  afterAll(async () => {
    await Effect.runPromise(Fiber.interrupt(shop))
    proxy?.close()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it("takes the due scheduled backup at start (0600, in data/backups), marks the database as in use, says what runs here", async () => {
    const backups = join(dir, "backups")
    for (let i = 0; i < 200 && (!existsSync(backups) || readdirSync(backups).length === 0); i++) await new Promise((r) => setTimeout(r, 50))
    const [written] = readdirSync(backups).map((f) => [f, statSync(join(backups, f)).mode & 0o777] as const)
    expect(written).toEqual([expect.stringMatching(/^tokenshop-\d{4}-\d{2}-\d{2}T.*Z\.db$/), 0o600])
    expect(readFileSync(`${file}.pid`, "utf8").trim()).toBe(String(process.pid))
    if (mode === "webhook") { // /health: this process, how it receives updates, the singletons it runs (they start one by one)
      let health = ""
      for (let i = 0; i < 100 && !["payments/expiry", "audit/sealing", "backups/schedule"].every((n) => health.includes(n)); i++) {
        health = await fetch(`http://127.0.0.1:${httpPort}/health`).then((r) => r.text(), () => "")
        await new Promise((r) => setTimeout(r, 50))
      }
      expect(health).toMatch(new RegExp(`^ok\nprocess: ${process.pid}\ntelegram: bot 123456: webhook\nsingletons here: .*audit/sealing.*backups/schedule.*payments/expiry`))
    }
  })

  it("a buyer registers, browses, is refused for lack of funds, is credited, buys and receives the goods once", async () => {
    const alice = buyer(server, TOKEN, 1001)
    await alice.say("/start")
    const menu = await alice.waitFor((m) => m.text.includes("Welcome to E2E Shop"), "the main menu")
    await alice.pressButton(menu, (t) => t.includes("All categories"))
    const categories = await alice.waitFor((m) => m.text === "Choose a category:", "categories")
    await alice.pressButton(categories, (t) => t.startsWith("Games"))
    const subs = await alice.waitFor((m) => m.text.startsWith("Games"), "subcategories")
    await alice.pressButton(subs, (t) => t.startsWith("Steam"))
    const card = await alice.waitFor((m) => m.text.includes("In stock: 2"), "the card")
    await alice.pressButton(card, (t) => t === "2")
    const cart = await alice.waitFor((m) => m.text.includes("Total: $10.00"), "the cart")
    await alice.pressButton(cart, (t) => t.includes("Checkout"))
    const confirm = await alice.waitFor((m) => m.text.includes("Confirm the purchase?"), "the confirmation")
    const confirmData = confirm.buttons.find((b) => b.callback_data.startsWith("1y:"))!.callback_data
    await alice.press(confirm, confirmData)
    await alice.waitFor((m) => m.text.includes("your balance is $0.00"), "the refusal")

    await inShop(Effect.flatMap(Ledger, (l) =>
      l.adjust(operator("e2e"), { user: TelegramId.make(1001), direction: "credit", amount: money(2000n, "USD"), reason: "deposit", key: idempotencyKey("e2e", 1) })))
    await alice.press(confirm, confirmData)
    await alice.press(confirm, confirmData) // a double tap
    await alice.waitFor((m) => m.text.includes("STEAM-AAA") && m.text.includes("STEAM-BBB"), "the delivery")
    await new Promise((r) => setTimeout(r, 400))
    expect((await alice.botMessages()).filter((m) => m.text.includes("STEAM-AAA")).length).toBe(1)
    expect((await inShop(Effect.flatMap(Ledger, (l) => l.balance(TelegramId.make(1001))))).available).toEqual(money(1000n, "USD"))
  }, 60_000)

  it("a second buyer cannot get the same item; forged buttons and a banned user change nothing", async () => {
    const bob = buyer(server, TOKEN, 1002)
    await bob.say("/start")
    const menu = await bob.waitFor((m) => m.text.includes("Welcome"), "the main menu")
    // The emulator numbers webhook updates only once the previous delivery is answered, so taps in
    // quick succession would share an update_id (Telegram never does that): pause between them.
    const pause = () => new Promise((r) => setTimeout(r, 150))
    await bob.press(menu, "1a:1:1") // Steam is sold out
    await pause()
    await bob.press(menu, "1b:1") // alice's purchase
    await pause()
    await bob.press(menu, "1A:refund:1") // an admin action that does not exist
    await pause()
    await bob.press(menu, "1k")
    await bob.waitFor((m) => m.text.includes("Your cart is empty"), "an empty cart")
    expect((await bob.botMessages()).some((m) => m.text.includes("STEAM-AAA"))).toBe(false)

    await inShop(Effect.flatMap(Users, (u) => u.setBanned(operator("e2e"), TelegramId.make(1002), true)))
    await bob.say("/start")
    await bob.waitFor((m) => m.text.includes("has been blocked"), "the ban notice")
  }, 60_000)

  it("publishes the command menu in every language (setMyCommands, answered outside the emulator)", () => {
    const menus = unsupported.filter((c) => c.method === "setMyCommands").map((c) => c.payload as { commands: Array<{ command: string; description: string }>; language_code?: string })
    expect(menus.map((m) => m.language_code ?? "default").sort()).toEqual(["de", "default", "es", "fr", "it", "zh"])
    expect(menus.find((m) => m.language_code === "de")!.commands).toEqual([
      { command: "start", description: "Shop öffnen" },
      { command: "help", description: "So funktioniert es" },
      { command: "id", description: "Deine Telegram-ID anzeigen" }
    ])
  })

  it("pages long lists ten at a time and takes a typed quantity, refusing one beyond the stock", async () => {
    const dora = buyer(server, TOKEN, 1004)
    const pause = () => new Promise((r) => setTimeout(r, 150))
    await dora.say("/start")
    const menu = await dora.waitFor((m) => m.text.includes("Welcome"), "the main menu")
    await dora.pressButton(menu, (t) => t.includes("All categories"))
    const categories = await dora.waitFor((m) => m.text === "Choose a category:" && m.buttons.some((b) => b.text.startsWith("Many")), "categories")
    await pause()
    await dora.pressButton(categories, (t) => t.startsWith("Many"))
    const first = await dora.waitFor((m) => m.text.startsWith("Many") && m.buttons.some((b) => b.text === "1 / 3"), "page 1 of 3")
    expect(first.buttons.filter((b) => b.text.includes(" left"))).toHaveLength(10)
    await pause()
    await dora.pressButton(first, (t) => t === "▶️")
    const second = await dora.waitFor((m) => m.buttons.some((b) => b.text === "2 / 3"), "page 2 of 3")
    expect(second.buttons.filter((b) => b.text.includes(" left"))).toHaveLength(10)
    await pause()
    await dora.pressButton(second, (t) => t === "▶️")
    const third = await dora.waitFor((m) => m.buttons.some((b) => b.text === "3 / 3"), "page 3 of 3")
    expect(third.buttons.filter((b) => b.text.includes(" left"))).toHaveLength(6)
    await pause()
    await dora.pressButton(first, (t) => t.startsWith("Bulk")) // a button of page 1 still works
    const card = await dora.waitFor((m) => m.text.includes("In stock: 12"), "the Bulk card")
    await pause()
    await dora.pressButton(card, (t) => t.includes("Type a quantity"))
    await dora.waitFor((m) => m.text.startsWith("Type a quantity"), "the question")
    await pause()
    await dora.say("13")
    await dora.waitFor((m) => m.text.includes("Only 12 of Bulk left"), "the refusal beyond the stock")
    await pause()
    await dora.say("12")
    await dora.waitFor((m) => m.text.includes("Bulk: 12 × $0.50 = $6.00"), "the cart with 12")
  }, 60_000)

  it("switches the language", async () => {
    const carla = buyer(server, TOKEN, 1003)
    await carla.say("/start")
    const menu = await carla.waitFor((m) => m.text.includes("Welcome"), "the main menu")
    await carla.press(menu, "1l:de")
    await carla.waitFor((m) => m.text.includes("Mein Profil"), "the profile in German")
  }, 60_000)

  if (mode === "webhook") {
    it("rejects posts without the right secret (401) and malformed ones (400)", async () => {
      const update = JSON.stringify({ update_id: 77, message: { message_id: 1, date: 0, chat: { id: 5, type: "private" }, from: { id: 5, is_bot: false, first_name: "x" }, text: "/start" } })
      expect(await post(httpPort, update)).toBe(401)
      expect(await post(httpPort, update, "wrong")).toBe(401)
      expect(await post(httpPort, "{not json", SECRET)).toBe(400)
      expect(await post(httpPort, JSON.stringify({ hello: 1 }), SECRET)).toBe(400)
      expect(await post(httpPort, update, SECRET)).toBe(200)
    })

    it("refuses to start in webhook mode without a secret", async () => {
      const env = new Map([["BOT_TOKEN", TOKEN], ["TELEGRAM_API_ROOT", server.config.apiURL], ["DATABASE_FILE", file], ["GOODS_ENCRYPTION_KEY", TEST_GOODS_KEY], ["WEBHOOK_URL", "https://shop.example/hook"]])
      const exit = await Effect.runPromiseExit(Layer.launch(startLayer()).pipe(Effect.withConfigProvider(ConfigProvider.fromMap(env))))
      expect(Exit.isFailure(exit) && Cause.pretty(exit.cause)).toContain("WEBHOOK_SECRET must be set")
    })
  }
})

describe("throttling on the Bot API emulator", () => {
  it("a buyer tapping faster than THROTTLE_MS is asked to slow down, and the action is not done", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tokenshop-e2e-throttle-"))
    const server = await startEmulator()
    const env = new Map([
      ["BOT_TOKEN", TOKEN], ["TELEGRAM_API_ROOT", server.config.apiURL], ["DATABASE_FILE", join(dir, "shop.db")], ["GOODS_ENCRYPTION_KEY", TEST_GOODS_KEY], ["THROTTLE_MS", "60000"]
    ])
    const shop = Effect.runFork(Layer.launch(startLayer({ transformers: [unsupportedMethods(), idlePolling] })).pipe(Effect.withConfigProvider(ConfigProvider.fromMap(env))))
    try {
      const eve = buyer(server, TOKEN, 1005)
      await eve.say("/start")
      const menu = await eve.waitFor((m) => m.text.includes("Welcome"), "the main menu")
      await eve.say("/help")
      await eve.waitFor((m) => m.text.includes("Slow down"), "the slow-down notice")
      expect((await eve.botMessages()).some((m) => m.text.startsWith("Browse the categories"))).toBe(false)
      await eve.pressButton(menu, (t) => t.includes("All categories"))
      await new Promise((r) => setTimeout(r, 400))
      expect((await eve.botMessages()).some((m) => m.text === "Choose a category:" || m.text.startsWith("Nothing is for sale"))).toBe(false)
    } finally {
      await Effect.runPromise(Fiber.interrupt(shop))
      await server.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
