/**
 * Self-custody deposits: how fast addresses are derived from an account public key, how long the
 * first Top up of 100,000 buyers takes (one address derived and stored each), and how many chain
 * requests one poll of each watcher makes with 1,000 and with 100,000 registered buyers, ten of them
 * with an open window. Block sources (anvil for Ethereum, litecoind for Bitcoin Core RPC) must cost
 * the same; sources asked per address (Esplora, TronGrid, Solana) the same up to the slow pass's share.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import {
  HdAddressDeriver, makeAddressScanner, makeBlockScanner, makeCoreRpcSource, makeEsploraSource, makeEvmSource, makeHdDeriver,
  makeSolanaSource, makeTronGridSource
} from "@tokenshop/adapters-chain"
import { FakeEsplora, FakeSolanaRpc, FakeTronGrid, RegtestWallet, startAnvil, startLitecoind } from "@tokenshop/adapters-chain/fake"
import { accountPublicKey } from "@tokenshop/adapters-chain/offline"
import { SqliteDatabase, SqliteStorage } from "@tokenshop/adapters-sql"
import { ApprovalRunner, DepositAddresses, ShopConfig, TelegramId, Users } from "@tokenshop/domain"
import {
  AddressValidatorMemory, BroadcasterMemory, NotifierMemory, PaymentGatewayMemory, PriceSourceMemory, ShopMemory, WalletProcessorMemory
} from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { seedAddresses } from "./chain-seed.js"

const MNEMONIC = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
const keys = {
  bitcoin: { key: Either.getOrThrow(accountPublicKey(MNEMONIC, "", "bitcoin")) },
  litecoin: { key: Either.getOrThrow(accountPublicKey(MNEMONIC, "", "litecoin")), net: "regtest" as const },
  ethereum: { key: Either.getOrThrow(accountPublicKey(MNEMONIC, "", "ethereum")) },
  tron: { key: Either.getOrThrow(accountPublicKey(MNEMONIC, "", "tron")) }
}
export const TOP_UPS = Number(process.env["BENCH_TOP_UPS"] ?? 100_000)
const OPEN = 10
const CYCLE_SECONDS = 30

const shopOn = (file: string) =>
  ShopMemory({ chain: { ...ShopConfig.defaults.chain, assets: ["BTC", "LTC", "ETH", "USDT_ERC20", "USDC_ERC20", "USDT_TRC20", "SOL"] } }, {
    storage: SqliteStorage({ filename: file }),
    services: Layer.mergeAll(BroadcasterMemory, ApprovalRunner.inline, NotifierMemory, PaymentGatewayMemory(), WalletProcessorMemory(), AddressValidatorMemory, PriceSourceMemory(), HdAddressDeriver(keys))
  })

/** Addresses per second from one account public key, the way the shop derives them. */
const derivationRate = () => {
  const deriver = Either.getOrThrow(makeHdDeriver({ bitcoin: keys.bitcoin }))
  const n = 3000
  const start = performance.now()
  for (let i = 0; i < n; i++) Effect.runSync(deriver.derive("bitcoin", i))
  return n / ((performance.now() - start) / 1000)
}

