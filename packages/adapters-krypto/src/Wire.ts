/**
 * KryptoExpress's JSON, decoded without floats: numbers keep the text they arrived as and become
 * base units by decimal arithmetic on that text.
 *
 * Rounding: the processor sometimes states more digits than the asset or currency has; the excess
 * is cut off (towards zero). The shop never credits or reports more than was stated.
 */
import { type Asset, type FiatCurrency, fiatDigits } from "@tokenshop/domain"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { parse, stringify } from "lossless-json"

/** A JSON number as it was written, e.g. `0.00018486`, `100.0` or `1e-07`. */
export class JsonNumber {
  constructor(readonly text: string) {}
}

/** Parses JSON keeping every number's text; fails on malformed input and on a key given twice with different values. */
export const parseJson = (text: string): Either.Either<unknown, string> => {
  try {
    return Either.right(parse(text, null, (n) => new JsonNumber(n)))
  } catch (e) {
    return Either.left(e instanceof Error ? e.message : String(e))
  }
}

/** Serializes a request body; JsonNumber values are written as number literals, exactly. */
export const toJson = (value: unknown): string =>
  stringify(value, null, undefined, [{ test: (v) => v instanceof JsonNumber, stringify: (v) => (v as JsonNumber).text }]) ?? "null"

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/

/**
 * Base units of a decimal text at `digits` decimals, cut towards zero; null when the text is not a
 * plain non-negative decimal number (or absurdly scaled).
 */
export const unitsOf = (text: string, digits: number): bigint | null => {
  const m = DECIMAL.exec(text)
  if (m === null || m[1] === "-") return null
  const fraction = m[3] ?? ""
  const exponent = Number(m[4] ?? "0") - fraction.length + digits
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 200) return null
  const mantissa = BigInt(m[2]! + fraction)
  return exponent >= 0 ? mantissa * 10n ** BigInt(exponent) : mantissa / 10n ** BigInt(-exponent)
}

const Num = Schema.declare((u: unknown): u is JsonNumber => u instanceof JsonNumber, {
  identifier: "JsonNumber",
  description: "a JSON number"
})

/** A non-negative decimal, kept as its text. */
export const Decimal = Schema.transformOrFail(Num, Schema.String, {
  strict: true,
  decode: (n, _, ast) =>
    unitsOf(n.text, 0) === null
      ? ParseResult.fail(new ParseResult.Type(ast, n, "expected a non-negative decimal"))
      : ParseResult.succeed(n.text),
  encode: (s) => ParseResult.succeed(new JsonNumber(s))
})

/** A safe integer, e.g. an id or epoch milliseconds. */
export const Integer = Schema.transformOrFail(Num, Schema.Number, {
  strict: true,
  decode: (n, _, ast) => {
    const value = Number(n.text)
    return /^-?\d+$/.test(n.text) && Number.isSafeInteger(value)
      ? ParseResult.succeed(value)
      : ParseResult.fail(new ParseResult.Type(ast, n, "expected an integer"))
  },
  encode: (v) => ParseResult.succeed(new JsonNumber(String(v)))
})

export const PaymentType = Schema.Literal("DEPOSIT", "PAYMENT")
export type PaymentType = typeof PaymentType.Type

/** The payment object: answers to create/get and the body of every callback. */
export const Payment = Schema.Struct({
  id: Integer,
  paymentType: PaymentType,
  fiatCurrency: Schema.String,
  fiatAmount: Schema.optionalWith(Decimal, { nullable: true }),
  cryptoAmount: Schema.optionalWith(Decimal, { nullable: true }),
  cryptoCurrency: Schema.String,
  expireDatetime: Integer,
  createDatetime: Schema.optionalWith(Integer, { nullable: true }),
  address: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200)),
  isPaid: Schema.Boolean,
  isWithdrawn: Schema.optionalWith(Schema.Boolean, { nullable: true }),
  hash: Schema.String.pipe(Schema.pattern(/^[0-9a-fA-F]{64}$/)),
  callbackUrl: Schema.optionalWith(Schema.String, { nullable: true })
})
export type Payment = typeof Payment.Type

export const WithdrawType = Schema.Literal("ALL", "SINGLE")

export const Withdrawal = Schema.Struct({
  id: Schema.optionalWith(Integer, { nullable: true }),
  withdrawType: Schema.optionalWith(WithdrawType, { nullable: true }),
  cryptoCurrency: Schema.String,
  toAddress: Schema.optionalWith(Schema.String, { nullable: true }),
  txIdList: Schema.optionalWith(Schema.Array(Schema.String), { nullable: true, default: () => [] }),
  receivingAmount: Decimal,
  blockchainFeeAmount: Decimal,
  serviceFeeAmount: Decimal,
  totalWithdrawalAmount: Decimal,
  onlyCalculate: Schema.optionalWith(Schema.Boolean, { nullable: true }),
  createDatetime: Schema.optionalWith(Integer, { nullable: true })
})
export type Withdrawal = typeof Withdrawal.Type

export const Wallet = Schema.Record({ key: Schema.String, value: Decimal })
export const Price = Schema.Struct({ cryptoCurrency: Schema.String, fiatCurrency: Schema.String, price: Decimal })
export const Prices = Schema.Array(Price)
export const CurrencyList = Schema.Array(Schema.String)

/** The processor's currency names that the shop knows, and which of them take a fiat amount. */
export const processorAssets = [
  "BTC", "LTC", "ETH", "SOL", "BNB", "DOGE",
  "USDT_ERC20", "USDC_ERC20", "USDT_BEP20", "USDC_BEP20", "USDT_SOL", "USDC_SOL"
] as const satisfies ReadonlyArray<Asset>

export const asAsset = (name: string): Asset | null =>
  (processorAssets as ReadonlyArray<string>).includes(name) ? name as Asset : null
/** A fiat currency we know by its own code: inherited names ("toString", "__proto__") are none. */
export const asFiat = (name: string): FiatCurrency | null => Object.hasOwn(fiatDigits, name) ? name as FiatCurrency : null
