import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Layer from "effect/Layer"
import { type Asset, type FiatCurrency, fiatDigits } from "./Currency.js"
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
  /**
   * Assets whose watcher sees only payments made directly by a transaction, not those a contract
   * makes inside one (ETH from a Safe or an exchange's batch payout, without tracing): the buyer is
   * told so, and an admin credits such a payment by its transaction's hash (ChainCredits).
   */
  readonly directOnly?: ReadonlyArray<Asset> | undefined
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
  /**
   * How far short of a quoted invoice a payment may fall and still count as paid in full, in basis
   * points (100 = 1 %; default 0). Beyond it, what arrived is credited and the buyer and admins are told.
   */
  readonly paymentToleranceBp?: number | undefined
  /** The smallest and largest fixed top-up, in minor units of the shop's currency (default: `defaultTopUpLimits`). */
  readonly topUpLimits?: { readonly min: bigint; readonly max: bigint } | undefined
  /** How long a checkout confirmation stays valid. */
  readonly confirmTtl: Duration.Duration
  readonly chain: ChainSettings
  /** What stops one admin account from draining the wallet (default: `withdrawalGuard`). */
  readonly withdrawals?: Partial<WithdrawalGuard> | undefined
}

/** The checks every withdrawal passes before anything is sent (forwarding, set in the configuration, excepted). */
export interface WithdrawalGuard {
  /** How long after an admin adds an address to the address book it can be used; zero: at once. */
  readonly addressDelay: Duration.Duration
  /**
   * A withdrawal worth this much or more (minor units of the shop's currency; one whose value is
   * unknown counts as more) waits for a second admin's approval; null: never.
   */
  readonly approvalAbove: bigint | null
  /**
   * A rolling 24-hour total (minor units of the shop's currency): a withdrawal that, added to what the
   * admins' withdrawals of the last 24 hours are worth, reaches this much or more waits for a second
   * admin's approval too, however small alone; null: never. Default: `approvalAbove`. See
   * `internal/withdrawalDaily.ts` for what counts.
   */
  readonly approvalDaily: bigint | null
  /** How long a withdrawal waits for that approval before it expires, sending nothing. */
  readonly approvalTtl: Duration.Duration
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

/**
 * A fixed top-up's default range: about 5 US dollars up to 200,000 times that, in each currency's own
 * minor units (5 USD, 500 JPY, 5,000 KRW), so that a currency with small units gets a sensible floor.
 */
const majorMinimum: Partial<Record<FiatCurrency, bigint>> = {
  JPY: 500n, KRW: 5_000n, VND: 100_000n, IDR: 50_000n, CLP: 5_000n, ISK: 500n, HUF: 2_000n, UZS: 50_000n,
  INR: 300n, PHP: 250n, THB: 150n, TWD: 150n, RUB: 300n, KZT: 2_500n, NGN: 5_000n, ARS: 5_000n, COP: 20_000n,
  UAH: 200n, EGP: 200n, TRY: 150n, CZK: 100n, MXN: 100n, ZAR: 100n, SEK: 50n, NOK: 50n, DKK: 50n, HKD: 40n, CNY: 35n
}

/**
 * The guard in force: 24 hours before a new address can be used, and a second admin's approval from
 * about 100 US dollars (20 times the top-up floor's currency unit above) when the shop has two admins or
 * more (with one, nobody could approve), for 24 hours; the daily total is the single threshold unless
 * set apart. Configured values win.
 */
export const withdrawalGuard = (settings: ShopSettings): WithdrawalGuard => {
  const scale = 10n ** BigInt(fiatDigits[settings.currency])
  const configured = settings.withdrawals ?? {}
  const approvalAbove = configured.approvalAbove !== undefined
    ? configured.approvalAbove
    : settings.admins.size >= 2 ? (majorMinimum[settings.currency] ?? 5n) * 20n * scale : null
  return {
    addressDelay: configured.addressDelay ?? Duration.hours(24),
    approvalAbove,
    approvalDaily: configured.approvalDaily !== undefined ? configured.approvalDaily : approvalAbove,
    approvalTtl: configured.approvalTtl ?? Duration.hours(24)
  }
}

/** The range a fixed top-up must fall in, in minor units: `min` ≤ amount ≤ `max`. */
export const topUpLimits = (settings: ShopSettings): { readonly min: bigint; readonly max: bigint } => {
  if (settings.topUpLimits !== undefined) return settings.topUpLimits
  const scale = 10n ** BigInt(fiatDigits[settings.currency])
  const min = (majorMinimum[settings.currency] ?? 5n) * scale
  return { min, max: min * 200_000n }
}