/** Chain requests of one poll per source, for the buyers already in `file`. */
const requestsPerPoll = async (file: string, chains: { anvil: Awaited<ReturnType<typeof startAnvil>>; ltc: RegtestWallet; litecoind: Awaited<ReturnType<typeof startLitecoind>> }) => {
  const fakes = { esplora: new FakeEsplora(), tron: new FakeTronGrid(), solana: new FakeSolanaRpc() }
  await Promise.all(Object.values(fakes).map((f) => f.start()))
  const runtime = ManagedRuntime.make(Layer.merge(shopOn(file), FetchHttpClient.layer))
  try {
    return await runtime.runPromise(Effect.scoped(Effect.gen(function*() {
      const interval = `${CYCLE_SECONDS} seconds`
      const perAddress = [
        { name: "esplora", source: yield* makeEsploraSource({ name: "btc-esplora", baseUrl: fakes.esplora.url, network: "bitcoin", asset: "BTC", requestsPerSecond: 1000 }), sent: () => fakes.esplora.server.requests.length },
        { name: "trongrid", source: yield* makeTronGridSource({ name: "tron-trongrid", baseUrl: fakes.tron.url, usdtContract: fakes.tron.contract, requestsPerSecond: 1000 }), sent: () => fakes.tron.server.requests.length },
        { name: "solana", source: yield* makeSolanaSource({ name: "sol-rpc", rpcUrl: fakes.solana.url, requestsPerSecond: 1000 }), sent: () => fakes.solana.server.requests.length }
      ]
      const out: Record<string, number> = {}
      for (const { name, sent, source } of perAddress) {
        const scanner = yield* makeAddressScanner(source, { interval, passEvery: "24 hours" })
        yield* scanner.cycle // the first poll of the day starts the slow pass
        const before = sent()
        yield* scanner.cycle
        out[name] = sent() - before
      }
      const evm = yield* makeEvmSource({ name: "eth-rpc", rpcUrl: chains.anvil.url, native: true, tokens: [], requestsPerSecond: 1000 })
      const core = yield* makeCoreRpcSource({ name: "ltc-core", url: chains.litecoind.url, auth: { cookieFile: chains.litecoind.cookieFile }, network: "litecoin", asset: "LTC", mempool: true, requestsPerSecond: 1000 })
      for (const [name, source, mine] of [["anvil", evm, () => chains.anvil.mine(3)], ["core", core, () => chains.ltc.mine(3).then(() => undefined)]] as const) {
        const scanner = yield* makeBlockScanner(source, { startHeight: "tip" })
        yield* scanner.cycle
        yield* Effect.promise(mine)
        const before = source.sent()
        yield* scanner.cycle // three new blocks
        out[name] = source.sent() - before
      }
      return out
    }).pipe(Logger.withMinimumLogLevel(LogLevel.Error))))
  } finally {
    await runtime.dispose()
    await Promise.all(Object.values(fakes).map((f) => f.stop()))
  }
}

export const benchChain = async () => {
  const dir = mkdtempSync(join(tmpdir(), "tokenshop-bench-chain-"))
  const anvil = await startAnvil()
  const litecoind = await startLitecoind()
  const ltc = new RegtestWallet(litecoind)
  try {
    const rate = derivationRate()
    await ltc.mine(1)
    // The first Top up of TOP_UPS buyers: each picks BTC, so one address is derived and stored.
    const topUpFile = join(dir, "topups.db")
    const topUps = ManagedRuntime.make(shopOn(topUpFile))
    const topUpSeconds = await topUps.runPromise(Effect.gen(function*() {
      const users = yield* Users
      const addresses = yield* DepositAddresses
      const start = performance.now()
      for (let i = 1; i <= TOP_UPS; i++) {
        const user = (yield* users.register({ id: TelegramId.make(i), username: null, language: "en" })).id
        yield* addresses.open(user)
        yield* addresses.addressFor(user, "BTC")
      }
      return (performance.now() - start) / 1000
    }).pipe(Effect.withTracerEnabled(false)))
    await topUps.dispose()

    const polls: Array<Record<string, number>> = []
    for (const buyers of [1000, 100_000]) {
      const file = join(dir, `poll-${buyers}.db`)
      const seeding = ManagedRuntime.make(SqliteDatabase({ filename: file }))
      await seeding.runPromise(seedAddresses(1, buyers, OPEN, Date.now()))
      await seeding.dispose()
      polls.push(await requestsPerPoll(file, { anvil, litecoind, ltc }))
    }
    const passShare = (n: number) => Math.ceil(n / Math.floor((24 * 3600) / CYCLE_SECONDS))
    return { rate, topUpSeconds, polls, passShare: [passShare(1000), passShare(100_000)] }
  } finally {
    await anvil.stop()
    await litecoind.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
