/**
 * The script of `npm run demo`: the real bot on the built-in Bot API emulator and an SQLite file under ./data/demo.
 * A scripted buyer registers, browses, adds to the cart, is refused for lack of funds, tops up
 * through a local stand-in for KryptoExpress (which posts its signed callback five times at once),
 * is credited once, checks out and receives the goods, then tops up with BTC on her own address,
 * watched on a local Bitcoin stand-in and credited after two blocks. Prints the conversation.
 * Needs no token and no network: everything runs on loopback.
 */
import { mkdirSync, rmSync } from "node:fs"
import { join } from "node:path"
import { SqliteStorage } from "@tokenshop/adapters-sql"
import { FakeCoinGecko, FakeEsplora, FakeKraken } from "@tokenshop/adapters-chain/fake"
import { FakeKryptoExpress } from "@tokenshop/adapters-krypto/fake"
import { buyer, freePort, idlePolling, photosAsMessages, startEmulator, unsupportedMethods } from "@tokenshop/adapters-telegram/emulator"
import { Catalog, operator } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as Option from "effect/Option"
import * as LogLevel from "effect/LogLevel"
import { readKeyFile, writeKeyFile } from "./GoodsKeyFile.js"
import { startLayer } from "./Start.js"

const TOKEN = "100000:demo"
/** The BIP84 account key of "abandon abandon ... about", a published test phrase: for the demo only. */
const DEMO_ZPUB = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs"
const USER = 4242

/**
 * Runs the scripted demo in `dir` (its SQLite file is replaced), printing the transcript line by line.
 * The goods are sealed, as in a real shop, with the key in `${dir}-goods.key` (beside the data folder,
 * kept from run to run like a real key file; the demo's goods are made up).
 */
