/** The admin menu, the processor's wallet, withdrawals with their preview, and past withdrawals. */
import { type Asset, type CryptoAmount, formatCrypto, formatMoney, type Money, type Page, type Withdrawal, type WithdrawalPreview } from "@tokenshop/domain"
import { assetLabel, txLink } from "../Assets.js"
import { formatDate } from "../Format.js"
import { button, chunk, escapeHtml, nonEmpty, pager, question, type Screen, type Speaker } from "../Screens.js"

export const adminMenu = (s: Speaker): Screen => ({
  text: s.t("admin-title"),
  keyboard: [
    [button(s.t("admin-button-inventory"), { _tag: "Inventory", page: 0 }), button(s.t("admin-button-users"), { _tag: "FindUser" })],
    [button(s.t("admin-button-stats"), { _tag: "Stats", days: "7" }), button(s.t("admin-button-announce"), { _tag: "Announce" })],
    [button(s.t("admin-button-wallet"), { _tag: "Wallet" }), button(s.t("admin-button-deposits"), { _tag: "AdminDeposits", page: 0 })],
    [button(s.t("admin-button-backup"), { _tag: "Backup" }), button(s.t("admin-button-bots"), { _tag: "Bots" })],
    [button(s.t("button-main"), { _tag: "Main" })]
  ]
})

export const wallet = (s: Speaker, balances: ReadonlyArray<CryptoAmount>): Screen => {
  const held = balances.filter((b) => b.units > 0n)
  return {
    text: held.length === 0
      ? s.t("wallet-empty")
      : [s.t("wallet-title"), ...held.map((b) => `${assetLabel(b.asset)}: ${formatCrypto(b)}`)].join("\n"),
    keyboard: [
      ...chunk(held.map((b) => button(s.t("wallet-button-withdraw", { asset: assetLabel(b.asset) }), { _tag: "WithdrawAsset", asset: b.asset })), 2),
      [button(s.t("wallet-button-history"), { _tag: "Withdrawals", page: 0 }), button(s.t("wallet-button-book"), { _tag: "AddressBook" })],
      [button(s.t("button-back"), { _tag: "Admin" })]
    ]
  }
}

export const askAddress = (s: Speaker, asset: Asset): Screen => question(s, "withdraw-ask-address", { asset: assetLabel(asset) })

const both = (s: Speaker, c: CryptoAmount, fiat: Money | undefined) =>
  fiat === undefined ? formatCrypto(c) : `${formatCrypto(c)} (≈ ${formatMoney(fiat, s.language)})`

export const withdrawalPreview = (s: Speaker, preview: WithdrawalPreview, nonce: string): Screen => ({
  text: s.html("withdraw-preview", {
    asset: assetLabel(preview.request.asset),
    destination: preview.request.destination,
    total: both(s, preview.quote.total, preview.fiat?.total),
    networkFee: both(s, preview.quote.networkFee, preview.fiat?.networkFee),
    serviceFee: both(s, preview.quote.serviceFee, preview.fiat?.serviceFee),
    receiving: both(s, preview.quote.receiving, preview.fiat?.receiving)
  }),
  keyboard: [
    [button(s.t("withdraw-button-confirm"), { _tag: "WithdrawConfirm", nonce })],
    [button(s.t("prompt-cancel"), { _tag: "Wallet" })]
  ]
})

export const withdrawalDone = (s: Speaker, w: Withdrawal): Screen => ({
  text: [
    s.html("withdraw-done", { receiving: formatCrypto(w.receiving), destination: w.destination }),
    ...w.txIds.map((tx) => txLink(w.asset, tx))
  ].join("\n"),
  keyboard: [[button(s.t("button-back"), { _tag: "Wallet" })]]
})

/** Past withdrawals, newest first, ten a page, each with its explorer links. */
export const withdrawalHistory = (s: Speaker, page: Page<Withdrawal>): Screen => ({
  text: page.total === 0
    ? s.t("withdrawals-empty")
    : [
      s.t("withdrawals-title"),
      ...page.items.map((w) =>
        `${escapeHtml(formatDate(w.createdAt, s.language))} · ${escapeHtml(formatCrypto(w.receiving))} → <code>${escapeHtml(w.destination)}</code> (${escapeHtml(w.admin)}) ${w.txIds.map((tx) => txLink(w.asset, tx)).join(" ")}`)
    ].join("\n"),
  keyboard: nonEmpty([pager(s, page, (p) => ({ _tag: "Withdrawals", page: p })), [button(s.t("button-back"), { _tag: "Wallet" })]])
})

