/** Money and dates as a person reads them, per language. Exact: the amount goes to Intl as decimal text. */
import { digitsOf, type Money, unitsToDecimal } from "@tokenshop/domain"

const moneyFormats = new Map<string, Intl.NumberFormat>()

/** "$12.50" in English, "12,50 $" in German, "¥1,500" for yen; never rounded, never through a float. */
export const formatMoney = (m: Money, language: string): string => {
  const key = `${language}:${m.currency}`
  let format = moneyFormats.get(key)
  if (format === undefined) {
    const digits = digitsOf(m.currency)
    format = new Intl.NumberFormat(language, {
      style: "currency",
      currency: m.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits
    })
    moneyFormats.set(key, format)
  }
  // Intl formats a decimal string exactly (a number would lose digits past 2^53).
  return format.format(unitsToDecimal(m.amount, digitsOf(m.currency)) as Intl.StringNumericLiteral)
}

export const formatDate = (d: Date, language: string): string =>
  new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(d) + " UTC"
