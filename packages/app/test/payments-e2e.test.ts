/**
 * End to end with payments: the real bot (`tokenshop start`'s layer, polling), a real SQLite file,
 * the Bot API emulator, and a local fake KryptoExpress that posts signed callbacks to the shop's
 * HTTP server. Buyers top up (DEPOSIT and PAYMENT), every callback arrives five times at once,
 * the balance rises once, and the goods are bought with it. Forgeries change nothing.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { sign } from "@tokenshop/adapters-krypto"
import { FakeKryptoExpress } from "@tokenshop/adapters-krypto/fake"
import { SqliteStorage } from "@tokenshop/adapters-sql"
import { buyer, type Emulator, freePort, idlePolling, photosAsMessages, startEmulator, unsupportedMethods } from "@tokenshop/adapters-telegram/emulator"
import { Catalog, Ledger, operator, TelegramId } from "@tokenshop/domain"
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

const TOKEN = "123456:payments"
const ADMIN = 2900

describe("top-ups through KryptoExpress, end to end", () => {
  const dir = mkdtempSync(join(tmpdir(), "tokenshop-pay-e2e-"))
  const file = join(dir, "shop.db")
  const fake = new FakeKryptoExpress({ timeScale: 0.0002 })
  const photos: Array<Record<string, unknown>> = []
  let server: Emulator
  let shop: Fiber.RuntimeFiber<unknown, unknown>
  let callbackUrl = ""
  const balance = (user: number) =>
    Effect.runPromise(Effect.flatMap(Ledger, (l) => l.balance(TelegramId.make(user))).pipe(
      Effect.map((b) => b.available.amount),
      Effect.provide(ShopMemory({}, { storage: SqliteStorage({ filename: file, goodsKeys: testGoodsKeys }) })),
      Effect.orDie
    ))

  beforeAll(async () => {
    server = await startEmulator()
    await fake.start()
    const httpPort = await freePort()
    callbackUrl = `http://127.0.0.1:${httpPort}/cryptoprocessing/event`
    await Effect.runPromise(Effect.flatMap(Catalog, (c) =>
      c.importFile(operator("e2e"), "txt", ["Games;Steam;Steam key;50.00;STEAM-PAID-1", "Games;Steam;Steam key;50.00;STEAM-PAID-2"].join("\n"))).pipe(
        Effect.provide(ShopMemory({}, { storage: SqliteStorage({ filename: file, goodsKeys: testGoodsKeys }) })),
        Effect.orDie
      ))
    const env = new Map([
      ["BOT_TOKEN", TOKEN], ["TELEGRAM_API_ROOT", server.config.apiURL], ["DATABASE_FILE", file], ["GOODS_ENCRYPTION_KEY", TEST_GOODS_KEY], ["THROTTLE_MS", "0"],
      ["KRYPTOEXPRESS_API_KEY", fake.apiKey], ["KRYPTOEXPRESS_API_URL", fake.url], ["KRYPTOEXPRESS_CALLBACK_URL", callbackUrl],
      ["HTTP_PORT", String(httpPort)], ["ADMIN_IDS", String(ADMIN)],
      ["WITHDRAWAL_ADDRESS_DELAY_HOURS", "0"] // a new address is usable at once here: the test adds it and goes on
    ])
    shop = Effect.runFork(Layer.launch(startLayer({ transformers: [unsupportedMethods(), photosAsMessages(photos), idlePolling] })).pipe(
      Effect.withConfigProvider(ConfigProvider.fromMap(env))
    ))
    for (let i = 0; i < 200; i++) {
      if (await fetch(`http://127.0.0.1:${httpPort}/health`).then((r) => r.ok, () => false)) break
      await new Promise((r) => setTimeout(r, 50))
    }
  }, 60_000)

  afterAll(async () => {
    await Effect.runPromise(Fiber.interrupt(shop))
    await fake.stop()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  const pause = () => new Promise((r) => setTimeout(r, 60))
  const addressIn = (text: string) => /<code>([^<]+)<\/code>\s*Valid until/.exec(text)?.[1] ?? /<code>([^<]+)<\/code>/.exec(text)?.[1] ?? ""

  it("a DEPOSIT and a PAYMENT are credited once each though every callback comes five times at once; the buyer then buys", async () => {
    const alice = buyer(server, TOKEN, 2001)
    await alice.say("/start")
    const menu = await alice.waitFor((m) => m.text.includes("Welcome"), "menu")
    await alice.pressButton(menu, (t) => t.includes("My profile"))
    const profile = await alice.waitFor((m) => m.text.includes("My profile"), "profile")
    await pause()
    await alice.pressButton(profile, (t) => t.includes("Top up"))
    const assets = await alice.waitFor((m) => m.text.includes("pay with"), "assets")
    await pause()
    await alice.pressButton(assets, (t) => t === "BTC")
    const invoice = await alice.waitFor((m) => m.text.includes("Top up with BTC"), "BTC invoice")
    expect(photos).toHaveLength(1) // the QR code went out as a photo
    const deposit = fake.paymentByAddress(addressIn(invoice.text))!
    expect(deposit.paymentType).toBe("DEPOSIT")

    fake.duplicates = true
    fake.concurrent = true
    fake.pay(deposit.hash, "0.001") // 60.00 USD at the fake's price
    await fake.settled()
    await alice.waitFor((m) => m.text.includes("Your top-up has arrived: $60.00"), "the credit notice")
    expect(fake.callbacks.filter((c) => c.hash === deposit.hash).map((c) => c.status)).toEqual([200, 200, 200, 200, 200])
    expect(await balance(2001)).toBe(6000n)

    await pause()
    await alice.pressButton(assets, (t) => t === "USDT · Ethereum")
    await alice.waitFor((m) => m.text.includes("How much"), "the amount question")
    await alice.say("4")
    await alice.waitFor((m) => m.text.includes("Please type an amount"), "a refusal")
    await pause()
    await alice.say("25.50")
    const fixed = await alice.waitFor((m) => m.text.includes("Top up $25.50"), "USDT invoice")
    expect(fixed.text).toContain("25.5 USDT")
    const payment = fake.paymentByAddress(addressIn(fixed.text))!
    expect(payment).toMatchObject({ paymentType: "PAYMENT", fiatAmount: "25.50", cryptoCurrency: "USDT_ERC20" })
    fake.pay(payment.hash)
    await fake.settled()
    await alice.waitFor((m) => m.text.includes("Your top-up has arrived: $25.50"), "the second credit notice")
    expect(await balance(2001)).toBe(8550n)

    // forgeries and replays change nothing
    const body = fake.body(payment)
    expect(await fake.deliver(payment.hash, { signature: sign("guess", body) })).toEqual([403])
    expect(await fake.deliver(payment.hash, { signature: sign(deposit.callbackSecret!, body) })).toEqual([403])
    const unpaid = body.replace(`"isPaid":true`, `"isPaid":false`)
    expect(await fake.deliver(payment.hash, { body: unpaid, signature: sign(payment.callbackSecret!, unpaid) })).toEqual([200])
    const post = (init: RequestInit) => fetch(callbackUrl, { method: "POST", ...init }).then((r) => r.status)
    expect(await post({ body: "x".repeat(70_000), headers: { "content-type": "application/json" } })).toBe(413)
    expect(await post({ body, headers: { "content-type": "text/plain", "x-signature": sign(payment.callbackSecret!, body) } })).toBe(415)
    expect(await post({ body: "{\"id\": 1,", headers: { "content-type": "application/json" } })).toBe(400)
    expect(await balance(2001)).toBe(8550n)

    // and the balance buys
    await pause()
    await alice.pressButton(menu, (t) => t.includes("All categories"))
    const categories = await alice.waitFor((m) => m.text === "Choose a category:", "categories")
    await pause()
    await alice.pressButton(categories, (t) => t.startsWith("Games"))
    const subs = await alice.waitFor((m) => m.text.startsWith("Games"), "subcategories")
    await pause()
    await alice.pressButton(subs, (t) => t.startsWith("Steam"))
    const card = await alice.waitFor((m) => m.text.includes("In stock"), "card")
    await pause()
    await alice.pressButton(card, (t) => t === "1")
    const cart = await alice.waitFor((m) => m.text.includes("Total"), "cart")
    await pause()
    await alice.pressButton(cart, (t) => t.includes("Checkout"))
    const confirm = await alice.waitFor((m) => m.text.includes("Confirm"), "confirm")
    await pause()
    await alice.pressButton(confirm, (t) => t.includes("Confirm"))
    await alice.waitFor((m) => m.text.includes("STEAM-PAID-1"), "the goods")
    expect(await balance(2001)).toBe(3550n)
  }, 60_000)

  it("the owner sees the processor's wallet and withdraws with a checked address, a fee preview and explorer links", async () => {
    const owner = buyer(server, TOKEN, ADMIN)
    await owner.say("/start")
    const menu = await owner.waitFor((m) => m.text.includes("Welcome") && m.buttons.some((b) => b.text.includes("Admin")), "the admin's menu")
    await owner.pressButton(menu, (t) => t.includes("Admin"))
    const admin = await owner.waitFor((m) => m.text === "Admin menu:", "the admin menu")
    await pause()
    await owner.pressButton(admin, (t) => t.includes("Wallet"))
    const wallet = await owner.waitFor((m) => m.text.startsWith("Held at the payment processor"), "the wallet")
    expect(wallet.text).toContain("BTC: 0.001 BTC")
    expect(wallet.text).toContain("USDT · Ethereum: 25.5 USDT")
    await pause()
    await owner.pressButton(wallet, (t) => t === "Withdraw BTC")
    await owner.waitFor((m) => m.text.includes("Send the address"), "the address question")
    await pause()
    await owner.say("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5") // one character off
    await owner.waitFor((m) => m.text.includes("checksum does not match"), "the refused address")
    await pause()
    await owner.say("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")
    const offer = await owner.waitFor((m) => m.text.includes("is not in the address book"), "the offer to add it")
    expect(fake.withdrawals).toHaveLength(0) // not even a fee preview for an unknown address
    await pause()
    await owner.pressButton(offer, (t) => t.includes("Add to the address book"))
    await owner.waitFor((m) => m.text.includes("New BTC withdrawal address"), "every admin is told")
    const preview = await owner.waitFor((m) => m.text.includes("Network fee"), "the fee preview")
    expect(preview.text).toContain("Total: 0.001 BTC (≈ $60.00)")
    expect(preview.text).toContain("Network fee: 0.00001 BTC (≈ $0.60)")
    expect(preview.text).toContain("Received: 0.00098 BTC (≈ $58.80)")
    expect(fake.withdrawals.filter((w) => !w.onlyCalculate)).toHaveLength(0)
    await pause()
    await owner.pressButton(preview, (t) => t.includes("Send"))
    const done = await owner.waitFor((m) => m.text.includes("Sent 0.00098 BTC"), "the result")
    const sent = fake.withdrawals.filter((w) => !w.onlyCalculate)
    expect(sent).toEqual([expect.objectContaining({ type: "ALL", currency: "BTC", toAddress: "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4" })])
    expect(done.text).toContain(`https://mempool.space/tx/${sent[0]!.txIds[0]}`)
    await pause()
    await owner.pressButton(preview, (t) => t.includes("Send")) // a second press sends nothing more
    await new Promise((r) => setTimeout(r, 300))
    expect(fake.withdrawals.filter((w) => !w.onlyCalculate)).toHaveLength(1)
  }, 60_000)

  it("refuses to start with a forwarding address that fails its checksum, or without a callback URL in polling mode", async () => {
    const failure = async (extra: ReadonlyArray<readonly [string, string]>) => {
      const env = new Map<string, string>([["BOT_TOKEN", TOKEN], ["TELEGRAM_API_ROOT", server.config.apiURL], ["DATABASE_FILE", file], ["GOODS_ENCRYPTION_KEY", TEST_GOODS_KEY], ...extra])
      const exit = await Effect.runPromiseExit(Layer.launch(startLayer()).pipe(Effect.withConfigProvider(ConfigProvider.fromMap(env))))
      return Exit.isFailure(exit) ? Cause.pretty(exit.cause) : "started"
    }
    expect(await failure([["CRYPTO_FORWARDING_ADDRESS_BTC", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5"]]))
      .toContain("CRYPTO_FORWARDING_ADDRESS_BTC: not a valid bitcoin address: checksum does not match")
    expect(await failure([["KRYPTOEXPRESS_API_KEY", "k"]])).toContain("KRYPTOEXPRESS_CALLBACK_URL must be set")
    expect(await failure([["KRYPTOEXPRESS_API_KEY", "k"], ["KRYPTOEXPRESS_ASSETS", "BTC,XMR"]])).toContain("KRYPTOEXPRESS_ASSETS")
  })
})
