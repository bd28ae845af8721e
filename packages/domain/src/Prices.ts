import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type { Rate } from "./Conversion.js"
import type { Asset, FiatCurrency } from "./Currency.js"
import type { ServiceUnavailable } from "./Errors.js"

/** Current prices, e.g. from the payment processor; adapters may cache briefly. */
export class PriceSource extends Context.Tag("@tokenshop/domain/PriceSource")<PriceSource, {
  readonly rate: (asset: Asset, fiat: FiatCurrency) => Effect.Effect<Rate, ServiceUnavailable>
}>() {}
