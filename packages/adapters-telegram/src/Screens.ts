/**
 * What the bot shows: each screen is text plus an inline keyboard, built from domain views only.
 * Pure functions, so every screen is tested without Telegram.
 */
import { type Balance, type Buy, type BuySummary, type CartView, type CategoryId, type CategoryView, page, type Page, type PageRequest, type SubcategoryView } from "@tokenshop/domain"
import { type Callback, encodeCallback } from "./CallbackData.js"
import { formatDate, formatMoney } from "./Format.js"
import type { Translator } from "./I18n.js"

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

export const button = (text: string, callback: Callback): Button => ({ text, callback_data: encodeCallback(callback) })

/** Previous / "page of pages" / next, when there is more than one page. */
/** Entries on one page of any list. */
export const PAGE_SIZE = 10
/** The request for page `n` (from 0) of a list. */
export const listPage = (n: number): PageRequest => page(n * PAGE_SIZE, PAGE_SIZE)

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

export const mainMenu = (s: Speaker, shopName: string, admin = false): Screen => ({
  text: s.html("menu-title", { shop: shopName }),
  keyboard: [
    [button(s.t("menu-categories"), { _tag: "Categories", page: 0 })],
    [button(s.t("menu-profile"), { _tag: "Profile" }), button(s.t("menu-cart"), { _tag: "Cart" })],
    [button(s.t("menu-help"), { _tag: "Help" })],
    ...(admin ? [[button(s.t("menu-admin"), { _tag: "Admin" })]] : [])
  ]
})

export const categories = (s: Speaker, page: Page<CategoryView>): Screen => ({
  text: page.total === 0 ? s.t("catalog-empty") : s.t("catalog-categories"),
  keyboard: nonEmpty([
    ...page.items.map((c) => [button(`${c.name} (${c.stock})`, { _tag: "Subcategories", category: c.id, page: 0 })]),
    pager(s, page, (p) => ({ _tag: "Categories", page: p })),
    [button(s.t("button-main"), { _tag: "Main" })]
  ])
})

export const subcategories = (s: Speaker, categoryName: string, categoryId: CategoryId, page: Page<SubcategoryView>): Screen => ({
  text: page.total === 0 ? s.html("catalog-empty") : s.html("catalog-subcategories", { category: categoryName }),
  keyboard: nonEmpty([
    ...page.items.map((sub) => [
      button(
        s.t("catalog-subcategory-line", {
          name: sub.name,
          price: sub.unitPrice === null ? "-" : formatMoney(sub.unitPrice, s.language),
          stock: sub.stock
        }),
        { _tag: "Subcategory", subcategory: sub.id }
      )
    ]),
    pager(s, page, (p) => ({ _tag: "Subcategories", category: categoryId, page: p })),
    [button(s.t("button-back"), { _tag: "Categories", page: 0 })]
  ])
})

/** The card of one subcategory with a quantity picker (1 to 10, at most the stock). */
export const card = (s: Speaker, sub: SubcategoryView): Screen => {
  const quantities = Array.from({ length: Math.min(10, sub.stock) }, (_, i) => i + 1)
  const body = s.html("catalog-card", {
    category: sub.categoryName,
    name: sub.name,
    description: sub.description ?? "",
    price: sub.unitPrice === null ? "-" : formatMoney(sub.unitPrice, s.language),
    stock: sub.stock
  })
  return {
    text: `${body}\n\n${sub.stock > 0 ? s.t("catalog-choose-quantity") : s.t("catalog-sold-out")}`,
    keyboard: nonEmpty([
      quantities.slice(0, 5).map((q) => button(String(q), { _tag: "AddToCart", subcategory: sub.id, quantity: q })),
      quantities.slice(5).map((q) => button(String(q), { _tag: "AddToCart", subcategory: sub.id, quantity: q })),
      sub.stock > 10 ? [button(s.t("catalog-button-type-quantity"), { _tag: "TypeQuantity", subcategory: sub.id })] : [],
      [button(s.t("menu-cart"), { _tag: "Cart" })],
      [button(s.t("button-back"), { _tag: "Subcategories", category: sub.categoryId, page: 0 })]
    ])
  }
}

