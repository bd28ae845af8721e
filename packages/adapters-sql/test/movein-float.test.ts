import { describe, expect, it } from "vitest"
import { floatToMinor, minorText } from "../src/index.js"
import { shortestDecimal } from "../src/movein/FloatMoney.js"

describe("AiogramShopBot float amounts to minor units", () => {
  it("takes the shortest round-trip decimal, then rounds half up to the minor unit", () => {
    expect(floatToMinor(0.1 + 0.2, 2)).toEqual({ minor: 30n, text: "0.30000000000000004", changed: true })
    expect(floatToMinor(2.675, 2)).toEqual({ minor: 268n, text: "2.675", changed: true })
    expect(floatToMinor(19.995, 2)).toEqual({ minor: 2000n, text: "19.995", changed: true })
    expect(floatToMinor(29.99, 2)).toEqual({ minor: 2999n, text: "29.99", changed: false })
    expect(floatToMinor(100, 2)).toEqual({ minor: 10000n, text: "100", changed: false })
    expect(floatToMinor(0, 2)).toEqual({ minor: 0n, text: "0", changed: false })
    expect(floatToMinor(1.1 * 3, 2)).toEqual({ minor: 330n, text: "3.3000000000000003", changed: true })
    expect(floatToMinor(0.5, 0)).toEqual({ minor: 1n, text: "0.5", changed: true })
    expect(floatToMinor(1234.5, 0).minor).toBe(1235n)
    expect(floatToMinor(0.004, 2)).toEqual({ minor: 0n, text: "0.004", changed: true })
  })
  it("expands exponent notation", () => {
    expect(shortestDecimal(1e-7)).toBe("0.0000001")
    expect(shortestDecimal(1.5e21)).toBe("1500000000000000000000")
    expect(floatToMinor(1e21, 2).minor).toBe(100000000000000000000000n)
    expect(minorText(30n, 2)).toBe("0.30")
    expect(minorText(-5n, 2)).toBe("-0.05")
  })
})
