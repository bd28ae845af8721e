import { describe, expect, it } from "@effect/vitest"
import * as BigDecimal from "effect/BigDecimal"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import { MoneyFromJson } from "../src/Money.js"
import {
  crypto, divideHalfEven, formatCrypto, formatMoney, impliedRate, money, parseCrypto, parseMoney, rate, toCrypto, toFiat,
  parseUnits, unitsToDecimal
} from "../src/index.js"

const at = new Date(0)
const reason = (e: Either.Either<unknown, { reason: string }>) => Either.isLeft(e) ? e.left.reason : "ok"

describe("parsing typed amounts", () => {
  it("accepts a point or a comma, spaces and a plus sign", () => {
    expect(parseMoney("12.5", "USD")).toEqual(Either.right(money(1250n, "USD")))
    expect(parseMoney("0,5", "EUR")).toEqual(Either.right(money(50n, "EUR")))
    expect(parseMoney(" 3 ", "USD")).toEqual(Either.right(money(300n, "USD")))
    expect(parseMoney("+7", "USD")).toEqual(Either.right(money(700n, "USD")))
    expect(parseMoney(".25", "USD")).toEqual(Either.right(money(25n, "USD")))
    expect(parseMoney("1500", "JPY")).toEqual(Either.right(money(1500n, "JPY")))
    expect(parseCrypto("0.00018486", "BTC")).toEqual(Either.right(crypto(18486n, "BTC")))
    expect(parseCrypto("1.000000000000000001", "ETH")).toEqual(Either.right(crypto(10n ** 18n + 1n, "ETH")))
  })

  it("names what is wrong", () => {
    expect(reason(parseMoney("", "USD"))).toBe("empty")
    expect(reason(parseMoney("  ", "USD"))).toBe("empty")
    expect(reason(parseMoney("-1", "USD"))).toBe("negative")
    expect(reason(parseMoney("1.234", "USD"))).toBe("too_many_decimals")
    expect(reason(parseMoney("1.5", "JPY"))).toBe("too_many_decimals")
    expect(reason(parseMoney("abc", "USD"))).toBe("not_a_number")
    expect(reason(parseMoney("1.2.3", "USD"))).toBe("not_a_number")
    expect(reason(parseMoney("1e5", "USD"))).toBe("not_a_number")
    expect(reason(parseMoney("12$", "USD"))).toBe("not_a_number")
    expect(reason(parseMoney(".", "USD"))).toBe("not_a_number")
    expect(reason(parseMoney("-", "USD"))).toBe("not_a_number")
    expect(reason(parseMoney("1".repeat(40), "USD"))).toBe("too_large")
    const e = parseMoney("1.234", "USD")
    expect(Either.isLeft(e) && e.left.message).toBe("at most 2 decimals are allowed")
  })

  it("formats with the currency's digits and trims crypto zeros", () => {
    expect(formatMoney(money(1250n, "USD"))).toBe("12.50 USD")
    expect(formatMoney(money(5n, "USD"))).toBe("0.05 USD")
    expect(formatMoney(money(1500n, "JPY"))).toBe("1500 JPY")
    expect(formatMoney(money(-5n, "EUR"))).toBe("-0.05 EUR")
    expect(formatCrypto(crypto(18486n, "BTC"))).toBe("0.00018486 BTC")
    expect(formatCrypto(crypto(1_500_000n, "USDT_TRC20"))).toBe("1.5 USDT")
    expect(formatCrypto(crypto(10n ** 18n, "ETH"))).toBe("1 ETH")
  })

  it.prop("format then parse gives the same amount", [fc.bigInt({ min: 0n, max: 10n ** 24n }), fc.constantFrom(0, 2, 6, 8, 9, 18)], ([units, digits]) => {
    expect(Either.getOrThrow(parseUnits(unitsToDecimal(units, digits), digits))).toBe(units)
  })
})

