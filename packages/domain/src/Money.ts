/**
 * Amounts are bigint counts of the smallest unit: cents for USD, yen for JPY, satoshi for BTC,
 * wei for ETH. A JS number never holds an amount.
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { type Asset, assets, Asset as AssetSchema, FiatCurrency, fiatDigits } from "./Currency.js"
import { InvalidAmount } from "./Errors.js"

/** A fiat amount in minor units, tagged with its currency. */
export const Money = Schema.Struct({ amount: Schema.BigIntFromSelf, currency: FiatCurrency })
export type Money = typeof Money.Type
/** A non-negative amount in base units, written plainly in decimal: no sign, hex, exponent, space or leading zero. */
const AmountText = Schema.String.pipe(Schema.pattern(/^(0|[1-9]\d{0,77})$/))
/** Wire and storage form: the amount as a decimal-integer string. */
export const MoneyFromJson = Schema.Struct({ amount: Schema.compose(AmountText, Schema.BigInt), currency: FiatCurrency })

/** A crypto amount in the asset's base units. */
export const CryptoAmount = Schema.Struct({ units: Schema.BigIntFromSelf, asset: AssetSchema })
export type CryptoAmount = typeof CryptoAmount.Type
export const CryptoAmountFromJson = Schema.Struct({ units: Schema.BigInt, asset: AssetSchema })

export const money = (amount: bigint, currency: FiatCurrency): Money => ({ amount, currency })
export const crypto = (units: bigint, asset: Asset): CryptoAmount => ({ units, asset })
export const zeroMoney = (currency: FiatCurrency): Money => money(0n, currency)

export const digitsOf = (currency: FiatCurrency): number => fiatDigits[currency]
export const decimalsOf = (asset: Asset): number => assets[asset].decimals

const sameCurrency = (a: Money, b: Money): void => {
  if (a.currency !== b.currency) {
    // Mixing currencies is a programming error, never a user error.
    throw new Error(`currency mismatch: ${a.currency} and ${b.currency}`)
  }
}
export const addMoney = (a: Money, b: Money): Money => (sameCurrency(a, b), money(a.amount + b.amount, a.currency))
export const subtractMoney = (a: Money, b: Money): Money => (sameCurrency(a, b), money(a.amount - b.amount, a.currency))
export const sumMoney = (currency: FiatCurrency, amounts: Iterable<Money>): Money => {
  let total = zeroMoney(currency)
  for (const m of amounts) total = addMoney(total, m)
  return total
}
export const compareMoney = (a: Money, b: Money): -1 | 0 | 1 => (sameCurrency(a, b), a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0)
export const isNegativeMoney = (m: Money): boolean => m.amount < 0n

/** Renders base units as a plain decimal string with exactly `digits` decimals: 1250n, 2 -> "12.50". */
export const unitsToDecimal = (units: bigint, digits: number): string => {
  const negative = units < 0n
  const abs = negative ? -units : units
  const text = abs.toString().padStart(digits + 1, "0")
  const whole = text.slice(0, text.length - digits)
  const frac = digits > 0 ? `.${text.slice(text.length - digits)}` : ""
  return `${negative ? "-" : ""}${whole}${frac}`
}

const moneyFormats = new Map<string, Intl.NumberFormat>()

/**
 * "12.50 USD" (plain, for logs and the command line), or with a `language` as people of that language
 * read it: "$12.50" in English, "12,50 $" in German, "¥1,500" for yen. Exact either way: the amount
 * reaches Intl as decimal text, never as a float (a number would lose digits past 2^53).
 */
export const formatMoney = (m: Money, language?: string): string => {
  const text = unitsToDecimal(m.amount, digitsOf(m.currency))
  if (language === undefined) return `${text} ${m.currency}`
  const key = `${language}:${m.currency}`
  let format = moneyFormats.get(key)
  if (format === undefined) {
    const digits = digitsOf(m.currency)
    format = new Intl.NumberFormat(language, { style: "currency", currency: m.currency, minimumFractionDigits: digits, maximumFractionDigits: digits })
    moneyFormats.set(key, format)
  }
  return format.format(text as Intl.StringNumericLiteral)
}

/** "0.00018486 BTC", trailing zeros trimmed. */
export const formatCrypto = (c: CryptoAmount): string => {
  const text = unitsToDecimal(c.units, decimalsOf(c.asset))
  const trimmed = text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text
  return `${trimmed} ${assets[c.asset].symbol}`
}

const NUMBER = /^(\d*)(?:[.,](\d*))?$/
/** Amounts above 10^30 base units are refused as typing mistakes. */
const MAX_UNITS = 10n ** 30n

/**
 * Parses what a person typed ("12.5", "0,5", " 3 ") into base units with `digits` decimals.
 * Exact: no float is involved. Fails with the reason a person can act on.
 */
export const parseUnits = (input: string, digits: number): Either.Either<bigint, InvalidAmount> => {
  const text = input.trim()
  const fail = (reason: InvalidAmount["reason"]) => Either.left(new InvalidAmount({ input, reason, maxDecimals: digits }))
  if (text === "") return fail("empty")
  if (text.startsWith("-")) return /\d/.test(text) ? fail("negative") : fail("not_a_number")
  const match = NUMBER.exec(text.startsWith("+") ? text.slice(1) : text)
  if (match === null) return fail("not_a_number")
  const whole = match[1] ?? ""
  const frac = match[2] ?? ""
  if (whole === "" && frac === "") return fail("not_a_number")
  if (frac.length > digits) return fail("too_many_decimals")
  const units = BigInt(whole === "" ? "0" : whole) * 10n ** BigInt(digits) + BigInt(frac.padEnd(digits, "0") || "0")
  if (units > MAX_UNITS) return fail("too_large")
  return Either.right(units)
}

export const parseMoney = (input: string, currency: FiatCurrency): Either.Either<Money, InvalidAmount> =>
  Either.map(parseUnits(input, digitsOf(currency)), (amount) => money(amount, currency))

export const parseCrypto = (input: string, asset: Asset): Either.Either<CryptoAmount, InvalidAmount> =>
  Either.map(parseUnits(input, decimalsOf(asset)), (units) => crypto(units, asset))
