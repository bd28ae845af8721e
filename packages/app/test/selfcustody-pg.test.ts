/**
 * On PostgreSQL the watchers run as cluster singletons too (SingleRunner with the cluster's tables in
 * the shop's database): a BTC deposit to a buyer's own address is seen and credited once.
 */
import { HdAddressDeriver } from "@tokenshop/adapters-chain"
import { FakeCoinGecko, FakeEsplora, FakeKraken } from "@tokenshop/adapters-chain/fake"
import { PgStorage } from "@tokenshop/adapters-sql"
import { freePort, idlePolling, type Emulator, startEmulator, unsupportedMethods } from "@tokenshop/adapters-telegram/emulator"
import { ApprovalRunner, DepositAddresses, Ledger, ShopConfig, TelegramId, Users } from "@tokenshop/domain"
import {
  AddressValidatorMemory, BroadcasterMemory, NotifierMemory, PaymentGatewayMemory, PriceSourceMemory, ShopMemory, WalletProcessorMemory
} from "@tokenshop/domain/testing/memory"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Redacted from "effect/Redacted"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startLayer } from "../src/Start.js"

const url = process.env["TEST_DATABASE_URL"]
const ZPUB = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs"

describe.skipIf(url === undefined)("self-custody on PostgreSQL", () => {
  const schema = `tokenshop_selfcustody_${process.pid}_${Date.now().toString(36)}`
  const admin = new pg.Client({ connectionString: url })
  const [esplora, kraken, coingecko] = [new FakeEsplora(), new FakeKraken(), new FakeCoinGecko()]
  let server: Emulator
  let shop: Fiber.RuntimeFiber<unknown, unknown> | undefined
  const databaseUrl = () => {
    const u = new URL(url!)
    u.searchParams.set("options", `-c search_path=${schema}`)
    return u.toString()
  }
  const inShop = <A, E>(effect: Effect.Effect<A, E, DepositAddresses | Ledger | Users>) =>
    Effect.runPromise(effect.pipe(
      Effect.provide(ShopMemory({ chain: { ...ShopConfig.defaults.chain, assets: ["BTC"] } }, {
        storage: PgStorage({ url: Redacted.make(url!), schema, maxConnections: 2 }),
        services: Layer.mergeAll(
          BroadcasterMemory, ApprovalRunner.inline, NotifierMemory, PaymentGatewayMemory(), WalletProcessorMemory(), AddressValidatorMemory, PriceSourceMemory(),
          Layer.orDie(HdAddressDeriver({ bitcoin: { key: ZPUB } }))
        )
      })),
      Effect.orDie
    ))

  beforeAll(async () => {
    await admin.connect()
    await admin.query(`CREATE SCHEMA ${schema}`)
    server = await startEmulator()
    await Promise.all([esplora.start(), kraken.start(), coingecko.start()])
    for (const feed of [kraken, coingecko]) feed.set("BTC", "USD", "60000")
  }, 60_000)

  afterAll(async () => {
    if (shop !== undefined) await Effect.runPromise(Fiber.interrupt(shop))
    await Promise.all([esplora.stop(), kraken.stop(), coingecko.stop()])
    await server?.stop()
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await admin.end()
  }, 60_000)

  it("the BTC watcher runs once and credits a deposit once", async () => {
    const env = new Map([
      ["BOT_TOKEN", "1:pg"], ["TELEGRAM_API_ROOT", server.config.apiURL], ["DATABASE_URL", databaseUrl()], ["DATABASE_POOL_SIZE", "4"], ["GOODS_ENCRYPTION_KEY", "cd".repeat(32)],
      ["BTC_XPUB", ZPUB], ["BTC_ESPLORA_URL", esplora.url], ["KRAKEN_API_URL", kraken.url], ["COINGECKO_API_URL", coingecko.url],
      ["CHAIN_POLL_SECONDS", "1"], ["CLUSTER_PORT", String(await freePort())]
    ])
    const user = TelegramId.make(5001)
    const address = await inShop(Effect.gen(function*() {
      yield* (yield* Users).register({ id: user, username: null, language: "en" })
      return (yield* (yield* DepositAddresses).addressFor(user, "BTC")).address
    }))
    shop = Effect.runFork(Layer.launch(startLayer({ transformers: [unsupportedMethods(), idlePolling] })).pipe(
      Effect.withConfigProvider(ConfigProvider.fromMap(env)),
      Logger.withMinimumLogLevel(LogLevel.Error)
    ))
    expect(address).toBe("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu")
    esplora.send([{ address, value: 50_000n }])
    esplora.mine(2)
    const balance = () => inShop(Effect.map(Effect.flatMap(Ledger, (l) => l.balance(user)), (b) => b.available.amount))
    for (let i = 0; i < 300 && (await balance()) === 0n; i++) await new Promise((r) => setTimeout(r, 100))
    expect(await balance()).toBe(3000n)
    await new Promise((r) => setTimeout(r, 2500)) // more polls change nothing
    expect(await balance()).toBe(3000n)
    const { rows } = await admin.query(`SELECT COUNT(*)::int AS n FROM ${schema}.cluster_runners`)
    expect(rows[0].n).toBeGreaterThanOrEqual(1) // the cluster keeps its state in the shop's database
  }, 60_000)
})
