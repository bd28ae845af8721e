import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Layer from "effect/Layer"
import type { Asset, FiatCurrency } from "./Currency.js"
import type { TelegramId } from "./Ids.js"

/**
 * When a deposit seen on chain counts: after this many confirmations (the block that holds it is 1),
 * or once the chain itself calls it final ("final": Ethereum's finalized block, TRON's solidified
 * block, Solana's finalized commitment).
 */
export type ConfirmationPolicy = number | "final"

/** Deposits to the buyers' own addresses (self-custody). */
export interface ChainSettings {
  /** The assets taken on the buyers' own addresses; empty when no chain is configured. */
  readonly assets: ReadonlyArray<Asset>
  /** Per asset; `defaultConfirmations` for an asset not named. */
  readonly confirmations: Partial<Record<Asset, ConfirmationPolicy>>
  /** Smallest deposit credited, in the asset's base units; smaller ones are recorded and shown, not credited. */
  readonly minDeposit: Partial<Record<Asset, bigint>>
  /** How long after a buyer last opened Top up their addresses are asked about closely. */
  readonly watchWindow: Duration.Duration
  /** Fewer unassigned addresses than this in an imported pool (Solana) are reported to the admins. */
  readonly poolWarning: number
}

export const defaultConfirmations: Readonly<Partial<Record<Asset, ConfirmationPolicy>>> = {
  BTC: 2, LTC: 6, ETH: 12, USDT_ERC20: 12, USDC_ERC20: 12, USDT_TRC20: 20, TRX: 20, SOL: "final"
}

/**
 * Smallest deposits credited by default, in base units, so that dust is never credited as nothing:
 * 0.0001 BTC, 0.001 LTC, 0.002 ETH, 0.01 SOL, 1 USDT or USDC.
 */
export const defaultMinDeposit: Readonly<Partial<Record<Asset, bigint>>> = {
  BTC: 10_000n, LTC: 100_000n, ETH: 2_000_000_000_000_000n, SOL: 10_000_000n,
  USDT_ERC20: 1_000_000n, USDC_ERC20: 1_000_000n, USDT_TRC20: 1_000_000n
}

/** The policy for `asset`: configured, else its default, else 12 confirmations. */
export const confirmationsFor = (settings: ChainSettings, asset: Asset): ConfirmationPolicy =>
  settings.confirmations[asset] ?? defaultConfirmations[asset] ?? 12

/** The shop owner's settings that the rules depend on. */
export interface ShopSettings {
  /** Prices, balances and the ledger are kept in this currency. */
  readonly currency: FiatCurrency
  /** Telegram ids allowed to use admin operations. */
  readonly admins: ReadonlySet<TelegramId>
  /** Top-ups a user may have pending at once; the next one is refused. */
  readonly maxPendingPayments: number
  /** How long a top-up request stays open when the payment service names no expiry. */
  readonly paymentTtl: Duration.Duration
  /** The largest quantity of one subcategory a cart line may hold. */
  readonly maxLineQuantity: number
  /** Where credited payments of an asset are sent on at once (the processor's forwarding), by asset. */
  readonly forwarding: Partial<Record<Asset, string>>
  /** How long a checkout confirmation stays valid. */
  readonly confirmTtl: Duration.Duration
  readonly chain: ChainSettings
}

export class ShopConfig extends Context.Tag("@tokenshop/domain/ShopConfig")<ShopConfig, ShopSettings>() {
  static readonly defaults: ShopSettings = {
    currency: "USD",
    admins: new Set(),
    maxPendingPayments: 5,
    paymentTtl: Duration.hours(1),
    maxLineQuantity: 1000,
    forwarding: {},
    confirmTtl: Duration.minutes(10),
    chain: { assets: [], confirmations: {}, minDeposit: {}, watchWindow: Duration.hours(24), poolWarning: 100 }
  }
  static readonly layer = (settings: Partial<ShopSettings> = {}) =>
    Layer.succeed(ShopConfig, { ...ShopConfig.defaults, ...settings })
}
