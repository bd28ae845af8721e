import * as Schema from "effect/Schema"

/** Fiat currencies with their ISO 4217 minor-unit digits. */
export const fiatDigits = {
  USD: 2, EUR: 2, GBP: 2, JPY: 0, CHF: 2, AUD: 2, CAD: 2, CNY: 2, HKD: 2, SGD: 2, NZD: 2,
  SEK: 2, NOK: 2, DKK: 2, PLN: 2, CZK: 2, HUF: 2, RON: 2, BGN: 2, TRY: 2, ILS: 2, AED: 2,
  SAR: 2, INR: 2, IDR: 2, THB: 2, PHP: 2, MYR: 2, VND: 0, KRW: 0, TWD: 2, BRL: 2, MXN: 2,
  ARS: 2, CLP: 0, COP: 2, PEN: 2, ZAR: 2, NGN: 2, EGP: 2, UAH: 2, RUB: 2, KZT: 2, GEL: 2,
  UZS: 2, ISK: 0
} as const satisfies Record<string, number>

export type FiatCurrency = keyof typeof fiatDigits
export const FiatCurrency = Schema.Literal(...(Object.keys(fiatDigits) as Array<FiatCurrency>))

/** Where an asset lives; decides address formats and explorers. */
export type Network = "bitcoin" | "litecoin" | "dogecoin" | "solana" | "ethereum" | "bsc" | "tron"

export interface AssetInfo {
  /** Base-unit digits: 1 BTC = 10^8 satoshi. */
  readonly decimals: number
  readonly network: Network
  /** The symbol shown to people, e.g. "USDT" for USDT_ERC20. */
  readonly symbol: string
  readonly stablecoin: boolean
}

/** Crypto assets, each in its own base units. */
export const assets = {
  BTC: { decimals: 8, network: "bitcoin", symbol: "BTC", stablecoin: false },
  LTC: { decimals: 8, network: "litecoin", symbol: "LTC", stablecoin: false },
  DOGE: { decimals: 8, network: "dogecoin", symbol: "DOGE", stablecoin: false },
  SOL: { decimals: 9, network: "solana", symbol: "SOL", stablecoin: false },
  ETH: { decimals: 18, network: "ethereum", symbol: "ETH", stablecoin: false },
  BNB: { decimals: 18, network: "bsc", symbol: "BNB", stablecoin: false },
  TRX: { decimals: 6, network: "tron", symbol: "TRX", stablecoin: false },
  USDT_TRC20: { decimals: 6, network: "tron", symbol: "USDT", stablecoin: true },
  USDT_ERC20: { decimals: 6, network: "ethereum", symbol: "USDT", stablecoin: true },
  USDC_ERC20: { decimals: 6, network: "ethereum", symbol: "USDC", stablecoin: true },
  USDT_BEP20: { decimals: 18, network: "bsc", symbol: "USDT", stablecoin: true },
  USDC_BEP20: { decimals: 18, network: "bsc", symbol: "USDC", stablecoin: true },
  USDT_SOL: { decimals: 6, network: "solana", symbol: "USDT", stablecoin: true },
  USDC_SOL: { decimals: 6, network: "solana", symbol: "USDC", stablecoin: true }
} as const satisfies Record<string, AssetInfo>

export type Asset = keyof typeof assets
export const Asset = Schema.Literal(...(Object.keys(assets) as Array<Asset>))

export const assetInfo = (asset: Asset): AssetInfo => assets[asset]
export const allAssets: ReadonlyArray<Asset> = Object.keys(assets) as Array<Asset>
export const allFiatCurrencies: ReadonlyArray<FiatCurrency> = Object.keys(fiatDigits) as Array<FiatCurrency>
