/**
 * Self-custody deposits in the running shop: the address deriver over the configured account keys,
 * the price feeds, and one watcher per configured chain, each a Singleton of @effect/cluster on its
 * SingleRunner with SQL storage, so that it runs exactly once (and, later, once across processes on
 * PostgreSQL). Watchers resume from their cursors in the shop's own tables.
 */
import { singleton } from "./runtime/RunningWork.js"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import {
  evmChainLookup, makeAddressScanner, makeBlockScanner, makeCoinGeckoPrices, makeCoreRpcSource, makeEsploraSource, makeEvmSource,
  makeKrakenPrices, makeSolanaSource, makeTronGridSource, runWatcher
} from "@tokenshop/adapters-chain"
import {
  agreeingPrices, type Asset, ChainDeposits, ChainLookup, type ChainSettings, DepositAddressRepo, type NamedPriceSource, PriceSource
} from "@tokenshop/domain"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schedule from "effect/Schedule"
import { type ChainSetup, chainAssets, type UtxoChain } from "./ChainConfig.js"
import { CliFailure } from "./cli/Output.js"


/**
 * The chain settings of the shop. Solana is taken once addresses were imported into its pool; a
 * SOL_RPC_URL without any is a half-configured chain.
 */
export const chainSettings = (setup: ChainSetup) =>
  Effect.gen(function*() {
    const repo = yield* DepositAddressRepo
    const solana = (yield* repo.poolLeft("solana")) + (yield* repo.count("solana")) > 0
    if (setup.solana.explicit && !solana) {
      return yield* Effect.fail(new CliFailure(
        "SOL_RPC_URL is set but no Solana deposit address was imported: make them offline with tokenshop wallet sol-pool, then run tokenshop wallet import-sol-pool FILE",
        2
      ))
    }
    const assets: ReadonlyArray<Asset> = [...chainAssets(setup), ...(solana ? ["SOL" as const] : [])]
    const directOnly: ReadonlyArray<Asset> = setup.ethereum !== null && !setup.ethereum.internal ? ["ETH"] : []
    return {
      assets, confirmations: setup.confirmations, minDeposit: setup.minDeposit, watchWindow: setup.watchWindow, poolWarning: 100, directOnly
    } satisfies ChainSettings
  })

/** Which price feeds to ask: PRICE_FEEDS, else Kraken and CoinGecko with chains, else the processor's prices. */
export const feedNames = (setup: ChainSetup, processor: boolean, chains: boolean) => {
  const feeds = setup.prices.feeds ?? (chains ? ["kraken", "coingecko"] as const : processor ? ["kryptoexpress"] as const : [])
  if (feeds.includes("kryptoexpress") && !processor) return Effect.fail(new CliFailure("PRICE_FEEDS names kryptoexpress, but KRYPTOEXPRESS_API_KEY is not set", 2))
  return Effect.succeed(feeds)
}

/** One PriceSource over the chosen feeds: fresh answers only, and all of them within 2 % of each other. */
export const pricesLayer = (setup: ChainSetup, feeds: ReadonlyArray<"kraken" | "coingecko" | "kryptoexpress">) =>
  Layer.scoped(PriceSource, Effect.gen(function*() {
    const processor = yield* PriceSource
    const sources: Array<NamedPriceSource> = []
    for (const feed of feeds) {
      if (feed === "kraken") sources.push(yield* makeKrakenPrices({ baseUrl: setup.prices.krakenUrl }))
      else if (feed === "coingecko") sources.push(yield* makeCoinGeckoPrices({ baseUrl: setup.prices.coingeckoUrl, apiKey: setup.prices.coingeckoKey }))
      else sources.push({ name: "kryptoexpress", rate: processor.rate })
    }
    return agreeingPrices(sources)
  })).pipe(Layer.provide(FetchHttpClient.layer))

/** The Ethereum source of the configured node, or null without Ethereum. */
const evmSource = (setup: ChainSetup, final = false) => {
  const e = setup.ethereum
  return e === null ? null : makeEvmSource({
    name: "eth-rpc", rpcUrl: e.rpcUrl, native: true, finality: final ? "finalized" : null, internal: e.internal,
    tokens: [{ asset: "USDT_ERC20", ...e.usdt }, { asset: "USDC_ERC20", ...e.usdc }]
  })
}

