/** The main menu, the profile with its balance, past purchases, and the language choice. */
import { type Balance, type Buy, type BuySummary, formatMoney, type Page } from "@tokenshop/domain"
import { formatDate } from "../Format.js"
import type { Translator } from "../I18n.js"
import { button, chunk, nonEmpty, pager, type Screen, type Speaker } from "../Screens.js"

export const mainMenu = (s: Speaker, shopName: string, admin = false): Screen => ({
  text: s.html("menu-title", { shop: shopName }),
  keyboard: [
    [button(s.t("menu-categories"), { _tag: "Categories", page: 0 })],
    [button(s.t("menu-profile"), { _tag: "Profile" }), button(s.t("menu-cart"), { _tag: "Cart" })],
    [button(s.t("menu-help"), { _tag: "Help" })],
    ...(admin ? [[button(s.t("menu-admin"), { _tag: "Admin" })]] : [])
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
        { _tag: "Buy", buy: b.id }
      )
    ]),
    pager(s, page, (p) => ({ _tag: "History", page: p })),
    [button(s.t("button-back"), { _tag: "Profile" })]
  ])
})

/** A purchase reopened by its buyer: what it was; the goods follow as in a delivery. */
export const buy = (s: Speaker, buy: Buy): Screen => ({
  text: s.html("purchase-title", { buy: buy.id, date: formatDate(buy.createdAt, s.language), total: formatMoney(buy.total, s.language) }),
  keyboard: [[button(s.t("button-back"), { _tag: "History", page: 0 })]]
})

/** Every language with a locale file, each under its own name (the current one ticked), two to a row. */
export const languages = (s: Speaker, translator: Translator): Screen => ({
  text: s.t("language-choose"),
  keyboard: [
    ...chunk(
      translator.languages.map((l) =>
        button(`${l === s.language ? "✓ " : ""}${translator.t(l, "language-name")}`, { _tag: "Language", language: l })
      ),
      2
    ),
    [button(s.t("button-back"), { _tag: "Profile" })]
  ]
})

