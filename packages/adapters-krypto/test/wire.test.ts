import { describe, expect, it } from "vitest"
import fc from "fast-check"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { unitsToDecimal as decimalOf } from "@tokenshop/domain"
import { asFiat, JsonNumber, parseJson, Payment, toJson, unitsOf } from "../src/Wire.js"

describe("lossless amounts", () => {
  it("reads decimal text into base units, cutting excess digits towards zero", () => {
    expect(unitsOf("0.00018486", 8)).toBe(18486n)
    expect(unitsOf("100.0", 2)).toBe(10000n)
    expect(unitsOf("1e-07", 8)).toBe(10n)
    expect(unitsOf("1.5E+2", 0)).toBe(150n)
    expect(unitsOf("123456789.123456789123456789", 18)).toBe(123456789123456789123456789n)
    expect(unitsOf("0.123456789", 8)).toBe(12345678n)
    expect(unitsOf("9.2233720368547758079", 18)).toBe(9223372036854775807n)
    for (const bad of ["-1", "", "1.", ".5", "0x10", "NaN", "1e999999"]) expect(unitsOf(bad, 8)).toBeNull()
  })

  it("decimalOf and unitsOf are inverse for every amount", () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 40n }), fc.integer({ min: 0, max: 18 }), (units, digits) => {
      expect(unitsOf(decimalOf(units, digits), digits)).toBe(units)
    }))
  })

  it("keeps numbers that a float would change", () => {
    const parsed = parseJson(`{"a":0.1000000000000000055511151231257827,"b":12345678901234567890}`)
    expect(Either.getOrThrow(parsed)).toEqual({ a: new JsonNumber("0.1000000000000000055511151231257827"), b: new JsonNumber("12345678901234567890") })
    expect(toJson({ a: new JsonNumber("100.0"), b: "x" })).toBe(`{"a":100.0,"b":"x"}`)
  })

  it("rejects malformed JSON and a key given twice", () => {
    expect(Either.isLeft(parseJson(`{"id": 1,`))).toBe(true)
    expect(Either.isLeft(parseJson(`{"isPaid":false,"isPaid":true}`))).toBe(true)
  })

  it("decodes the payment object and refuses strings where numbers belong", () => {
    const text = `{"id":634,"paymentType":"PAYMENT","fiatCurrency":"USD","fiatAmount":1.0,"cryptoAmount":0.000012,"cryptoCurrency":"BTC","expireDatetime":1745241933410,"address":"bc1q","isPaid":false,"hash":"${"0".repeat(64)}"}`
    const p = Schema.decodeUnknownSync(Payment)(Either.getOrThrow(parseJson(text)))
    expect(p).toMatchObject({ id: 634, fiatAmount: "1.0", cryptoAmount: "0.000012", isPaid: false })
    const forged = text.replace(`"cryptoAmount":0.000012`, `"cryptoAmount":"0.000012"`)
    expect(Either.isLeft(Schema.decodeUnknownEither(Payment)(Either.getOrThrow(parseJson(forged))))).toBe(true)
  })
})

describe("names from the processor", () => {
  it("a fiat currency is one of ours by its own code; inherited property names are none", () => {
    expect(asFiat("USD")).toBe("USD")
    for (const name of ["toString", "__proto__", "constructor", "hasOwnProperty", "usd", ""]) expect(asFiat(name)).toBeNull()
  })
})
