import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { rate } from "../Conversion.js"
import type { Asset, FiatCurrency } from "../Currency.js"
import { ServiceUnavailable } from "../Errors.js"
import { PriceSource } from "../Prices.js"
import { now } from "../Time.js"

export const defaultPrices: Partial<Record<Asset, string>> = {
  BTC: "60000", LTC: "80", DOGE: "0.1", SOL: "150", ETH: "3000", BNB: "600", TRX: "0.12",
  USDT_TRC20: "1", USDT_ERC20: "1", USDC_ERC20: "1", USDT_BEP20: "1", USDC_BEP20: "1", USDT_SOL: "1", USDC_SOL: "1"
}

/** Fixed prices (whole coin in `fiat`), stamped with the current Clock time. */
export const PriceSourceMemory = (prices: Partial<Record<Asset, string>> = defaultPrices, fiat: FiatCurrency = "USD") =>
  Layer.succeed(PriceSource, PriceSource.of({
    rate: (asset, wanted) => {
      const price = prices[asset]
      return price === undefined || wanted !== fiat
        ? Effect.fail(new ServiceUnavailable({ service: "prices", detail: `no ${asset}/${wanted} price` }))
        : Effect.map(now, (at) => rate(asset, fiat, price, at))
    }
  }))