export const runDemo = async (dir: string, print: (line: string) => void = console.log) => {
  const file = join(dir, "shop.db")
  const keyFile = `${dir}-goods.key`
  mkdirSync(dir, { recursive: true })
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true })
  const kept = readKeyFile(keyFile)
  if (kept._tag === "Left") throw new Error(kept.left)
  const goodsKeys = { current: Option.getOrElse(kept.right, () => writeKeyFile(keyFile)) }
  const inShop = <A, E>(effect: Effect.Effect<A, E, Catalog>) =>
    Effect.runPromise(effect.pipe(Effect.provide(ShopMemory({}, { storage: SqliteStorage({ filename: file, goodsKeys }) })), Effect.orDie))

  const server = await startEmulator()
  const processor = new FakeKryptoExpress({ timeScale: 0.0002 })
  await processor.start()
  const [chain, kraken, coingecko] = [new FakeEsplora(), new FakeKraken(), new FakeCoinGecko()]
  await Promise.all([chain.start(), kraken.start(), coingecko.start()])
  for (const feed of [kraken, coingecko]) feed.set("BTC", "USD", "60000")
  const httpPort = await freePort()
  const photos: Array<Record<string, unknown>> = []
  const say = (who: string, mark: string, text: string) => print(`${who.padEnd(6)} ${mark} ${text.replaceAll("\n", `\n${" ".repeat(9)}`)}`)
  print(`tokenshop demo: the bot on a Bot API emulator at ${server.config.apiURL}, data in ${file}, goods sealed with the key in ${keyFile}\n`)

  await inShop(Effect.flatMap(Catalog, (c) =>
    c.importFile(operator("demo"), "txt", [
      "Games;Steam;Random Steam key;4.99;STEAM-AAAA-BBBB",
      "Games;Steam;Random Steam key;4.99;STEAM-CCCC-DDDD",
      "Games;Steam;Random Steam key;4.99;STEAM-EEEE-FFFF",
      "Software;Office;Office licence;19.90;OFFICE-1111-2222"
    ].join("\n"))))
  say("owner", "▶", "imports 4 items (Games / Steam × 3, Software / Office × 1)")

  const env = new Map([
    ["BOT_TOKEN", TOKEN], ["TELEGRAM_API_ROOT", server.config.apiURL], ["DATABASE_FILE", file], ["GOODS_KEY_FILE", keyFile],
    ["SHOP_NAME", "Demo Shop"], ["THROTTLE_MS", "0"], ["HTTP_PORT", String(httpPort)],
    ["KRYPTOEXPRESS_API_KEY", processor.apiKey], ["KRYPTOEXPRESS_API_URL", processor.url],
    ["KRYPTOEXPRESS_CALLBACK_URL", `http://127.0.0.1:${httpPort}/cryptoprocessing/event`],
    // Self-custody BTC: the account public key of a published test phrase (never use it for real money),
    // watched through a local stand-in of an Esplora API, priced by local stand-ins of Kraken and CoinGecko.
    ["BTC_XPUB", DEMO_ZPUB], ["BTC_ESPLORA_URL", chain.url], ["KRAKEN_API_URL", kraken.url], ["COINGECKO_API_URL", coingecko.url],
    ["CHAIN_POLL_SECONDS", "1"]
  ])
  // The emulator has no sendPhoto: the QR code's caption and buttons arrive as a text message.
  const bot = Effect.runFork(Layer.launch(startLayer({ transformers: [unsupportedMethods(), photosAsMessages(photos), idlePolling] })).pipe(
    Effect.withConfigProvider(ConfigProvider.fromMap(env)),
    Logger.withMinimumLogLevel(LogLevel.Warning)
  ))

  const alice = buyer(server, TOKEN, USER)
  const shown = new Map<number, string>()
  /** Prints what the bot said or changed since the last look. */
  const transcript = async () => {
    for (const m of await alice.botMessages()) {
      if (shown.get(m.messageId) === m.text) continue
      const edited = shown.has(m.messageId)
      shown.set(m.messageId, m.text)
      const keys = m.buttons.length > 0 ? `\n${m.buttons.map((b) => `[${b.text}]`).join(" ")}` : ""
      say("bot", edited ? "✎" : "◀", `${m.text.replace(/<\/?(b|code)>/g, "").replace(/<a href="([^"]*)">[^<]*<\/a>/g, "$1")}${keys}`)
    }
  }
  const step = async (what: string, expect: (text: string) => boolean, act: () => Promise<unknown>) => {
    say("alice", "▶", what)
    await act()
    const message = await alice.waitFor((m) => expect(m.text), what)
    await transcript()
    return message
  }

  try {
    const menu = await step("/start", (t) => t.includes("Welcome"), () => alice.say("/start"))
    const categories = await step("presses [🛍 All categories]", (t) => t === "Choose a category:", () => alice.pressButton(menu, (t) => t.includes("All categories")))
    const subs = await step("presses [Games (3)]", (t) => t.startsWith("Games"), () => alice.pressButton(categories, (t) => t.startsWith("Games")))
    const card = await step("presses [Steam ...]", (t) => t.includes("In stock"), () => alice.pressButton(subs, (t) => t.startsWith("Steam")))
    const cart = await step("presses [2]", (t) => t.includes("Total"), () => alice.pressButton(card, (t) => t === "2"))
    const confirm = await step("presses [✅ Checkout]", (t) => t.includes("Confirm"), () => alice.pressButton(cart, (t) => t.includes("Checkout")))
    const confirmData = confirm.buttons.find((b) => b.callback_data.startsWith("1y:"))!.callback_data
    const refused = await step("presses [✅ Confirm]", (t) => t.includes("balance is"), () => alice.press(confirm, confirmData))
    const profile = await step("presses [⬅️ Back]", (t) => t.includes("Topped up"), () => alice.pressButton(refused, (t) => t.includes("Back")))
    const assets = await step("presses [💰 Top up]", (t) => t.includes("pay with"), () => alice.pressButton(profile, (t) => t.includes("Top up")))
    await step("presses [USDT · Ethereum]", (t) => t.includes("How much"), () => alice.pressButton(assets, (t) => t === "USDT · Ethereum"))
    await step("types 4", (t) => t.includes("Please type an amount"), () => alice.say("4"))
    const invoice = await step("types 10", (t) => t.includes("Top up $10.00"), () => alice.say("10"))
    const address = /<code>([^<]+)<\/code>\s*Valid until/.exec(invoice.text)?.[1] ?? ""
    const payment = processor.paymentByAddress(address)
    if (payment === undefined) throw new Error("the processor has no payment for the invoice's address")
    say("system", "▶", `(the QR code for ${address} went out as a photo: ${photos.length} sent)`)
    say("system", "▶", "alice sends 10 USDT; KryptoExpress (a local stand-in) confirms and posts its signed callback five times at once")
    processor.duplicates = true
    processor.concurrent = true
    processor.pay(payment.hash)
    await processor.settled()
    await alice.waitFor((m) => m.text.includes("Your top-up has arrived"), "the credit notice")
    await transcript()
    say("system", "▶", `the shop answered the five callbacks with ${processor.callbacks.map((c) => c.status).join(", ")} and credited once`)

    await step("presses [✅ Confirm] again", (t) => t.includes("STEAM-AAAA-BBBB"), () => alice.press(confirm, confirmData))
    say("alice", "▶", "taps [✅ Confirm] once more")
    await alice.press(confirm, confirmData)
    await new Promise((r) => setTimeout(r, 400))
    await transcript()
    const deliveries = (await alice.botMessages()).filter((m) => m.text.includes("STEAM-AAAA-BBBB")).length
    say("system", "▶", `delivered ${deliveries} time(s); charged once`)

    const own = await step("presses [💰 Top up], then [BTC]", (t) => t.includes("Your BTC deposit address"), async () => {
      await alice.pressButton(assets, (t) => t === "BTC")
    })
    const btcAddress = /<code>([^<]+)<\/code>/.exec(own.text)?.[1] ?? ""
    say("system", "▶", "alice sends 0.0005 BTC to her own address on a local Bitcoin stand-in")
    chain.send([{ address: btcAddress, value: 50_000n }])
    await alice.waitFor((m) => m.text.includes("We see your deposit"), "the deposit seen")
    await transcript()
    say("system", "▶", "two blocks are mined")
    chain.mine(2)
    await alice.waitFor((m) => m.text.includes("Your deposit of 0.0005 BTC has arrived"), "the deposit credited")
    await transcript()
    print("\ndemo finished")
  } finally {
    await Effect.runPromise(Fiber.interrupt(bot))
    await processor.stop()
    await Promise.all([chain.stop(), kraken.stop(), coingecko.stop()])
    await server.stop()
  }
}
