/**
 * Self-custody deposits from the environment: account public keys, a source per chain, the
 * confirmation policy, minimums, windows, and the price feeds. A chain is taken when its key is set
 * (each source has a public default); a source or setting without its key, or a node URL without
 * credentials, stops the start with a message naming what is missing. docs/operations.md lists them.
 */
import { type Asset, type ConfirmationPolicy, decimalsOf, parseUnits } from "@tokenshop/domain"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import { CliFailure } from "./cli/Output.js"

export type ChainNet = "mainnet" | "testnet" | "regtest"
export type CoreAuth = { readonly user: string; readonly password: Redacted.Redacted<string> } | { readonly cookieFile: string }
export interface UtxoChain {
  readonly asset: "BTC" | "LTC"
  readonly key: string
  readonly net: ChainNet
  readonly source: { readonly kind: "esplora"; readonly url: string } | { readonly kind: "core"; readonly url: string; readonly auth: CoreAuth }
}
export interface Token { readonly contract: string; readonly decimals: number }
export interface ChainSetup {
  readonly bitcoin: UtxoChain | null
  readonly litecoin: UtxoChain | null
  readonly ethereum: {
    readonly key: string
    readonly rpcUrl: string
    readonly usdt: Token
    readonly usdc: Token
    /** ETH_INTERNAL_TRANSFERS=trace: ETH sent by contracts is found with the node's callTracer. */
    readonly internal: boolean
  } | null
  readonly tron: { readonly key: string; readonly url: string; readonly apiKey: Redacted.Redacted<string> | undefined; readonly usdtContract: string } | null
  /** Solana is taken when addresses were imported into its pool (checked at start). */
  readonly solana: { readonly rpcUrl: string; readonly explicit: boolean }
  readonly confirmations: Partial<Record<Asset, ConfirmationPolicy>>
  readonly minDeposit: Partial<Record<Asset, bigint>>
  readonly watchWindow: Duration.Duration
  readonly passEvery: Duration.Duration
  /** Overrides every chain's default poll interval when set. */
  readonly pollEvery: Duration.Duration | null
  readonly prices: {
    readonly feeds: ReadonlyArray<"kraken" | "coingecko" | "kryptoexpress"> | null
    readonly krakenUrl: string
    readonly coingeckoUrl: string
    readonly coingeckoKey: Redacted.Redacted<string> | undefined
  }
}

/** The assets a configured chain takes (Solana's is added at start when its pool has addresses). */
export const chainAssets = (setup: ChainSetup): ReadonlyArray<Asset> => [
  ...(setup.bitcoin === null ? [] : ["BTC" as const]),
  ...(setup.litecoin === null ? [] : ["LTC" as const]),
  ...(setup.ethereum === null ? [] : ["ETH" as const, "USDT_ERC20" as const, "USDC_ERC20" as const]),
  ...(setup.tron === null ? [] : ["USDT_TRC20" as const])
]

const url = (name: string) =>
  Config.string(name).pipe(Config.mapOrFail((u) =>
    /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(u) ? Either.right(u.replace(/\/+$/, "")) : Either.left(ConfigError.InvalidData([name], "must be an http(s) URL"))))
const optional = <A>(c: Config.Config<A>) => Config.option(c).pipe(Config.map(Option.getOrUndefined))
const net = (name: string) => Config.literal("mainnet", "testnet", "regtest")(name).pipe(Config.withDefault<ChainNet>("mainnet"))
const contract = (name: string, fallback: string) =>
  Config.string(name).pipe(Config.withDefault(fallback), Config.mapOrFail((c) =>
    /^0x[0-9a-fA-F]{40}$/.test(c) ? Either.right(c) : Either.left(ConfigError.InvalidData([name], "must be a 0x contract address"))))
const decimals = (name: string) =>
  Config.integer(name).pipe(Config.withDefault(6), Config.mapOrFail((d) =>
    d >= 0 && d <= 36 ? Either.right(d) : Either.left(ConfigError.InvalidData([name], "must be from 0 to 36"))))

const finalOk: ReadonlyArray<Asset> = ["ETH", "USDT_ERC20", "USDC_ERC20", "USDT_TRC20", "SOL"]
const policyAssets: ReadonlyArray<Asset> = ["BTC", "LTC", "ETH", "USDT_ERC20", "USDC_ERC20", "USDT_TRC20", "SOL"]