export const cart = (s: Speaker, view: CartView): Screen => {
  if (view.lines.length === 0) {
    return { text: s.t("cart-empty"), keyboard: [[button(s.t("menu-categories"), { _tag: "Categories", page: 0 })], [button(s.t("button-main"), { _tag: "Main" })]] }
  }
  const lines = view.lines.map((l) => {
    const name = l.subcategoryName ?? "?"
    return l.available
      ? s.html("cart-line", {
        name,
        quantity: l.quantity,
        price: l.unitPrice === null ? "-" : formatMoney(l.unitPrice, s.language),
        total: formatMoney(l.lineTotal, s.language),
        stock: l.stock
      })
      : s.html("cart-line-unavailable", { name, quantity: l.quantity, stock: l.stock })
  })
  return {
    text: [s.t("cart-title"), ...lines, "", s.t("cart-total", { total: formatMoney(view.total, s.language) })].join("\n"),
    keyboard: [
      ...view.lines.map((l) => [
        button("➖", { _tag: "SetQuantity", subcategory: l.subcategoryId, quantity: Math.max(0, l.quantity - 1) }),
        button(`${l.subcategoryName ?? "?"} × ${l.quantity}`, { _tag: "Subcategory", subcategory: l.subcategoryId }),
        button("➕", { _tag: "SetQuantity", subcategory: l.subcategoryId, quantity: l.quantity + 1 }),
        button("✖️", { _tag: "SetQuantity", subcategory: l.subcategoryId, quantity: 0 })
      ]),
      [button(s.t("cart-button-checkout"), { _tag: "Checkout" })],
      [button(s.t("cart-button-clear"), { _tag: "ClearCart" }), button(s.t("button-main"), { _tag: "Main" })]
    ]
  }
}

export const confirmCheckout = (s: Speaker, view: CartView, balance: Balance, nonce: string): Screen => ({
  text: s.t("checkout-confirm", { total: formatMoney(view.total, s.language), balance: formatMoney(balance.available, s.language) }),
  keyboard: [
    [button(s.t("checkout-button-confirm"), { _tag: "Confirm", nonce })],
    [button(s.t("checkout-button-cancel"), { _tag: "Cart" })]
  ]
})

export const profile = (s: Speaker, balance: Balance): Screen => ({
  text: s.t("profile-title", {
    topUp: formatMoney(balance.topUp, s.language),
    consumed: formatMoney(balance.consumed, s.language),
    available: formatMoney(balance.available, s.language)
  }),
  keyboard: [
    [button(s.t("profile-button-topup"), { _tag: "TopUp" })],
    [button(s.t("profile-button-history"), { _tag: "History", page: 0 })],
    [button(s.t("profile-button-language"), { _tag: "Languages" })],
    [button(s.t("button-main"), { _tag: "Main" })]
  ]
})

export const history = (s: Speaker, page: Page<BuySummary>): Screen => ({
  text: page.total === 0 ? s.t("history-empty") : s.t("history-title"),
  keyboard: nonEmpty([
    ...page.items.map((b) => [
      button(
        `${s.t("history-line", { buy: b.id, date: formatDate(b.createdAt, s.language), quantity: b.quantity, total: formatMoney(b.total, s.language) })}${b.refundedAt === null ? "" : ` ${s.t("history-refunded")}`}`,
        { _tag: "Purchase", buy: b.id }
      )
    ]),
    pager(s, page, (p) => ({ _tag: "History", page: p })),
    [button(s.t("button-back"), { _tag: "Profile" })]
  ])
})

/** The delivered items of a purchase, as text blocks (the caller splits long deliveries). */
export const deliveryLines = (buy: Buy): ReadonlyArray<string> =>
  buy.items.map((item, i) => `${i + 1}. ${item.categoryName} / ${item.subcategoryName}\n${item.privateData}`)

export const purchase = (s: Speaker, buy: Buy): Screen => ({
  text: [
    s.t("purchase-title", { buy: buy.id, date: formatDate(buy.createdAt, s.language), total: formatMoney(buy.total, s.language) }),
    ...deliveryLines(buy).map(escapeHtml)
  ].join("\n\n"),
  keyboard: [[button(s.t("button-back"), { _tag: "History", page: 0 })]]
})

export const languages = (s: Speaker, translator: Translator): Screen => ({
  text: s.t("language-choose"),
  keyboard: [
    ...translator.languages.map((l) => [button(translator.t(l, "language-name"), { _tag: "Language", language: l })]),
    [button(s.t("button-back"), { _tag: "Profile" })]
  ]
})

export const notice = (s: Speaker, key: string, args?: Record<string, string | number>, back: Callback = { _tag: "Main" }): Screen => ({
  text: s.html(key, args),
  keyboard: [[button(s.t("button-back"), back)]]
})
