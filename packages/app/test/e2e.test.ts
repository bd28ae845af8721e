/**
 * End to end: the real bot (`tokenshop start`'s layer), a real SQLite file, and the Bot API
 * emulator on loopback, driven by emulated buyers.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqliteStorage } from "@tokenshop/adapters-sql"
import { Catalog, idempotencyKey, Ledger, money, operator, TelegramId } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startLayer } from "../src/Start.js"
import { buyer, type Emulator, idlePolling, startEmulator } from "@tokenshop/adapters-telegram/emulator"

const TOKEN = "123456:emulated"
const ADMIN = 900
const dir = mkdtempSync(join(tmpdir(), "tokenshop-e2e-"))
const file = join(dir, "shop.db")
let server: Emulator
let shop: Fiber.RuntimeFiber<unknown, unknown>

const inShop = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.runPromise(effect.pipe(Effect.provide(ShopMemory({}, { storage: SqliteStorage({ filename: file }) }))) as Effect.Effect<A, E, never>)

beforeAll(async () => {
  server = await startEmulator()
  await inShop(Effect.flatMap(Catalog, (c) =>
    c.importFile(operator("e2e"), "txt", ["Games;Steam;Steam key;5.00;STEAM-AAA", "Games;Steam;Steam key;5.00;STEAM-BBB", "Soft;Office;Licence;20;OFFICE-1"].join("\n"))))
  const env = new Map([
    ["BOT_TOKEN", TOKEN], ["TELEGRAM_API_ROOT", server.config.apiURL], ["DATABASE_FILE", file],
    ["ADMIN_IDS", String(ADMIN)], ["THROTTLE_MS", "0"], ["SHOP_NAME", "E2E Shop"]
  ])
  shop = Effect.runFork(Layer.launch(startLayer({ transformers: [idlePolling] })).pipe(Effect.withConfigProvider(ConfigProvider.fromMap(env))))
}, 60_000)

afterAll(async () => {
  await Effect.runPromise(Fiber.interrupt(shop))
  await server.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe("the shop on the Bot API emulator (long polling)", () => {
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
    const confirmButton = confirm.buttons.find((b) => b.callback_data.startsWith("1y:"))!
    await alice.press(confirm, confirmButton.callback_data)
    await alice.waitFor((m) => m.text.includes("your balance is $0.00"), "the refusal")

    await inShop(Effect.flatMap(Ledger, (l) =>
      l.adjust(operator("e2e"), { user: TelegramId.make(1001), direction: "credit", amount: money(2000n, "USD"), reason: "deposit", key: idempotencyKey("e2e", 1) })))
    await alice.press(confirm, confirmButton.callback_data)
    await alice.press(confirm, confirmButton.callback_data) // a double tap
    await alice.waitFor((m) => m.text.includes("STEAM-AAA") && m.text.includes("STEAM-BBB"), "the delivery")
    await new Promise((r) => setTimeout(r, 500))
    const deliveries = (await alice.botMessages()).filter((m) => m.text.includes("STEAM-AAA"))
    expect(deliveries.length).toBe(1)
    const balance = await inShop(Effect.flatMap(Ledger, (l) => l.balance(TelegramId.make(1001))))
    expect(balance.available).toEqual(money(1000n, "USD"))
  }, 60_000)

  it("a second buyer cannot get the same items, and a forged button changes nothing", async () => {
    const bob = buyer(server, TOKEN, 1002)
    await bob.say("/start")
    const menu = await bob.waitFor((m) => m.text.includes("Welcome"), "the main menu")
    await bob.press(menu, "1a:1:1")
    await bob.waitFor((m) => m.text.includes("Your cart is empty") || m.text.includes("Welcome"), "nothing added")
    await bob.press(menu, "1b:1") // alice's purchase
    await new Promise((r) => setTimeout(r, 500))
    expect((await bob.botMessages()).some((m) => m.text.includes("STEAM-AAA"))).toBe(false)
  }, 60_000)
})