const confirmations = Config.all(policyAssets.map((asset) =>
  optional(Config.string(`CONFIRMATIONS_${asset}`)).pipe(Config.mapOrFail((text): Either.Either<readonly [Asset, ConfirmationPolicy | undefined], ConfigError.ConfigError> => {
    if (text === undefined) return Either.right([asset, undefined])
    const t = text.trim().toLowerCase()
    if (["final", "finalized", "solidified"].includes(t)) {
      return finalOk.includes(asset)
        ? Either.right([asset, "final"])
        : Either.left(ConfigError.InvalidData([`CONFIRMATIONS_${asset}`], `${asset} has no finality; give a number of confirmations`))
    }
    return /^\d{1,4}$/.test(t) && Number(t) >= 1
      ? Either.right([asset, Number(t)])
      : Either.left(ConfigError.InvalidData([`CONFIRMATIONS_${asset}`], "must be a number of confirmations from 1, or final"))
  })))).pipe(Config.map((pairs) => Object.fromEntries(pairs.filter(([, p]) => p !== undefined)) as Partial<Record<Asset, ConfirmationPolicy>>))

const minimums = Config.all(policyAssets.map((asset) =>
  optional(Config.string(`MIN_DEPOSIT_${asset}`)).pipe(Config.mapOrFail((text): Either.Either<readonly [Asset, bigint | undefined], ConfigError.ConfigError> => {
    if (text === undefined) return Either.right([asset, undefined])
    const units = parseUnits(text, decimalsOf(asset))
    return Either.isRight(units) && units.right > 0n
      ? Either.right([asset, units.right])
      : Either.left(ConfigError.InvalidData([`MIN_DEPOSIT_${asset}`], `must be a positive amount of ${asset} with at most ${decimalsOf(asset)} decimals`))
  })))).pipe(Config.map((pairs) => Object.fromEntries(pairs.filter(([, m]) => m !== undefined)) as Partial<Record<Asset, bigint>>))

const feeds = optional(Config.string("PRICE_FEEDS")).pipe(Config.mapOrFail((text) => {
  if (text === undefined) return Either.right(null)
  const out: Array<"kraken" | "coingecko" | "kryptoexpress"> = []
  for (const f of text.split(/[\s,]+/).filter((p) => p !== "")) {
    const name = f.toLowerCase()
    if (name !== "kraken" && name !== "coingecko" && name !== "kryptoexpress") {
      return Either.left(ConfigError.InvalidData(["PRICE_FEEDS"], `"${f}" is not a price feed (kraken, coingecko, kryptoexpress)`))
    }
    out.push(name)
  }
  return Either.right(out)
}))
const hours = (name: string, fallback: number) =>
  Config.integer(name).pipe(Config.withDefault(fallback), Config.mapOrFail((h) =>
    h >= 1 && h <= 24 * 30 ? Either.right(Duration.hours(h)) : Either.left(ConfigError.InvalidData([name], "must be from 1 to 720 hours"))))

const raw = Config.all({
  btc: Config.all({ key: optional(Config.string("BTC_XPUB")), net: net("BTC_NETWORK"), esplora: optional(url("BTC_ESPLORA_URL")), rpc: optional(url("BTC_RPC_URL")), user: optional(Config.string("BTC_RPC_USER")), password: optional(Config.redacted("BTC_RPC_PASSWORD")), cookie: optional(Config.string("BTC_RPC_COOKIE_FILE")) }),
  ltc: Config.all({ key: optional(Config.string("LTC_XPUB")), net: net("LTC_NETWORK"), esplora: optional(url("LTC_ESPLORA_URL")), rpc: optional(url("LTC_RPC_URL")), user: optional(Config.string("LTC_RPC_USER")), password: optional(Config.redacted("LTC_RPC_PASSWORD")), cookie: optional(Config.string("LTC_RPC_COOKIE_FILE")) }),
  eth: Config.all({
    key: optional(Config.string("ETH_XPUB")), rpc: optional(url("ETH_RPC_URL")),
    usdt: contract("ETH_USDT_CONTRACT", "0xdAC17F958D2ee523a2206206994597C13D831ec7"), usdtDecimals: decimals("ETH_USDT_DECIMALS"),
    usdc: contract("ETH_USDC_CONTRACT", "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"), usdcDecimals: decimals("ETH_USDC_DECIMALS"),
    internal: Config.literal("off", "trace")("ETH_INTERNAL_TRANSFERS").pipe(Config.withDefault("off" as const))
  }),
  tron: Config.all({ key: optional(Config.string("TRON_XPUB")), url: optional(url("TRONGRID_URL")), apiKey: optional(Config.redacted("TRONGRID_API_KEY")), usdt: Config.string("TRON_USDT_CONTRACT").pipe(Config.withDefault("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")) }),
  sol: optional(url("SOL_RPC_URL")),
  confirmations,
  minimums,
  watchWindow: hours("DEPOSIT_WINDOW_HOURS", 24),
  passEvery: hours("FULL_SCAN_HOURS", 24),
  poll: optional(Config.integer("CHAIN_POLL_SECONDS").pipe(Config.mapOrFail((s) =>
    s >= 1 && s <= 3600 ? Either.right(Duration.seconds(s)) : Either.left(ConfigError.InvalidData(["CHAIN_POLL_SECONDS"], "must be from 1 to 3600"))))),
  feeds,
  kraken: url("KRAKEN_API_URL").pipe(Config.withDefault("https://api.kraken.com")),
  coingecko: url("COINGECKO_API_URL").pipe(Config.withDefault("https://api.coingecko.com/api/v3")),
  coingeckoKey: optional(Config.redacted("COINGECKO_API_KEY"))
})

