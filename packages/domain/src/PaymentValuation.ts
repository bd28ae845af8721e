/**
 * What a paid processor report is worth to the buyer, decided once and from what actually arrived.
 *
 * An invoice with a quoted price (a fiat amount and the crypto amount the processor asked for it) is
 * valued at that quoted rate: received base units × asked fiat ÷ asked units, rounded down to the
 * shop currency's minor unit once. Paying more credits the surplus in full; paying less credits what
 * arrived (and says so), unless the shortfall is within the shop's payment tolerance, which counts as
 * paid in full, as BTCPay Server's "payment tolerance" does. An open-amount deposit is valued by the
 * processor's own fiat figure. A report in another asset or currency, or naming no amount, is not
 * credited here: it goes to the admins.
 */
import * as Either from "effect/Either"
import type { FiatCurrency } from "./Currency.js"
import { type CryptoAmount, money, type Money } from "./Money.js"
import type { PaymentObservation } from "./PaymentGateway.js"
import type { PaymentRequest } from "./PaymentRequests.js"

/** Basis points: 100 = 1 %. */
export const MAX_TOLERANCE_BP = 10_000

export interface PaymentValue {
  readonly amount: CryptoAmount
  /** What is credited, in the shop's currency. */
  readonly fiat: Money
  /** Set when less than the invoice asked arrived (beyond the tolerance): what had been asked. */
  readonly short: Money | null
}

/** Values a paid report for `payment`, or says why it cannot be credited automatically. Pure. */
export const valuePayment = (
  payment: PaymentRequest,
  o: PaymentObservation,
  currency: FiatCurrency,
  toleranceBp: number
): Either.Either<PaymentValue, string> => {
  const { amount } = o
  if (amount === null) return Either.left("the report names no received amount")
  if (amount.asset !== payment.asset) return Either.left(`paid in ${amount.asset}, asked for ${payment.asset}`)
  if (amount.units <= 0n) return Either.left("the received amount is not positive")
  const asked = payment.cryptoAmount
  const price = payment.fiatAmount
  if (asked !== null && price !== null && asked.units > 0n) {
    if (price.currency !== currency) return Either.left(`asked in ${price.currency}, the shop keeps ${currency}`)
    const atQuote = money((amount.units * price.amount) / asked.units, currency)
    if (amount.units >= asked.units) return Either.right({ amount, fiat: atQuote, short: null })
    const tolerance = BigInt(Math.min(MAX_TOLERANCE_BP, Math.max(0, Math.trunc(toleranceBp))))
    const withinTolerance = amount.units * BigInt(MAX_TOLERANCE_BP) >= asked.units * (BigInt(MAX_TOLERANCE_BP) - tolerance)
    return Either.right(withinTolerance ? { amount, fiat: price, short: null } : { amount, fiat: atQuote, short: price })
  }
  const { fiat } = o
  if (fiat === null) return Either.left("the report names no value for an open-amount deposit")
  if (fiat.currency !== currency) return Either.left(`valued in ${fiat.currency}, the shop keeps ${currency}`)
  return Either.right({ amount, fiat, short: null })
}
