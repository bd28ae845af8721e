/**
 * `npm run demo`: the real bot on the built-in Bot API emulator and an SQLite file under ./data/demo.
 * A scripted buyer registers, browses, adds to the cart, is refused for lack of funds, is credited
 * (as a confirmed deposit would be), checks out and receives the goods. Prints the conversation.
 * Needs no token and no network: everything runs on loopback.
 */
import { mkdirSync, rmSync } from "node:fs"
import { join } from "node:path"
import { SqliteStorage } from "@tokenshop/adapters-sql"
import { buyer, idlePolling, startEmulator } from "@tokenshop/adapters-telegram/emulator"
import { Catalog, crypto, money, operator, Payments, TelegramId } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import { startLayer } from "./Start.js"

const TOKEN = "100000:demo"
const USER = 4242
const dir = join("data", "demo")
const file = join(dir, "shop.db")

const inShop = <A, E>(effect: Effect.Effect<A, E, Catalog | Payments>) =>
  Effect.runPromise(effect.pipe(Effect.provide(ShopMemory({}, { storage: SqliteStorage({ filename: file }) })), Effect.orDie))

const main = async () => {
  mkdirSync(dir, { recursive: true })
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true })
  const server = await startEmulator()
  const say = (who: string, mark: string, text: string) => console.log(`${who.padEnd(6)} ${mark} ${text.replaceAll("\n", `\n${" ".repeat(9)}`)}`)
  console.log(`tokenshop demo: the bot on a Bot API emulator at ${server.config.apiURL}, data in ${file}\n`)

  await inShop(Effect.flatMap(Catalog, (c) =>
    c.importFile(operator("demo"), "txt", [
      "Games;Steam;Random Steam key;4.99;STEAM-AAAA-BBBB",
      "Games;Steam;Random Steam key;4.99;STEAM-CCCC-DDDD",
      "Games;Steam;Random Steam key;4.99;STEAM-EEEE-FFFF",
      "Software;Office;Office licence;19.90;OFFICE-1111-2222"
    ].join("\n"))))
  say("owner", "▶", "imports 4 items (Games / Steam × 3, Software / Office × 1)")

  const env = new Map([
    ["BOT_TOKEN", TOKEN], ["TELEGRAM_API_ROOT", server.config.apiURL], ["DATABASE_FILE", file],
    ["SHOP_NAME", "Demo Shop"], ["THROTTLE_MS", "0"]
  ])
  const bot = Effect.runFork(Layer.launch(startLayer({ transformers: [idlePolling] })).pipe(
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
      say("bot", edited ? "✎" : "◀", `${m.text.replace(/<\/?b>/g, "")}${keys}`)
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
    await step("presses [✅ Confirm]", (t) => t.includes("balance is"), () => alice.press(confirm, confirmData))

    const credited = await inShop(Effect.flatMap(Payments, (p) =>
      p.credit({
        user: TelegramId.make(USER),
        source: { kind: "processor", provider: "demo", externalId: "deposit-1" },
        amount: crypto(10_000_000n, "USDT_TRC20"),
        valuation: { fiat: money(10_00n, "USD") }
      })))
    say("system", "▶", `a deposit of 10 USDT is confirmed and credited: balance ${credited.balance.available.amount / 100n}.${String(credited.balance.available.amount % 100n).padStart(2, "0")} USD`)

    await step("presses [✅ Confirm] again", (t) => t.includes("STEAM-AAAA-BBBB"), () => alice.press(confirm, confirmData))
    say("alice", "▶", "taps [✅ Confirm] once more")
    await alice.press(confirm, confirmData)
    await new Promise((r) => setTimeout(r, 400))
    await transcript()
    const deliveries = (await alice.botMessages()).filter((m) => m.text.includes("STEAM-AAAA-BBBB")).length
    say("system", "▶", `delivered ${deliveries} time(s); charged once`)
    console.log("\ndemo finished")
  } finally {
    await Effect.runPromise(Fiber.interrupt(bot))
    await server.stop()
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error("demo failed:", error instanceof Error ? error.message : error)
  process.exit(1)
})
