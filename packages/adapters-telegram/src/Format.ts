/** Dates as a person reads them, per language (money: the domain's formatMoney with a language). */

export const formatDate = (d: Date, language: string): string =>
  new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(d) + " UTC"
