/**
 * Self-custody end to end: the shop as `tokenshop start` runs it (polling, SQLite, watchers as cluster
 * singletons), configured with four account public keys and an imported Solana pool, and nothing else
 * of the processor. A buyer in the Bot API emulator opens Top up and pays all six assets and ETH to
 * their own addresses: BTC through a local Esplora, LTC on a real litecoind in regtest, ETH, USDT and
 * USDC on a real anvil with two 6-decimal tokens, USDT on TRON through a local TronGrid, SOL through a
 * local Solana RPC; prices from local Kraken and CoinGecko. Each is credited once, after its confirmations.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { deriveAddress, parseAccountKey } from "@tokenshop/adapters-chain"
import {
  type Anvil, FakeCoinGecko, FakeEsplora, FakeKraken, FakeSolanaRpc, FakeTronGrid, type Litecoind, litecoindMissing, RegtestWallet, startAnvil,
  startLitecoind
} from "@tokenshop/adapters-chain/fake"
import { accountPublicKey, solanaAddresses } from "@tokenshop/adapters-chain/offline"
import { SqliteStorage } from "@tokenshop/adapters-sql"
import { buyer, type Emulator, idlePolling, photosAsMessages, startEmulator, unsupportedMethods } from "@tokenshop/adapters-telegram/emulator"
import { DepositAddresses, Ledger, operator, TelegramId } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import type { Address } from "viem"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startLayer } from "../src/Start.js"
import { TEST_GOODS_KEY, testGoodsKeys } from "./goodsKey.js"

const TOKEN = "123456:selfcustody"
const ADMIN = 3100
const BUYER = 3001
const MNEMONIC = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
const key = (chain: "bitcoin" | "litecoin" | "ethereum" | "tron") => Either.getOrThrow(accountPublicKey(MNEMONIC, "", chain))

const missing = litecoindMissing()
if (missing !== null) console.log(`the six-asset end-to-end test is skipped: ${missing}`)

describe.skipIf(missing !== null)("deposits to the buyer's own addresses on six assets, end to end", () => {
  const dir = mkdtempSync(join(tmpdir(), "tokenshop-self-"))
  const file = join(dir, "shop.db")
  const esplora = new FakeEsplora()
  const tron = new FakeTronGrid()
  const solana = new FakeSolanaRpc()
  const kraken = new FakeKraken()
  const coingecko = new FakeCoinGecko()
  const photos: Array<Record<string, unknown>> = []
  let server: Emulator
  let litecoind: Litecoind
  let ltc: RegtestWallet
  let anvil: Anvil
  let usdt: Address
  let usdc: Address
  let shop: Fiber.RuntimeFiber<unknown, unknown>
  const inShop = <A, E>(effect: Effect.Effect<A, E, DepositAddresses | Ledger>) =>
    Effect.runPromise(effect.pipe(Effect.provide(ShopMemory({}, { storage: SqliteStorage({ filename: file, goodsKeys: testGoodsKeys }) })), Effect.orDie))

  beforeAll(async () => {
    server = await startEmulator()
    await Promise.all([esplora.start(), tron.start(), solana.start(), kraken.start(), coingecko.start()])
    for (const [symbol, price] of [["BTC", "60000"], ["LTC", "80"], ["ETH", "3000"], ["USDT", "1"], ["USDC", "1"], ["SOL", "150"]] as const) {
      kraken.set(symbol, "USD", price)
      coingecko.set(symbol, "USD", price)
    }
    litecoind = await startLitecoind()
    ltc = new RegtestWallet(litecoind)
    await ltc.mine(101)
    anvil = await startAnvil()
    usdt = await anvil.deployToken("USDT", 10n ** 12n)
    usdc = await anvil.deployToken("USDC", 10n ** 12n)
    await anvil.mine(1)
    // The owner made 3 Solana addresses offline and imports them on the server.
    await inShop(Effect.flatMap(DepositAddresses, (d) => d.importPool(operator("e2e"), "solana", Either.getOrThrow(solanaAddresses(MNEMONIC, "", 0, 3)))))
    const env = new Map([
      ["BOT_TOKEN", TOKEN], ["TELEGRAM_API_ROOT", server.config.apiURL], ["DATABASE_FILE", file], ["GOODS_ENCRYPTION_KEY", TEST_GOODS_KEY], ["THROTTLE_MS", "0"], ["ADMIN_IDS", String(ADMIN)],
      ["BTC_XPUB", key("bitcoin")], ["BTC_ESPLORA_URL", esplora.url],
      ["LTC_XPUB", key("litecoin")], ["LTC_NETWORK", "regtest"], ["LTC_RPC_URL", litecoind.url], ["LTC_RPC_COOKIE_FILE", litecoind.cookieFile],
      ["ETH_XPUB", key("ethereum")], ["ETH_RPC_URL", anvil.url], ["ETH_USDT_CONTRACT", usdt], ["ETH_USDC_CONTRACT", usdc],
      ["TRON_XPUB", key("tron")], ["TRONGRID_URL", tron.url], ["TRON_USDT_CONTRACT", tron.contract],
      ["SOL_RPC_URL", solana.url],
      ["KRAKEN_API_URL", kraken.url], ["COINGECKO_API_URL", coingecko.url],
      ["CHAIN_POLL_SECONDS", "1"], ["CONFIRMATIONS_ETH", "3"], ["CONFIRMATIONS_USDT_ERC20", "3"], ["CONFIRMATIONS_USDC_ERC20", "3"]
    ])
    shop = Effect.runFork(Layer.launch(startLayer({ transformers: [unsupportedMethods(), photosAsMessages(photos), idlePolling] })).pipe(
      Effect.withConfigProvider(ConfigProvider.fromMap(env)),
      Logger.withMinimumLogLevel(LogLevel.Error)
    ))
  }, 120_000)

  afterAll(async () => {
    if (shop !== undefined) await Effect.runPromise(Fiber.interrupt(shop))
    await Promise.all([esplora.stop(), tron.stop(), solana.stop(), kraken.stop(), coingecko.stop()])
    await litecoind?.stop()
    await anvil?.stop()
    await server?.stop()
    rmSync(dir, { recursive: true, force: true })
  }, 60_000)

  const pause = (ms = 60) => new Promise((r) => setTimeout(r, ms))
  const addressIn = (text: string) => /<code>([^<]+)<\/code>/.exec(text)?.[1] ?? ""

  it("each asset is credited once after its confirmations, at the feeds' price", async () => {
    const alice = buyer(server, TOKEN, BUYER)
    await alice.say("/start")
    const menu = await alice.waitFor((m) => m.text.includes("Welcome"), "menu", 20_000)
    await alice.pressButton(menu, (t) => t.includes("My profile"))
    const profile = await alice.waitFor((m) => m.text.includes("My profile"), "profile")
    await pause()
    await alice.pressButton(profile, (t) => t.includes("Top up"))
    const choose = await alice.waitFor((m) => m.text.includes("pay with"), "assets")
    expect(choose.buttons.map((b) => b.text).slice(0, 7)).toEqual(["BTC", "LTC", "ETH", "USDT · Ethereum", "USDC · Ethereum", "USDT · TRON", "SOL"])
    const addresses = new Map<string, string>()
    for (const label of ["BTC", "LTC", "ETH", "USDT · Ethereum", "USDC · Ethereum", "USDT · TRON", "SOL"]) {
      await pause()
      await alice.pressButton(choose, (t) => t === label)
      const shown = await alice.waitFor((m) => m.text.includes(`Your ${label} deposit address`), `${label} address`)
      addresses.set(label, addressIn(shown.text))
    }
    expect(photos.length).toBe(7) // each address went out with its QR code
    // The buyer's index 0: the published addresses of the test mnemonic (LTC in its regtest form).
    expect(addresses.get("BTC")).toBe("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu")
    expect(addresses.get("LTC")).toBe(deriveAddress("litecoin", Either.getOrThrow(parseAccountKey("litecoin", key("litecoin"))), 0, "regtest"))
    expect(addresses.get("ETH")).toBe("0x9858EfFD232B4033E47d90003D41EC34EcaEda94")
    expect(addresses.get("USDT · Ethereum")).toBe(addresses.get("ETH"))
    expect(addresses.get("USDT · TRON")).toBe("TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH")
    expect(addresses.get("SOL")).toBe("HAgk14JpMQLgt6rVgv7cBQFJWFto5Dqxi472uT3DKpqk")

    const eth = addresses.get("ETH")! as Address
    esplora.send([{ address: addresses.get("BTC")!, value: 100_000n }]) // 0.001 BTC = $60
    await ltc.send([{ address: addresses.get("LTC")!, units: 50_000_000n }]) // 0.5 LTC = $40
    await anvil.pay(eth, 10n ** 16n) // 0.01 ETH = $30
    await anvil.payToken(usdt, eth, 25_000_000n) // 25 USDT
    await anvil.payToken(usdc, eth, 10_000_000n) // 10 USDC
    tron.send([{ to: addresses.get("USDT · TRON")!, value: 15_000_000n }]) // 15 USDT
    solana.send([{ kind: "transfer", to: addresses.get("SOL")!, lamports: 200_000_000n }]) // 0.2 SOL = $30
    await alice.waitFor((m) => m.text.includes("We see your deposit of 0.5 LTC"), "LTC seen in the mempool", 20_000)

    // Not yet confirmed enough: nothing is credited.
    esplora.mine(1)
    await anvil.mine(2)
    await pause(2500)
    const balance = () => inShop(Effect.map(Effect.flatMap(Ledger, (l) => l.balance(TelegramId.make(BUYER))), (b) => b.available.amount))
    expect(await balance()).toBe(0n)

    esplora.mine(1)
    await ltc.mine(6)
    await anvil.mine(1)
    tron.mine(20)
    solana.finalize()
    for (const amount of ["0.001 BTC", "0.5 LTC", "0.01 ETH", "25 USDT", "10 USDC", "15 USDT", "0.2 SOL"]) {
      await alice.waitFor((m) => m.text.includes(`Your deposit of ${amount} has arrived`), `${amount} credited`, 30_000)
    }
    expect(await balance()).toBe(6000n + 4000n + 3000n + 2500n + 1000n + 1500n + 3000n)
    // More polls and blocks change nothing: each was credited once.
    await ltc.mine(2)
    await anvil.mine(2)
    await pause(3000)
    expect(await balance()).toBe(21_000n)
    const credited = (await alice.botMessages()).filter((m) => m.text.includes("has arrived"))
    expect(credited).toHaveLength(7)

    // Check shows each deposit credited, with its explorer link.
    const btc = await alice.waitFor((m) => m.text.includes("Your BTC deposit address"), "BTC address")
    await alice.pressButton(btc, (t) => t.includes("Check"))
    await alice.waitFor((m) => m.text.includes("0.001 BTC · credited $60.00"), "BTC check")
  }, 180_000)
})
