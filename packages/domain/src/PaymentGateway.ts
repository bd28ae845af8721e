import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type { Asset } from "./Currency.js"
import type { InvalidInput, ServiceUnavailable } from "./Errors.js"
import type { TelegramId } from "./Ids.js"
import type { CryptoAmount, Money } from "./Money.js"
import type { PaymentRequest } from "./PaymentRequests.js"

/** What a gateway answers when asked for a top-up address. */
export interface Invoice {
  readonly provider: string
  readonly externalId: string | null
  readonly address: string
  readonly cryptoAmount: CryptoAmount | null
  /** null: the shop's paymentTtl applies. */
  readonly expiresAt: Date | null
  readonly secret: string | null
}

/** What a gateway reports about one payment, from a signed callback or when asked. */
export interface PaymentObservation {
  readonly paid: boolean
  /** The gateway's own deadline has passed. */
  readonly expired: boolean
  /** What was received, when the gateway says. */
  readonly amount: CryptoAmount | null
  /** What the received amount is worth in fiat, as the gateway valued it. */
  readonly fiat: Money | null
}

/** Issues deposit addresses or invoices: a payment processor, or the shop's own HD wallet. */
export class PaymentGateway extends Context.Tag("@tokenshop/domain/PaymentGateway")<PaymentGateway, {
  readonly assets: ReadonlyArray<Asset>
  /** Assets for which a fiat amount must be given (the gateway then fixes the crypto amount). */
  readonly fixedAmountAssets: ReadonlyArray<Asset>
  readonly open: (request: {
    readonly user: TelegramId
    readonly asset: Asset
    readonly fiatAmount: Money | null
  }) => Effect.Effect<Invoice, ServiceUnavailable | InvalidInput>
  /** Asks the gateway about a payment it issued. */
  readonly check: (payment: PaymentRequest) => Effect.Effect<PaymentObservation, ServiceUnavailable>
}>() {}