const missing = (what: string) => Effect.fail(new CliFailure(what, 2))

type RawUtxo = Config.Config.Success<typeof raw>["btc"]
const utxo = (prefix: "BTC" | "LTC", r: RawUtxo, defaultEsplora: string) =>
  Effect.gen(function*() {
    if (r.key === undefined) {
      const set = [r.esplora && `${prefix}_ESPLORA_URL`, r.rpc && `${prefix}_RPC_URL`].filter(Boolean)
      if (set.length > 0) return yield* missing(`${prefix}_XPUB is missing: ${set.join(" and ")} is set, but ${prefix} deposits need the account public key (tokenshop wallet xpub --chain ${prefix.toLowerCase()})`)
      return null
    }
    if (r.rpc !== undefined && r.esplora !== undefined) return yield* missing(`set either ${prefix}_RPC_URL or ${prefix}_ESPLORA_URL, not both`)
    if (r.rpc !== undefined) {
      const auth: CoreAuth | null = r.cookie !== undefined ? { cookieFile: r.cookie } : r.user !== undefined && r.password !== undefined ? { user: r.user, password: r.password } : null
      if (auth === null) return yield* missing(`${prefix}_RPC_URL needs ${prefix}_RPC_USER and ${prefix}_RPC_PASSWORD, or ${prefix}_RPC_COOKIE_FILE`)
      return { asset: prefix, key: r.key, net: r.net, source: { kind: "core", url: r.rpc, auth } } satisfies UtxoChain
    }
    return { asset: prefix, key: r.key, net: r.net, source: { kind: "esplora", url: r.esplora ?? defaultEsplora } } satisfies UtxoChain
  })

/** Reads and checks the self-custody settings. */
export const chainConfig: Effect.Effect<ChainSetup, ConfigError.ConfigError | CliFailure> = Effect.gen(function*() {
  const r = yield* raw
  const bitcoin = yield* utxo("BTC", r.btc, "https://mempool.space/api")
  const litecoin = yield* utxo("LTC", r.ltc, "https://litecoinspace.org/api")
  if (r.eth.key === undefined && r.eth.rpc !== undefined) return yield* missing("ETH_XPUB is missing: ETH_RPC_URL is set, but Ethereum deposits need the account public key (tokenshop wallet xpub --chain eth)")
  if (r.tron.key === undefined && r.tron.url !== undefined) return yield* missing("TRON_XPUB is missing: TRONGRID_URL is set, but USDT (TRC20) deposits need the account public key (tokenshop wallet xpub --chain tron)")
  return {
    bitcoin,
    litecoin,
    ethereum: r.eth.key === undefined ? null : {
      key: r.eth.key, rpcUrl: r.eth.rpc ?? "https://ethereum-rpc.publicnode.com",
      usdt: { contract: r.eth.usdt, decimals: r.eth.usdtDecimals }, usdc: { contract: r.eth.usdc, decimals: r.eth.usdcDecimals },
      internal: r.eth.internal === "trace"
    },
    tron: r.tron.key === undefined ? null : { key: r.tron.key, url: r.tron.url ?? "https://api.trongrid.io", apiKey: r.tron.apiKey, usdtContract: r.tron.usdt },
    solana: { rpcUrl: r.sol ?? "https://api.mainnet-beta.solana.com", explicit: r.sol !== undefined },
    confirmations: r.confirmations,
    minDeposit: r.minimums,
    watchWindow: r.watchWindow,
    passEvery: r.passEvery,
    pollEvery: r.poll ?? null,
    prices: { feeds: r.feeds, krakenUrl: r.kraken, coingeckoUrl: r.coingecko, coingeckoKey: r.coingeckoKey }
  }
})
