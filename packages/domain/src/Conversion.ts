/**
 * Crypto <-> fiat conversion at a recorded rate.
 *
 * Rounding rule (the only one): the result is computed exactly, as a fraction of two bigints,
 * and rounded once, half to even, to the target's smallest unit (a cent, a satoshi, a wei).
 */
import * as BigDecimal from "effect/BigDecimal"
import * as Schema from "effect/Schema"
import { Asset, type FiatCurrency, FiatCurrency as FiatSchema } from "./Currency.js"
import { crypto, type CryptoAmount, decimalsOf, digitsOf, money, type Money } from "./Money.js"

/** The price of one whole coin of `asset` in `fiat` major units, e.g. 1 BTC = 88230.15 USD. */
export const Rate = Schema.Struct({
  asset: Asset,
  fiat: FiatSchema,
  price: Schema.BigDecimalFromSelf,
  /** When the price was observed; statistics use recorded values, never today's price. */
  at: Schema.DateFromSelf
})
export type Rate = typeof Rate.Type

export const rate = (asset: Asset, fiat: FiatCurrency, price: BigDecimal.BigDecimal | string, at: Date): Rate => ({
  asset,
  fiat,
  price: typeof price === "string" ? BigDecimal.unsafeFromString(price) : price,
  at
})

/** n / d rounded half to even; d > 0. */
export const divideHalfEven = (n: bigint, d: bigint): bigint => {
  if (d <= 0n) throw new RangeError("divisor must be positive")
  const negative = n < 0n
  const abs = negative ? -n : n
  let q = abs / d
  const r = abs % d
  const twice = r * 2n
  if (twice > d || (twice === d && q % 2n === 1n)) q += 1n
  return negative ? -q : q
}

const pow10 = (n: number): bigint => 10n ** BigInt(n)

/** Price as an exact fraction: value / 10^scale (scale may be negative after normalization). */
const priceFraction = (price: BigDecimal.BigDecimal): { num: bigint; den: bigint } => {
  const p = BigDecimal.normalize(price)
  return p.scale >= 0 ? { num: p.value, den: pow10(p.scale) } : { num: p.value * pow10(-p.scale), den: 1n }
}

/** What `amount` is worth in the rate's fiat currency. */
export const toFiat = (amount: CryptoAmount, r: Rate): Money => {
  if (amount.asset !== r.asset) throw new Error(`rate is for ${r.asset}, amount is ${amount.asset}`)
  const { num, den } = priceFraction(r.price)
  const n = amount.units * num * pow10(digitsOf(r.fiat))
  const d = den * pow10(decimalsOf(r.asset))
  return money(divideHalfEven(n, d), r.fiat)
}

/** How much of the rate's asset buys `amount`. */
export const toCrypto = (amount: Money, r: Rate): CryptoAmount => {
  if (amount.currency !== r.fiat) throw new Error(`rate is in ${r.fiat}, amount is ${amount.currency}`)
  const { num, den } = priceFraction(r.price)
  if (num <= 0n) throw new RangeError("price must be positive")
  const n = amount.amount * den * pow10(decimalsOf(r.asset))
  const d = num * pow10(digitsOf(amount.currency))
  return crypto(divideHalfEven(n, d), r.asset)
}

/** The price implied by a quoted pair (fiat paid for crypto received), to 12 decimals, half to even. */
export const impliedRate = (fiat: Money, amount: CryptoAmount, at: Date): Rate => {
  if (amount.units <= 0n) throw new RangeError("crypto amount must be positive")
  const scale = 12
  const n = fiat.amount * pow10(decimalsOf(amount.asset)) * pow10(scale)
  const d = amount.units * pow10(digitsOf(fiat.currency))
  return rate(amount.asset, fiat.currency, BigDecimal.normalize(BigDecimal.make(divideHalfEven(n, d), scale)), at)
}
