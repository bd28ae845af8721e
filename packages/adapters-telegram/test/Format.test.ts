import { formatMoney, money } from "@tokenshop/domain"
import { describe, expect, it } from "vitest"
import { formatDate } from "../src/Format.js"

describe("money for people", () => {
  it("follows the language and the currency's digits", () => {
    expect(formatMoney(money(1250n, "USD"), "en")).toBe("$12.50")
    expect(formatMoney(money(1250n, "EUR"), "de")).toBe("12,50\u00a0€")
    expect(formatMoney(money(1500n, "JPY"), "en")).toBe("¥1,500")
    expect(formatMoney(money(5n, "USD"), "en")).toBe("$0.05")
  })

  it("is exact beyond what a float can hold", () => {
    expect(formatMoney(money(1234567890123456789n, "USD"), "en")).toBe("$12,345,678,901,234,567.89")
  })

  it("dates are shown in UTC", () => {
    expect(formatDate(new Date(Date.UTC(2026, 10, 22, 9, 5)), "en")).toBe("Nov 22, 2026, 9:05 AM UTC")
  })
})
