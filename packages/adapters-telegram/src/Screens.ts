/**
 * What every screen is made of: text plus an inline keyboard, in the user's language, with buttons
 * that carry typed payloads. Each feature's screens are pure functions over domain views, built
 * from these; tested without Telegram.
 */
import { type Buy, page, type Page, type PageRequest } from "@tokenshop/domain"
import type { Callback } from "./CallbackData.js"
import type { Translator } from "./I18n.js"
import { payloadOf } from "./PayloadCache.js"

export interface Button {
  readonly text: string
  readonly callback_data: string
}
export interface Screen {
  readonly text: string
  readonly keyboard: ReadonlyArray<ReadonlyArray<Button>>
}

/** Everything a screen needs to speak the user's language. */
export interface Speaker {
  readonly language: string
  /** Plain text, for buttons. */
  readonly t: (key: string, args?: Record<string, string | number>) => string
  /** Message text (sent as HTML): the values are escaped, the locale's own markup is kept. */
  readonly html: (key: string, args?: Record<string, string | number>) => string
}
export const escapeHtml = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")
export const speaker = (translator: Translator, language: string): Speaker => ({
  language,
  t: (key, args) => translator.t(language, key, args),
  html: (key, args) =>
    translator.t(language, key, args === undefined
      ? undefined
      : Object.fromEntries(Object.entries(args).map(([k, v]) => [k, typeof v === "string" ? escapeHtml(v) : v])))
})

export const button = (text: string, callback: Callback): Button => ({ text, callback_data: payloadOf(callback) })

/** Entries on one page of any list. */
export const PAGE_SIZE = 10
/** The request for page `n` (from 0) of a list. */
export const listPage = (n: number): PageRequest => page(n * PAGE_SIZE, PAGE_SIZE)

/** Previous / "page of pages" / next, when there is more than one page. */
export const pager = (s: Speaker, page: Page<unknown>, to: (page: number) => Callback): ReadonlyArray<Button> => {
  const pages = Math.max(1, Math.ceil(page.total / page.limit))
  const current = Math.floor(page.offset / page.limit)
  if (pages <= 1) return []
  return [
    ...(current > 0 ? [button(s.t("button-previous"), to(current - 1))] : []),
    button(s.t("page-indicator", { page: current + 1, pages }), to(current)),
    ...(current < pages - 1 ? [button(s.t("button-next"), to(current + 1))] : [])
  ]
}
export const nonEmpty = (rows: ReadonlyArray<ReadonlyArray<Button>>) => rows.filter((r) => r.length > 0)
/** Buttons `n` to a row. */
export const chunk = <A>(xs: ReadonlyArray<A>, n: number): Array<Array<A>> =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n))

/** The delivered items of a purchase, as text blocks (the caller splits long deliveries). */
export const deliveryLines = (buy: Buy): ReadonlyArray<string> =>
  buy.items.map((item, i) => `${i + 1}. ${item.categoryName} / ${item.subcategoryName}\n${item.privateData}`)

/** A question the user answers by typing, with the Cancel button that drops it. */
export const question = (s: Speaker, key: string, args?: Record<string, string | number>): Screen => ({
  text: s.html(key, args),
  keyboard: [[button(s.t("prompt-cancel"), { _tag: "CancelPrompt" })]]
})

export const notice = (s: Speaker, key: string, args?: Record<string, string | number>, back: Callback = { _tag: "Main" }): Screen => ({
  text: s.html(key, args),
  keyboard: [[button(s.t("button-back"), back)]]
})
