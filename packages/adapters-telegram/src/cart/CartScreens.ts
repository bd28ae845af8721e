/** The cart and the checkout's confirmation. */
import { type Balance, type CartView, formatMoney, type SubcategoryId } from "@tokenshop/domain"
import { button, nonEmpty, PAGE_SIZE, pager, type Screen, type Speaker } from "../Screens.js"

/** The cart's page (from 0) that shows the line of `subcategory`, or `fallback` when it has none. */
export const pageOf = (view: CartView, subcategory: SubcategoryId, fallback = 0): number => {
  const index = view.lines.findIndex((l) => l.subcategoryId === subcategory)
  return index < 0 ? fallback : Math.floor(index / PAGE_SIZE)
}

/**
 * The cart, `PAGE_SIZE` lines a page (a page past the end shows the last), so that its text and its
 * buttons stay within Telegram's limits however many lines it has; the total and Checkout are on every page.
 */
export const cart = (s: Speaker, view: CartView, page = 0): Screen => {
  if (view.lines.length === 0) {
    return { text: s.t("cart-empty"), keyboard: [[button(s.t("menu-categories"), { _tag: "Categories", page: 0 })], [button(s.t("button-main"), { _tag: "Main" })]] }
  }
  const pages = Math.ceil(view.lines.length / PAGE_SIZE)
  const current = Math.min(Math.max(0, page), pages - 1)
  const shown = view.lines.slice(current * PAGE_SIZE, current * PAGE_SIZE + PAGE_SIZE)
  const lines = shown.map((l) => {
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
    keyboard: nonEmpty([
      ...shown.map((l) => [
        button("➖", { _tag: "SetQuantity", subcategory: l.subcategoryId, quantity: Math.max(0, l.quantity - 1) }),
        button(`${l.subcategoryName ?? "?"} × ${l.quantity}`, { _tag: "Subcategory", subcategory: l.subcategoryId }),
        button("➕", { _tag: "SetQuantity", subcategory: l.subcategoryId, quantity: l.quantity + 1 }),
        button("✖️", { _tag: "SetQuantity", subcategory: l.subcategoryId, quantity: 0 })
      ]),
      pager(s, { items: shown, total: view.lines.length, offset: current * PAGE_SIZE, limit: PAGE_SIZE }, (p) => ({ _tag: "CartPage", page: p })),
      [button(s.t("cart-button-checkout"), { _tag: "Checkout" })],
      [button(s.t("cart-button-clear"), { _tag: "ClearCart" }), button(s.t("button-main"), { _tag: "Main" })]
    ])
  }
}

export const confirmCheckout = (s: Speaker, view: CartView, balance: Balance, nonce: string): Screen => ({
  text: s.t("checkout-confirm", { total: formatMoney(view.total, s.language), balance: formatMoney(balance.available, s.language) }),
  keyboard: [
    [button(s.t("checkout-button-confirm"), { _tag: "Confirm", nonce })],
    [button(s.t("checkout-button-cancel"), { _tag: "Cart" })]
  ]
})

