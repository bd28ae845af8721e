import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Layer from "effect/Layer"
import type { Asset, FiatCurrency } from "./Currency.js"
import type { TelegramId } from "./Ids.js"

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
}

export class ShopConfig extends Context.Tag("@tokenshop/domain/ShopConfig")<ShopConfig, ShopSettings>() {
  static readonly defaults: ShopSettings = {
    currency: "USD",
    admins: new Set(),
    maxPendingPayments: 5,
    paymentTtl: Duration.hours(1),
    maxLineQuantity: 1000,
    forwarding: {}
  }
  static readonly layer = (settings: Partial<ShopSettings> = {}) =>
    Layer.succeed(ShopConfig, { ...ShopConfig.defaults, ...settings })
}
