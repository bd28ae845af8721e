import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import fc from "fast-check"
import { parseJson, parseTxt } from "../src/index.js"
import { shopProperties, ShopMemory } from "../src/testing/index.js"

describe("domain properties (in memory)", () => {
  // PROPERTY_SEED replays one sequence of runs (scripts/seeded-bugs.mjs uses it).
  const seed = process.env["PROPERTY_SEED"]
  // A 0.5 % payment tolerance and 2 pending payments at most here (the SQL suites run with the defaults).
  // Sequences of up to 20 commands keep the 1,000 runs within about a minute on two busy cores.
  shopProperties("memory", () => ShopMemory({ paymentToleranceBp: 50, maxPendingPayments: 2 }), {
    numRuns: 1000,
    maxCommands: 20,
    ...(seed === undefined ? {} : { seed: Number(seed) })
  })
})

describe("import parsers never throw", () => {
  const line = fc.array(fc.oneof(fc.string(), fc.constantFrom(";", "\n", "\r", "12.50", "-1", "0,5", "\"", "[", "{")), { maxLength: 12 })
    .map((parts) => parts.join(""))

  it("any text gives records or a rejection naming where", () => {
    fc.assert(fc.property(line, (text) => {
      for (const result of [parseTxt(text, "USD"), parseJson(text, "USD")]) {
        if (Either.isLeft(result)) {
          expect(result.left.problems.length).toBeGreaterThan(0)
          for (const p of result.left.problems) expect(p.problem.length).toBeGreaterThan(0)
        } else {
          for (const r of result.right) expect(r.price.amount > 0n).toBe(true)
        }
      }
    }), { numRuns: 2000 })
  })

  it("JSON numbers of any size keep every digit", () => {
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: 10n ** 30n }), (cents) => {
      const text = `${cents / 100n}.${(cents % 100n).toString().padStart(2, "0")}`
      const result = parseJson(`[{"category":"a","subcategory":"b","price":${text},"private_data":"x"}]`, "USD")
      expect(Either.isRight(result) && result.right[0]!.price.amount).toBe(cents)
    }), { numRuns: 500 })
  })
})
