/** The withdrawal guard's settings: the single-withdrawal threshold and the daily total, read exactly in the shop's currency. */
import { withdrawalGuard } from "@tokenshop/domain"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { shopConfig } from "../src/Config.js"

const read = (env: Record<string, string>) =>
  Effect.runSync(Effect.either(shopConfig.pipe(Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env)))))))
const guard = (env: Record<string, string>) => withdrawalGuard(Either.getOrThrow(read(env)))
const failure = (env: Record<string, string>) => String(Either.getLeft(read(env)).pipe((e) => e._tag === "Some" ? e.value : "ok"))
const two = { ADMIN_IDS: "1,2" }

describe("WITHDRAWAL_APPROVAL_DAILY", () => {
  it("defaults to the single-withdrawal threshold, whatever that is", () => {
    expect(guard(two)).toMatchObject({ approvalAbove: 10_000n, approvalDaily: 10_000n })
    expect(guard({ ...two, WITHDRAWAL_APPROVAL_ABOVE: "250.50" })).toMatchObject({ approvalAbove: 25_050n, approvalDaily: 25_050n })
    expect(guard({ ...two, WITHDRAWAL_APPROVAL_ABOVE: "off" })).toMatchObject({ approvalAbove: null, approvalDaily: null })
    expect(guard({ ADMIN_IDS: "1" })).toMatchObject({ approvalAbove: null, approvalDaily: null })
    expect(guard({ ...two, SHOP_CURRENCY: "JPY" })).toMatchObject({ approvalAbove: 10_000n, approvalDaily: 10_000n })
  })

  it("is read exactly in the shop's currency, or off, apart from the single threshold", () => {
    expect(guard({ ...two, WITHDRAWAL_APPROVAL_DAILY: "500" })).toMatchObject({ approvalAbove: 10_000n, approvalDaily: 50_000n })
    expect(guard({ ...two, WITHDRAWAL_APPROVAL_DAILY: " 0.07 " }).approvalDaily).toBe(7n)
    expect(guard({ ...two, WITHDRAWAL_APPROVAL_DAILY: "OFF" })).toMatchObject({ approvalAbove: 10_000n, approvalDaily: null })
    expect(guard({ ...two, WITHDRAWAL_APPROVAL_ABOVE: "off", WITHDRAWAL_APPROVAL_DAILY: "300" })).toMatchObject({ approvalAbove: null, approvalDaily: 30_000n })
    expect(guard({ ...two, SHOP_CURRENCY: "JPY", WITHDRAWAL_APPROVAL_DAILY: "50000" }).approvalDaily).toBe(50_000n)
    expect(guard({ ...two, WITHDRAWAL_APPROVAL_DAILY: "90071992547409930.01" }).approvalDaily).toBe(9_007_199_254_740_993_001n) // past 2^53: exact
  })

  it("refuses what is not an amount in the shop's currency, naming the variable", () => {
    for (const bad of ["lots", "-5", "1e3", "0x10", "1,000", "12.345", ""]) {
      const text = failure({ ...two, WITHDRAWAL_APPROVAL_DAILY: bad })
      expect(text, bad).toContain("WITHDRAWAL_APPROVAL_DAILY")
      expect(text, bad).toContain("must be an amount in USD, or off")
    }
    expect(failure({ ...two, SHOP_CURRENCY: "JPY", WITHDRAWAL_APPROVAL_DAILY: "10.5" })).toContain("must be an amount in JPY, or off")
  })

  it("needs two admins, as the single threshold does; off needs none", () => {
    expect(failure({ ADMIN_IDS: "1", WITHDRAWAL_APPROVAL_DAILY: "500" })).toContain("WITHDRAWAL_APPROVAL_DAILY")
    expect(failure({ ADMIN_IDS: "1", WITHDRAWAL_APPROVAL_DAILY: "500" })).toContain("needs at least two ADMIN_IDS")
    expect(Either.isRight(read({ ADMIN_IDS: "1", WITHDRAWAL_APPROVAL_DAILY: "off" }))).toBe(true)
    expect(failure({ ADMIN_IDS: "1", WITHDRAWAL_APPROVAL_ABOVE: "500" })).toContain("WITHDRAWAL_APPROVAL_ABOVE")
  })
})
