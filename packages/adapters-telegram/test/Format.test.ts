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

  it("uses each language's decimal mark, grouping and symbol placement", () => {
    const cases = [
      ["de", 123456789n, "EUR", "1.234.567,89\u00a0€"],
      ["es", 123456789n, "EUR", "1.234.567,89\u00a0€"],
      ["fr", 123456789n, "EUR", "1\u202f234\u202f567,89\u00a0€"],
      ["it", 123456789n, "EUR", "1.234.567,89\u00a0€"],
      ["zh", 123456789n, "EUR", "€1,234,567.89"],
      ["fr", 1250n, "USD", "12,50\u00a0$US"],
      ["it", 1250n, "USD", "12,50\u00a0USD"],
      ["es", 1250n, "USD", "12,50\u00a0US$"],
      ["zh", 1250n, "USD", "US$12.50"]
    ] as const
    for (const [language, units, currency, text] of cases) {
      expect(formatMoney(money(units, currency), language), `${language} ${currency}`).toBe(text)
    }
  })

  it("is exact beyond what a float can hold in every language", () => {
    expect(formatMoney(money(1234567890123456789n, "EUR"), "fr")).toBe("12\u202f345\u202f678\u202f901\u202f234\u202f567,89\u00a0€")
    expect(formatMoney(money(1234567890123456789n, "USD"), "zh")).toBe("US$12,345,678,901,234,567.89")
  })

  it("dates follow the language's order and month names, in UTC", () => {
    const d = new Date(Date.UTC(2026, 10, 22, 9, 5))
    expect(formatDate(d, "de")).toBe("22.11.2026, 09:05 UTC")
    expect(formatDate(d, "es")).toBe("22 nov 2026, 9:05 UTC")
    expect(formatDate(d, "fr")).toBe("22 nov. 2026, 09:05 UTC")
    expect(formatDate(d, "it")).toBe("22 nov 2026, 09:05 UTC")
    expect(formatDate(d, "zh")).toBe("2026年11月22日 09:05 UTC")
  })

  it("dates are shown in UTC", () => {
    expect(formatDate(new Date(Date.UTC(2026, 10, 22, 9, 5)), "en")).toBe("Nov 22, 2026, 9:05 AM UTC")
  })
})
