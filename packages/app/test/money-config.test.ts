/** The money settings: a payment tolerance in percent, and top-up limits in the shop's own currency and minor units. */
import { topUpLimits } from "@tokenshop/domain"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { shopConfig } from "../src/Config.js"

const read = (env: Record<string, string>) =>
  Effect.runSync(Effect.either(shopConfig.pipe(Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env)))))))
const settings = (env: Record<string, string>) => Either.getOrThrow(read(env))
const failure = (env: Record<string, string>) => String(Either.getLeft(read(env)).pipe((e) => e._tag === "Some" ? e.value : "ok"))

describe("money settings", () => {
  it("PAYMENT_TOLERANCE_PERCENT becomes basis points; anything else names the variable", () => {
    expect(settings({}).paymentToleranceBp).toBe(0)
    expect(settings({ PAYMENT_TOLERANCE_PERCENT: "0.5" }).paymentToleranceBp).toBe(50)
    expect(settings({ PAYMENT_TOLERANCE_PERCENT: "2" }).paymentToleranceBp).toBe(200)
    for (const bad of ["-1", "101", "0.001", "1e2", "0x10", "half"]) expect(failure({ PAYMENT_TOLERANCE_PERCENT: bad })).toContain("PAYMENT_TOLERANCE_PERCENT")
  })

  it("top-up limits default per currency: 5 USD, 500 JPY, never 5 yen", () => {
    expect(topUpLimits(settings({}))).toEqual({ min: 500n, max: 100_000_000n })
    expect(topUpLimits(settings({ SHOP_CURRENCY: "JPY" })).min).toBe(500n)
    expect(topUpLimits(settings({ SHOP_CURRENCY: "KRW" })).min).toBe(5_000n)
  })

  it("TOP_UP_MIN and TOP_UP_MAX are read in the shop's currency, exactly", () => {
    expect(topUpLimits(settings({ TOP_UP_MIN: "2.50", TOP_UP_MAX: "300" }))).toEqual({ min: 250n, max: 30_000n })
    expect(topUpLimits(settings({ SHOP_CURRENCY: "JPY", TOP_UP_MIN: "1000" })).min).toBe(1000n)
    expect(failure({ SHOP_CURRENCY: "JPY", TOP_UP_MIN: "10.5" })).toContain("TOP_UP_MIN")
    expect(failure({ TOP_UP_MIN: "50", TOP_UP_MAX: "10" })).toContain("TOP_UP_MIN")
    expect(failure({ TOP_UP_MAX: "lots" })).toContain("TOP_UP_MAX")
  })
})