describe("conversion at a recorded rate", () => {
  it("rounds half to even to the target's smallest unit", () => {
    expect(divideHalfEven(5n, 2n)).toBe(2n)
    expect(divideHalfEven(7n, 2n)).toBe(4n)
    expect(divideHalfEven(-5n, 2n)).toBe(-2n)
    expect(divideHalfEven(10n, 3n)).toBe(3n)
    expect(divideHalfEven(11n, 3n)).toBe(4n)
  })

  it("converts crypto to fiat exactly", () => {
    const btc = rate("BTC", "USD", "88230.15", at)
    // 0.00018486 BTC * 88230.15 = 16.3102255290 USD -> 16.31
    expect(toFiat(crypto(18486n, "BTC"), btc)).toEqual(money(1631n, "USD"))
    expect(toFiat(crypto(10n ** 8n, "BTC"), btc)).toEqual(money(8_823_015n, "USD"))
    // 1 wei at 3000 USD/ETH is far below a cent
    expect(toFiat(crypto(1n, "ETH"), rate("ETH", "USD", "3000", at))).toEqual(money(0n, "USD"))
    expect(toFiat(crypto(1_000_000n, "USDT_TRC20"), rate("USDT_TRC20", "JPY", "150.5", at))).toEqual(money(150n, "JPY"))
    expect(toFiat(crypto(3_000_000n, "USDT_TRC20"), rate("USDT_TRC20", "JPY", "150.5", at))).toEqual(money(452n, "JPY"))
  })

  it("converts fiat to crypto exactly", () => {
    expect(toCrypto(money(2500n, "USD"), rate("USDT_ERC20", "USD", "1", at))).toEqual(crypto(25_000_000n, "USDT_ERC20"))
    // 10 USD / 3 USD per coin = 3.333333333 SOL (9 decimals)
    expect(toCrypto(money(1000n, "USD"), rate("SOL", "USD", "3", at))).toEqual(crypto(3_333_333_333n, "SOL"))
    expect(toCrypto(money(2000n, "USD"), rate("SOL", "USD", "3", at))).toEqual(crypto(6_666_666_667n, "SOL"))
    expect(toCrypto(money(100n, "USD"), rate("ETH", "USD", "1e3", at))).toEqual(crypto(10n ** 15n, "ETH"))
  })

  it("records the rate implied by a processor quote", () => {
    const r = impliedRate(money(1631n, "USD"), crypto(18486n, "BTC"), at)
    expect(BigDecimal.format(r.price)).toBe("88228.9300010819")
    expect(toFiat(crypto(18486n, "BTC"), r)).toEqual(money(1631n, "USD"))
  })

  it.prop("fiat -> crypto -> fiat stays within half a unit for a 1:1 stablecoin", [fc.bigInt({ min: 0n, max: 10n ** 15n })], ([cents]) => {
    const r = rate("USDC_ERC20", "USD", "1", at)
    expect(toFiat(toCrypto(money(cents, "USD"), r), r)).toEqual(money(cents, "USD"))
  })

  it("refuses a rate of the wrong asset or currency", () => {
    expect(() => toFiat(crypto(1n, "BTC"), rate("LTC", "USD", "1", at))).toThrow()
    expect(() => toCrypto(money(1n, "EUR"), rate("BTC", "USD", "1", at))).toThrow()
  })
})

describe("money on the wire", () => {
  it("MoneyFromJson takes plain non-negative decimal integers only", () => {
    const decode = Schema.decodeUnknownEither(MoneyFromJson)
    expect(decode({ amount: "1250", currency: "USD" })).toEqual(Either.right({ amount: 1250n, currency: "USD" }))
    expect(decode({ amount: "0", currency: "USD" })._tag).toBe("Right")
    for (const amount of ["0x1f", "-5", "1e3", " 5", "05", "1.5", "", "+5"]) expect(decode({ amount, currency: "USD" })._tag, amount).toBe("Left")
    expect(Schema.encodeSync(MoneyFromJson)({ amount: 99n, currency: "EUR" })).toEqual({ amount: "99", currency: "EUR" })
  })
})
