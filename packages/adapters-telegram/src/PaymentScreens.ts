/** Screens of top-ups (buyers) and of the wallet and withdrawals (admins). Pure, like Screens.ts. */
import {
  type Asset, assetInfo, type CryptoAmount, type Deposit, formatCrypto, type Money, type Network, type Page, type PaymentRequest,
  type Withdrawal, type WithdrawalPreview
} from "@tokenshop/domain"
import { formatDate, formatMoney } from "./Format.js"
import { button, escapeHtml, nonEmpty, pager, type Screen, type Speaker } from "./Screens.js"

const networkNames: Record<Network, string> = {
  bitcoin: "Bitcoin", litecoin: "Litecoin", dogecoin: "Dogecoin", solana: "Solana", ethereum: "Ethereum", bsc: "BNB Chain", tron: "TRON"
}

/** "BTC", or "USDT · Ethereum" for a token, so nobody sends on the wrong network. */
export const assetLabel = (asset: Asset): string => {
  const info = assetInfo(asset)
  return info.stablecoin ? `${info.symbol} · ${networkNames[info.network]}` : info.symbol
}

const schemes: Partial<Record<Network, string>> = { bitcoin: "bitcoin", litecoin: "litecoin", dogecoin: "dogecoin", solana: "solana", ethereum: "ethereum" }

/** What the QR code holds: a payment URI for native coins (BIP 21 style, with the amount when fixed), else the bare address. */
export const paymentUri = (asset: Asset, address: string, amount: CryptoAmount | null): string => {
  const info = assetInfo(asset)
  if (info.stablecoin) return address
  if (info.network === "bsc") return `ethereum:${address}@56`
  const scheme = schemes[info.network]
  if (scheme === undefined) return address
  const withAmount = amount !== null && info.network !== "ethereum"
  return `${scheme}:${address}${withAmount ? `?amount=${formatCrypto(amount).split(" ")[0]}` : ""}`
}

const explorers: Record<Network, string> = {
  bitcoin: "https://mempool.space/tx/",
  litecoin: "https://litecoinspace.org/tx/",
  dogecoin: "https://dogechain.info/tx/",
  solana: "https://solscan.io/tx/",
  ethereum: "https://etherscan.io/tx/",
  bsc: "https://bscscan.com/tx/",
  tron: "https://tronscan.org/#/transaction/"
}
export const explorerLink = (asset: Asset, txid: string): string => `${explorers[assetInfo(asset).network]}${encodeURIComponent(txid)}`

/** A transaction id as an HTML link to its block explorer, shortened for reading. */
export const txLink = (asset: Asset, txid: string): string =>
  `<a href="${escapeHtml(explorerLink(asset, txid))}">${escapeHtml(txid.slice(0, 16))}…</a>`

export const topUpAssets = (s: Speaker, assets: ReadonlyArray<Asset>, open: number): Screen => ({
  text: s.t("topup-choose"),
  keyboard: [
    ...chunk(assets.map((a) => button(assetLabel(a), { _tag: "TopUpAsset", asset: a })), 2),
    ...(open > 0 ? [[button(s.t("topup-open-button", { count: open }), { _tag: "OpenTopUps" })]] : []),
    [button(s.t("topup-history-button"), { _tag: "Deposits", page: 0 })],
    [button(s.t("button-back"), { _tag: "Profile" })]
  ]
})

const chunk = <A>(xs: ReadonlyArray<A>, n: number): Array<Array<A>> =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n))

export const askAmount = (s: Speaker, asset: Asset, min: Money, max: Money): Screen => ({
  text: s.html("topup-amount-ask", { asset: assetLabel(asset), min: formatMoney(min, s.language), max: formatMoney(max, s.language) }),
  keyboard: [[button(s.t("prompt-cancel"), { _tag: "CancelPrompt" })]]
})

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

// ---- admin

export const adminMenu = (s: Speaker): Screen => ({
  text: s.t("admin-title"),
  keyboard: [
    [button(s.t("admin-button-wallet"), { _tag: "Wallet" })],
    [button(s.t("admin-button-deposits"), { _tag: "AdminDeposits", page: 0 })],
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
      [button(s.t("wallet-button-history"), { _tag: "Withdrawals", page: 0 })],
      [button(s.t("button-back"), { _tag: "Admin" })]
    ]
  }
}

export const askAddress = (s: Speaker, asset: Asset): Screen => ({
  text: s.html("withdraw-ask-address", { asset: assetLabel(asset) }),
  keyboard: [[button(s.t("prompt-cancel"), { _tag: "CancelPrompt" })]]
})

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