/**
 * Transactions read on demand (an admin's credit by hash), over the configured Ethereum node: the
 * optional ChainLookup port, left out without Ethereum. Finality does not matter for a lookup's
 * confirmations (the confirmation policy decides), so the source counts blocks only.
 */
export const chainLookupLayer = (setup: ChainSetup): Layer.Layer<never> | Layer.Layer<ChainLookup> => {
  const source = evmSource(setup)
  return source === null ? Layer.empty : Layer.scoped(ChainLookup, Effect.map(source, evmChainLookup)).pipe(Layer.provide(FetchHttpClient.layer))
}

const every = (setup: ChainSetup, fallback: Duration.DurationInput) => setup.pollEvery ?? Duration.decode(fallback)

const utxoWatcher = (setup: ChainSetup, c: UtxoChain, network: "bitcoin" | "litecoin") => {
  const prefix = c.asset.toLowerCase()
  if (c.source.kind === "esplora") {
    const name = `${prefix}-esplora`
    const interval = every(setup, c.asset === "BTC" ? "60 seconds" : "30 seconds")
    const source = makeEsploraSource({ name, baseUrl: c.source.url, network, asset: c.asset })
    return { name, loop: Effect.flatMap(source, (s) => makeAddressScanner(s, { interval, passEvery: setup.passEvery })), interval }
  }
  const name = `${prefix}-core`
  const interval = every(setup, "30 seconds")
  const source = makeCoreRpcSource({ name, url: c.source.url, auth: c.source.auth, network, asset: c.asset, mempool: true })
  return { name, loop: Effect.flatMap(source, (s) => makeBlockScanner(s)), interval }
}

/** Every configured chain's watcher, as (name, how to build its cycle, poll interval). */
const watchers = (setup: ChainSetup, settings: ChainSettings) => {
  const out = []
  if (setup.bitcoin !== null) out.push(utxoWatcher(setup, setup.bitcoin, "bitcoin"))
  if (setup.litecoin !== null) out.push(utxoWatcher(setup, setup.litecoin, "litecoin"))
  if (setup.ethereum !== null) {
    const final = (["ETH", "USDT_ERC20", "USDC_ERC20"] as const).some((a) => settings.confirmations[a] === "final")
    const source = evmSource(setup, final)!
    out.push({ name: "eth-rpc", loop: Effect.flatMap(source, (s) => makeBlockScanner(s)), interval: every(setup, "12 seconds") })
  }
  if (setup.tron !== null) {
    const t = setup.tron
    const interval = every(setup, "15 seconds")
    const source = makeTronGridSource({ name: "tron-trongrid", baseUrl: t.url, apiKey: t.apiKey, usdtContract: t.usdtContract })
    out.push({ name: "tron-trongrid", loop: Effect.flatMap(source, (s) => makeAddressScanner(s, { interval, passEvery: setup.passEvery })), interval })
  }
  if (settings.assets.includes("SOL")) {
    const interval = every(setup, "15 seconds")
    const source = makeSolanaSource({ name: "sol-rpc", rpcUrl: setup.solana.rpcUrl })
    out.push({ name: "sol-rpc", loop: Effect.flatMap(source, (s) => makeAddressScanner(s, { interval, passEvery: setup.passEvery })), interval })
  }
  return out
}

/** Credits the deposits that waited for a price, every minute. */
const priceRetry = Effect.gen(function*() {
  const chain = yield* ChainDeposits
  return yield* chain.retryWaiting.pipe(
    Effect.catchAllCause((cause) => Effect.logWarning("retrying deposits that wait for a price failed", cause)),
    Effect.repeat(Schedule.spaced("1 minute")),
    Effect.zipRight(Effect.never)
  )
})

/** The watchers as cluster singletons on the shop's runner (ClusterRunner), whose state lives in the shop's database. */
export const watchersLayer = (setup: ChainSetup, settings: ChainSettings) => {
  const all = watchers(setup, settings)
  if (all.length === 0) return Layer.empty
  const singletons = all.map(({ interval, loop, name }) =>
    singleton(`watcher/${name}`, Effect.flatMap(loop, (scanner) => runWatcher({ name, interval, cycle: scanner.cycle }))))
  return Layer.mergeAll(singleton("deposits/price-retry", priceRetry), ...singletons).pipe(
    Layer.provide(FetchHttpClient.layer)
  )
}
