/**
 * The owner's back office end to end: the real bot (`tokenshop start`'s layer) on an SQLite file and
 * the Bot API emulator. An admin stocks the shop step by step, finds a buyer and credits them, refunds
 * their purchase, reads the statistics and the chart, announces to every buyer (sent by the workflow
 * engine), and takes a backup; the buyer is told of each thing that concerns them.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqliteStorage } from "@tokenshop/adapters-sql"
import { buyer, type Emulator, idlePolling, photosAsMessages, startEmulator, unsupportedMethods } from "@tokenshop/adapters-telegram/emulator"
import { Cart, Checkout, idempotencyKey, SubcategoryId, TelegramId } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startLayer } from "../src/Start.js"
import { TEST_GOODS_KEY, testGoodsKeys } from "./goodsKey.js"

const TOKEN = "123456:admin"
const ADMIN = 950
const BOB = 7101

describe("the admin menu on the Bot API emulator", () => {
  const dir = mkdtempSync(join(tmpdir(), "tokenshop-admin-e2e-"))
  const file = join(dir, "shop.db")
  let server: Emulator
  let shop: Fiber.RuntimeFiber<unknown, unknown>
  const calls: Array<{ readonly method: string; readonly payload: unknown }> = []
  const photos: Array<Record<string, unknown>> = []

  beforeAll(async () => {
    server = await startEmulator()
    const env = new Map([["BOT_TOKEN", TOKEN], ["TELEGRAM_API_ROOT", server.config.apiURL], ["DATABASE_FILE", file], ["GOODS_ENCRYPTION_KEY", TEST_GOODS_KEY], ["ADMIN_IDS", String(ADMIN)], ["THROTTLE_MS", "0"]])
    const transformers = [unsupportedMethods(calls, ["setMyCommands", "sendDocument"]), photosAsMessages(photos), idlePolling]
    shop = Effect.runFork(Layer.launch(startLayer({ transformers })).pipe(Effect.withConfigProvider(ConfigProvider.fromMap(env))))
  }, 60_000)

  afterAll(async () => {
    await Effect.runPromise(Fiber.interrupt(shop))
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  const pause = () => new Promise((r) => setTimeout(r, 120))
  /** The emulator keeps the HTML a message was sent with: compare the text a person reads. */
  const plain = (text: string) => text.replace(/<[^>]+>/g, "").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&")

  it("stock, find and credit, refund, statistics and chart, announce, backup", async () => {
    const admin = buyer(server, TOKEN, ADMIN)
    const bob = buyer(server, TOKEN, BOB)
    await bob.say("/start")
    await bob.waitFor((m) => plain(m.text).includes("Welcome"), "Bob's menu")
    await admin.say("/start")
    await admin.pressButton(await admin.waitFor((m) => plain(m.text).includes("Welcome"), "the admin's menu"), (t) => t.includes("Admin"))
    const menu = await admin.waitFor((m) => m.text === "Admin menu:", "the admin menu")

    // stock, step by step
    await admin.pressButton(menu, (t) => t.includes("Inventory"))
    await admin.pressButton(await admin.waitFor((m) => plain(m.text).includes("Inventory"), "the inventory"), (t) => t.includes("Add items"))
    await admin.waitFor((m) => plain(m.text).includes("Step 1 of 5"), "step 1")
    for (const [answer, next] of [["Games", "Step 2"], ["Steam", "Step 3"], ["-", "Step 4"], ["2.50", "Step 5"]] as const) {
      await admin.say(answer)
      await admin.waitFor((m) => plain(m.text).includes(next), next)
    }
    await admin.say("KEY-1\nKEY-2")
    await admin.waitFor((m) => plain(m.text).includes("Imported 2 items"), "the import")

    // find Bob and credit him
    await admin.say("/start")
    await admin.pressButton(await admin.waitFor((m) => plain(m.text).includes("Welcome"), "the menu again"), (t) => t.includes("Admin"))
    await pause()
    await admin.pressButton(await admin.waitFor((m) => m.text === "Admin menu:", "the admin menu again"), (t) => t.includes("Buyers"))
    await admin.waitFor((m) => plain(m.text).includes("Telegram id or @username"), "the question")
    await admin.say(`@buyer${BOB}`)
    const card = await admin.waitFor((m) => plain(m.text).includes(`Buyer ${BOB}`), "Bob's card")
    await admin.pressButton(card, (t) => t.includes("Credit"))
    await admin.waitFor((m) => plain(m.text).includes("How much to credit"), "the amount question")
    await admin.say("10")
    await admin.waitFor((m) => plain(m.text).includes("The reason for $10.00"), "the reason question")
    await admin.say("welcome gift")
    await admin.waitFor((m) => plain(m.text).includes(`Credited $10.00 to buyer ${BOB}`), "the credit")
    await bob.waitFor((m) => plain(m.text).includes("$10.00 was credited to your balance: welcome gift"), "Bob is told")

    // Bob buys; the admin refunds it once
    const inShop = <A, E>(effect: Effect.Effect<A, E, Cart | Checkout>) =>
      Effect.runPromise(effect.pipe(Effect.provide(ShopMemory({}, { storage: SqliteStorage({ filename: file, goodsKeys: testGoodsKeys }) })), Effect.orDie))
    await inShop(Effect.gen(function*() {
      yield* (yield* Cart).add(TelegramId.make(BOB), SubcategoryId.make(1), 1)
      yield* (yield* Checkout).checkout(TelegramId.make(BOB), idempotencyKey("admin-e2e"))
    }))
    await pause()
    await admin.pressButton(card, (t) => t.includes("Purchases"))
    const buys = await admin.waitFor((m) => plain(m.text).includes(`Purchases of buyer ${BOB}`), "Bob's purchases")
    await admin.pressButton(buys, (t) => t.startsWith("#1 "))
    await pause()
    await admin.pressButton(await admin.waitFor((m) => plain(m.text).includes("Purchase #1"), "the purchase"), (t) => t.includes("Refund"))
    await pause()
    await admin.pressButton(await admin.waitFor((m) => plain(m.text).includes("Refund purchase #1"), "the confirmation"), (t) => t.includes("Yes, refund"))
    await admin.waitFor((m) => plain(m.text).includes("Purchase #1 refunded: $2.50"), "the refund")
    await bob.waitFor((m) => plain(m.text).includes("Your purchase #1 was refunded"), "Bob is told of the refund")

    // statistics and the chart
    await admin.say("/start")
    await admin.pressButton(await admin.waitFor((m) => plain(m.text).includes("Welcome"), "the menu"), (t) => t.includes("Admin"))
    await pause()
    await admin.pressButton(await admin.waitFor((m) => m.text === "Admin menu:", "the admin menu"), (t) => t.includes("Statistics"))
    const stats = await admin.waitFor((m) => plain(m.text).includes("Statistics, last 7 days"), "the statistics")
    expect(plain(stats.text)).toContain("Sales: 1 (1 items) · $2.50")
    expect(plain(stats.text)).toContain("Refunded: 1 · $2.50")
    await admin.pressButton(stats, (t) => t.includes("Chart"))
    for (let i = 0; i < 100 && photos.length === 0; i++) await pause()
    expect(photos.length).toBe(1)

    // announce to every buyer, sent by the workflow engine
    await pause()
    await admin.pressButton(stats, (t) => t.includes("Back"))
    await pause()
    await admin.pressButton(await admin.waitFor((m) => m.text === "Admin menu:", "the admin menu"), (t) => t.includes("Announce"))
    await pause()
    await admin.pressButton(await admin.waitFor((m) => plain(m.text).includes("to every buyer: a message"), "the announce menu"), (t) => t.includes("A message"))
    await admin.waitFor((m) => plain(m.text).includes("Type the message for every buyer"), "the question")
    await admin.say("Big restock tonight")
    await admin.pressButton(await admin.waitFor((m) => plain(m.text).includes("This goes to every buyer"), "the preview"), (t) => t.includes("Send"))
    await bob.waitFor((m) => m.text === "Big restock tonight", "the announcement", 20_000)
    await admin.waitFor((m) => plain(m.text).includes("Announcement #1 is done: 2 sent"), "the progress, done", 20_000)

    // backup
    await admin.say("/start")
    await admin.pressButton(await admin.waitFor((m) => plain(m.text).includes("Welcome"), "the menu"), (t) => t.includes("Admin"))
    await pause()
    await admin.pressButton(await admin.waitFor((m) => m.text === "Admin menu:", "the admin menu"), (t) => t.includes("Backup"))
    for (let i = 0; i < 100 && !calls.some((c) => c.method === "sendDocument"); i++) await pause()
    const sent = calls.find((c) => c.method === "sendDocument")?.payload as { document?: { filename?: string } } | undefined
    expect(sent?.document?.filename).toMatch(/^tokenshop-.*\.db$/)
  }, 120_000)
})
