/** A buyer as the admins see them: card, purchases, deposits, a purchase with its refund, credits and debits. */
import { type Balance, type BuySummary, type CustomerCard, type Deposit, formatCrypto, formatMoney, type Money, type Page, type SealedBuy, type TelegramId } from "@tokenshop/domain"
import { formatDate } from "../../Format.js"
import { button, escapeHtml, nonEmpty, pager, type Screen, type Speaker } from "../../Screens.js"

const balanceText = (s: Speaker, b: Balance) =>
  s.html("users-balance", { topUp: formatMoney(b.topUp, s.language), consumed: formatMoney(b.consumed, s.language), available: formatMoney(b.available, s.language) })

export const card = (s: Speaker, c: CustomerCard, note?: string): Screen => ({
  text: [
    ...(note === undefined ? [] : [note, ""]),
    s.html("users-card", {
      user: String(c.user.id),
      username: c.user.username === null ? "-" : `@${c.user.username}`,
      registered: formatDate(c.user.registeredAt, s.language),
      language: c.user.language ?? "-"
    }),
    ...(c.user.banned ? [s.html("users-banned-mark")] : []),
    balanceText(s, c.balance),
    s.html("users-counts", { buys: c.buys, deposits: c.deposits })
  ].join("\n"),
  keyboard: [
    [button(s.t("users-button-buys"), { _tag: "UserBuys", user: c.user.id, page: 0 }), button(s.t("users-button-deposits"), { _tag: "UserDeposits", user: c.user.id, page: 0 })],
    [button(s.t("users-button-credit"), { _tag: "Adjust", user: c.user.id, direction: "c" }), button(s.t("users-button-debit"), { _tag: "Adjust", user: c.user.id, direction: "d" })],
    [c.user.banned ? button(s.t("users-button-unban"), { _tag: "Unban", user: c.user.id }) : button(s.t("users-button-ban"), { _tag: "Ban", user: c.user.id })],
    [button(s.t("users-button-find"), { _tag: "FindUser" }), button(s.t("button-back"), { _tag: "Admin" })]
  ]
})

const buyLine = (s: Speaker, b: BuySummary) =>
  `#${b.id} · ${formatDate(b.createdAt, s.language)} · ${formatMoney(b.total, s.language)} · ×${b.quantity}${b.refundedAt === null ? "" : " ↩︎"}`

export const buys = (s: Speaker, user: TelegramId, page: Page<BuySummary>): Screen => ({
  text: s.html(page.total === 0 ? "users-buys-none" : "users-buys-title", { user: String(user) }),
  keyboard: nonEmpty([
    ...page.items.map((b) => [button(buyLine(s, b), { _tag: "AdminBuy", buy: b.id })]),
    pager(s, page, (p) => ({ _tag: "UserBuys", user, page: p })),
    [button(s.t("button-back"), { _tag: "UserCard", user })]
  ])
})

export const deposits = (s: Speaker, user: TelegramId, page: Page<Deposit>): Screen => ({
  text: [
    s.html(page.total === 0 ? "users-deposits-none" : "users-deposits-title", { user: String(user) }),
    ...page.items.map((d) => escapeHtml(`#${d.id} · ${formatDate(d.createdAt, s.language)} · ${formatCrypto(d.amount)} = ${formatMoney(d.fiat, s.language)}`))
  ].join("\n"),
  keyboard: nonEmpty([pager(s, page, (p) => ({ _tag: "UserDeposits", user, page: p })), [button(s.t("button-back"), { _tag: "UserCard", user })]])
})

/** A purchase as delivered (names and prices; the goods only through Show goods, which is logged). */
export const buy = (s: Speaker, b: SealedBuy): Screen => ({
  text: [
    s.html("users-buy", { buy: b.id, user: String(b.user), date: formatDate(b.createdAt, s.language), total: formatMoney(b.total, s.language) }),
    ...(b.refundedAt === null ? [] : [s.html("users-buy-refunded", { date: formatDate(b.refundedAt, s.language) })]),
    ...b.items.slice(0, 40).map((i) => escapeHtml(`• ${i.categoryName} / ${i.subcategoryName} · ${formatMoney(i.price, s.language)}`)),
    ...(b.items.length > 40 ? [`… +${b.items.length - 40}`] : [])
  ].join("\n"),
  keyboard: nonEmpty([
    b.refundedAt === null ? [button(s.t("users-button-refund"), { _tag: "Refund", buy: b.id })] : [],
    [button(s.t("users-button-reveal"), { _tag: "RevealBuy", buy: b.id })],
    [button(s.t("button-back"), { _tag: "UserBuys", user: b.user, page: 0 })]
  ])
})

export const confirmRefund = (s: Speaker, b: SealedBuy): Screen => ({
  text: s.html("users-refund-ask", { buy: b.id, user: String(b.user), total: formatMoney(b.total, s.language) }),
  keyboard: [[button(s.t("users-button-refund-confirm"), { _tag: "RefundConfirm", buy: b.id })], [button(s.t("prompt-cancel"), { _tag: "AdminBuy", buy: b.id })]]
})

export const refunded = (s: Speaker, b: Pick<SealedBuy, "id" | "total" | "user">, balance: Balance): Screen => ({
  text: s.html("users-refunded", { buy: b.id, total: formatMoney(b.total, s.language), available: formatMoney(balance.available, s.language) }),
  keyboard: [[button(s.t("button-back"), { _tag: "UserCard", user: b.user })]]
})

export const askAmount = (s: Speaker, user: TelegramId, direction: "c" | "d", currency: string): Screen => ({
  text: s.html(direction === "c" ? "users-credit-ask" : "users-debit-ask", { user: String(user), currency }),
  keyboard: [[button(s.t("prompt-cancel"), { _tag: "UserCard", user })]]
})

export const askReason = (s: Speaker, user: TelegramId, amount: Money): Screen => ({
  text: s.html("users-reason-ask", { amount: formatMoney(amount, s.language) }),
  keyboard: [[button(s.t("prompt-cancel"), { _tag: "UserCard", user })]]
})
