/** Top-ups through the payment processor: the assets, the amount question, invoices, open top-ups, credited top-ups. */
import { type Asset, type Deposit, formatCrypto, formatMoney, type Money, type Page, type PaymentRequest } from "@tokenshop/domain"
import { assetLabel } from "../Assets.js"
import { formatDate } from "../Format.js"
import { button, chunk, nonEmpty, pager, question, type Screen, type Speaker } from "../Screens.js"

export const topUpAssets = (s: Speaker, assets: ReadonlyArray<Asset>, open: number): Screen => ({
  text: s.t("topup-choose"),
  keyboard: [
    ...chunk(assets.map((a) => button(assetLabel(a), { _tag: "TopUpAsset", asset: a })), 2),
    ...(open > 0 ? [[button(s.t("topup-open-button", { count: open }), { _tag: "OpenTopUps" })]] : []),
    [button(s.t("topup-history-button"), { _tag: "Deposits", page: 0 })],
    [button(s.t("button-back"), { _tag: "Profile" })]
  ]
})

export const askAmount = (s: Speaker, asset: Asset, min: Money, max: Money): Screen =>
  question(s, "topup-amount-ask", { asset: assetLabel(asset), min: formatMoney(min, s.language), max: formatMoney(max, s.language) })

/** Where to send, how much, until when; with "check status". */
export const invoice = (s: Speaker, p: PaymentRequest): Screen => {
  const args = { asset: assetLabel(p.asset), address: p.address, expires: formatDate(p.expiresAt, s.language) }
  const text = p.fiatAmount !== null && p.cryptoAmount !== null
    ? s.html("topup-invoice-fixed", { ...args, fiat: formatMoney(p.fiatAmount, s.language), amount: formatCrypto(p.cryptoAmount) })
    : s.html("topup-invoice-open", args)
  return {
    text,
    keyboard: [
      [button(s.t("topup-button-check"), { _tag: "PaymentStatus", payment: p.id })],
      [button(s.t("button-back"), { _tag: "Profile" })]
    ]
  }
}

export const openTopUps = (s: Speaker, pending: ReadonlyArray<PaymentRequest>): Screen => ({
  text: pending.length === 0 ? s.t("topup-open-empty") : s.t("topup-open-title"),
  keyboard: [
    ...pending.map((p) => [button(s.t("topup-open-line", { asset: assetLabel(p.asset), expires: formatDate(p.expiresAt, s.language) }), { _tag: "PaymentStatus", payment: p.id })]),
    [button(s.t("button-back"), { _tag: "TopUp" })]
  ]
})

/** The buyer's credited top-ups, newest first, ten a page: what arrived and what it was worth then. */
export const deposits = (s: Speaker, page: Page<Deposit>): Screen => ({
  text: page.total === 0
    ? s.t("topup-history-empty")
    : [
      s.t("topup-history-title"),
      ...page.items.map((d) =>
        s.html("topup-history-line", { date: formatDate(d.createdAt, s.language), amount: formatCrypto(d.amount), fiat: formatMoney(d.fiat, s.language) }))
    ].join("\n"),
  keyboard: nonEmpty([pager(s, page, (p) => ({ _tag: "Deposits", page: p })), [button(s.t("button-back"), { _tag: "TopUp" })]])
})
