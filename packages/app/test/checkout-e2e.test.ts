/**
 * End to end on the Bot API emulator: a Confirm buys what its screen showed, or nothing. The buyer
 * opens the confirmation for 2 × A, adds B, then presses the old Confirm: nothing is charged and the
 * new total is shown with a new Confirm, which buys the whole cart once.
 */
import { mkdtempSync, rmSync } from "node:fs"
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
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startLayer } from "../src/Start.js"
import { TEST_GOODS_KEY, testGoodsKeys } from "./goodsKey.js"

const TOKEN = "123456:checkout"

describe("a Confirm bound to what it showed, end to end", () => {
  const dir = mkdtempSync(join(tmpdir(), "tokenshop-checkout-e2e-"))
  const file = join(dir, "shop.db")
  let server: Emulator
  let shop: Fiber.RuntimeFiber<unknown, unknown>
  const inShop = <A, E>(effect: Effect.Effect<A, E, Catalog | Ledger>) =>
    Effect.runPromise(effect.pipe(Effect.provide(ShopMemory({}, { storage: SqliteStorage({ filename: file, goodsKeys: testGoodsKeys }) })), Effect.orDie))

  beforeAll(async () => {
    server = await startEmulator()
    await inShop(Effect.flatMap(Catalog, (c) =>
      c.importFile(operator("e2e"), "txt", ["Games;A;key;5.00;A-1", "Games;A;key;5.00;A-2", "Games;B;key;3.00;B-1"].join("\n"))))
    const env = new Map([["BOT_TOKEN", TOKEN], ["TELEGRAM_API_ROOT", server.config.apiURL], ["DATABASE_FILE", file], ["GOODS_ENCRYPTION_KEY", TEST_GOODS_KEY], ["THROTTLE_MS", "0"]])
    shop = Effect.runFork(Layer.launch(startLayer({ transformers: [unsupportedMethods(), idlePolling] })).pipe(Effect.withConfigProvider(ConfigProvider.fromMap(env))))
  }, 60_000)

  afterAll(async () => {
    await Effect.runPromise(Fiber.interrupt(shop))
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  const pause = () => new Promise((r) => setTimeout(r, 60))

  it("the old Confirm after adding B charges nothing and shows the new total; the new one buys once", async () => {
    const bob = buyer(server, TOKEN, 7001)
    await bob.say("/start")
    const menu = await bob.waitFor((m) => m.text.includes("Welcome"), "the menu")
    await inShop(Effect.flatMap(Ledger, (l) =>
      l.adjust(operator("e2e"), { user: TelegramId.make(7001), direction: "credit", amount: money(5_000n, "USD"), reason: "test", key: idempotencyKey("e2e-checkout") })))
    await bob.pressButton(menu, (t) => t.includes("All categories"))
    await bob.pressButton(await bob.waitFor((m) => m.text === "Choose a category:", "categories"), (t) => t.startsWith("Games"))
    const subs = await bob.waitFor((m) => m.text.startsWith("Games"), "subcategories")
    await bob.pressButton(subs, (t) => t.startsWith("A "))
    await bob.pressButton(await bob.waitFor((m) => m.text.includes("In stock: 2"), "A's card"), (t) => t === "2")
    const cart = await bob.waitFor((m) => m.text.includes("Total: $10.00"), "the cart with 2 × A")
    await pause()
    await bob.pressButton(cart, (t) => t.includes("Checkout"))
    const confirm = await bob.waitFor((m) => m.text.includes("Confirm the purchase?") && m.text.includes("$10.00"), "the confirmation of $10.00")
    const old = confirm.buttons.find((b) => b.callback_data.startsWith("1y:"))!.callback_data
    await pause()
    await bob.pressButton(subs, (t) => t.startsWith("B "))
    await bob.pressButton(await bob.waitFor((m) => m.text.includes("In stock: 1"), "B's card"), (t) => t === "1")
    await bob.waitFor((m) => m.text.includes("Total: $13.00"), "the cart with B")
    await pause()
    await bob.press(confirm, old)
    const again = await bob.waitFor((m) => m.text.includes("Nothing was bought") && m.text.includes("$13.00"), "the new total, asked again")
    const balance = () => inShop(Effect.map(Effect.flatMap(Ledger, (l) => l.balance(TelegramId.make(7001))), (b) => b.available.amount))
    expect(await balance()).toBe(5_000n)
    await pause()
    await bob.press(again, again.buttons.find((b) => b.callback_data.startsWith("1y:"))!.callback_data)
    await bob.waitFor((m) => m.text.includes("A-1") && m.text.includes("B-1"), "the delivery of the whole cart")
    expect(await balance()).toBe(5_000n - 1_300n)
  }, 60_000)
})
