/** Encoded and decoded payloads are kept by their fields or text: the same answers as without, every time. */
import { describe, expect, it } from "@effect/vitest"
import { CategoryId, SubcategoryId } from "@tokenshop/domain"
import * as Either from "effect/Either"
import { type Callback, decodeCallback, encodeCallback } from "../src/CallbackData.js"
import { payloadOf } from "../src/PayloadCache.js"

const some: ReadonlyArray<Callback> = [
  { _tag: "Main" },
  { _tag: "Categories", page: 3 },
  { _tag: "Subcategories", category: CategoryId.make(12), page: 0 },
  { _tag: "Subcategories", category: CategoryId.make(1), page: 20 },
  { _tag: "AddToCart", subcategory: SubcategoryId.make(34), quantity: 10 },
  { _tag: "Confirm", nonce: "AbC_123-xyz" },
  { _tag: "Language", language: "de" }
]

describe("kept payloads", () => {
  it("encode as encodeCallback does, the first time and every time after", () => {
    for (let round = 0; round < 3; round++) {
      for (const callback of some) expect(payloadOf(callback)).toBe(encodeCallback(callback))
    }
  })

  it("still refuse an invalid payload every time", () => {
    const forged = { _tag: "Confirm", nonce: "not a nonce!" } as const satisfies Callback
    expect(() => payloadOf(forged)).toThrow()
    expect(() => payloadOf(forged)).toThrow()
  })

  it("decode to the same payload or the same refusal every time", () => {
    for (const callback of some) {
      const text = encodeCallback(callback)
      expect(decodeCallback(text)).toEqual(Either.right(callback))
      expect(decodeCallback(text)).toEqual(Either.right(callback))
    }
    for (const text of ["1c:x", "9c:0", "1c:0:1", ""]) {
      expect(Either.isLeft(decodeCallback(text))).toBe(true)
      expect(decodeCallback(text)).toEqual(decodeCallback(text))
    }
  })
})
