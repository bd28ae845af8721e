import { describe, expect, it } from "@effect/vitest"
import { BuyId, CategoryId, SubcategoryId } from "@tokenshop/domain"
import * as Either from "effect/Either"
import fc from "fast-check"
import { type Callback, decodeCallback, encodeCallback, MAX_BYTES } from "../src/CallbackData.js"

const every: ReadonlyArray<Callback> = [
  { _tag: "Main" },
  { _tag: "Categories", page: 3 },
  { _tag: "Subcategories", category: CategoryId.make(12), page: 0 },
  { _tag: "Subcategory", subcategory: SubcategoryId.make(9_007_199_254_740_991) },
  { _tag: "AddToCart", subcategory: SubcategoryId.make(34), quantity: 10 },
  { _tag: "Cart" },
  { _tag: "SetQuantity", subcategory: SubcategoryId.make(34), quantity: 0 },
  { _tag: "ClearCart" },
  { _tag: "Checkout" },
  { _tag: "Confirm", nonce: "AbC_123-xyz0123456789abcdefghijk" },
  { _tag: "Profile" },
  { _tag: "History", page: 2 },
  { _tag: "Buy", buy: BuyId.make(55) },
  { _tag: "TopUp" },
  { _tag: "Languages" },
  { _tag: "Language", language: "de" },
  { _tag: "Help" }
]

describe("callback data", () => {
  it("round-trips every button and stays within 64 bytes", () => {
    for (const callback of every) {
      const text = encodeCallback(callback)
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_BYTES)
      expect(decodeCallback(text)).toEqual(Either.right(callback))
    }
    expect(encodeCallback({ _tag: "Subcategories", category: CategoryId.make(12), page: 0 })).toBe("1s:12:0")
  })

  it("refuses stale, malformed and forged payloads", () => {
    for (const forged of [
      undefined, "", "1", "2m", "0c:1", "1zz", "1c", "1c:1:2", "1b:-5", "1b:0", "1b:1.5", "1b:abc", "1a:12",
      "1l:../../etc", "1y:" + "a".repeat(40), "1b:99999999999999999999", "1s:1:" + "9".repeat(70), "admin:refund:5"
    ]) {
      expect(Either.isLeft(decodeCallback(forged)), String(forged)).toBe(true)
    }
  })

  it("never throws on arbitrary input", () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (text) => {
      const result = decodeCallback(text)
      if (Either.isRight(result)) expect(encodeCallback(result.right).length).toBeLessThanOrEqual(MAX_BYTES)
    }), { numRuns: 5000 })
  })
})
