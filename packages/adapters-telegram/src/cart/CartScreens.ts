/** The cart and the checkout's confirmation. */
import { type Balance, type CartView, formatMoney } from "@tokenshop/domain"
import { button, type Screen, type Speaker } from "../Screens.js"

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

