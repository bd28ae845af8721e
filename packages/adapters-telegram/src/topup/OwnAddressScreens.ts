/** Screens of deposits to the buyers' own addresses: the address, and what arrived there. Pure, like every screen. */
import {
  type Asset, type ChainDeposit, type ChainDepositView, type ConfirmationPolicy, crypto, formatCrypto, type Page
} from "@tokenshop/domain"
import { assetLabel, txLink } from "../Assets.js"
import { button, escapeHtml, type Screen, type Speaker } from "../Screens.js"

/** "6 confirmations", or "final" for chains that finalize. */
export const needed = (s: Speaker, required: ConfirmationPolicy): string =>
  required === "final" ? s.t("deposit-when-final") : s.t("deposit-confirmations", { count: required })

/**
 * The buyer's permanent address for one asset, what counts, and a Check button; with `directOnly`
 * (the watcher sees only direct transfers of it), that a contract's payment is not seen by itself.
 */
export const ownAddress = (s: Speaker, asset: Asset, address: string, minimum: bigint, required: ConfirmationPolicy, directOnly: boolean): Screen => ({
  text: [
    s.html("deposit-address", {
      asset: assetLabel(asset),
      address,
      minimum: formatCrypto(crypto(minimum, asset)),
      confirmations: needed(s, required)
    }),
    ...(directOnly ? [s.html("deposit-direct-only", { asset: assetLabel(asset) })] : [])
  ].join("\n\n"),
  keyboard: [
    [button(s.t("deposit-button-check"), { _tag: "ChainCheck", asset })],
    [button(s.t("button-back"), { _tag: "TopUp" })]
  ]
})

/** Where a payment stands, in the buyer's words. */
export const state = (s: Speaker, d: ChainDeposit, required: ConfirmationPolicy, minimum: bigint, credited: string | null): string => {
  switch (d.status) {
    case "pending":
      return required === "final"
        ? s.t("deposit-state-pending-final")
        : s.t("deposit-state-pending", { confirmations: d.confirmations, required })
    case "waiting_price": return s.t("deposit-state-waiting")
    case "credited": return s.t("deposit-state-credited", { fiat: credited ?? "" })
    case "held": return s.t("deposit-state-held")
    case "vanished": return s.t("deposit-state-vanished")
    case "below_minimum": return s.t("deposit-state-below", { minimum: formatCrypto(crypto(minimum, d.asset)) })
  }
}

export const line = (d: ChainDeposit, what: string) =>
  `${escapeHtml(formatCrypto(crypto(d.units, d.asset)))} · ${escapeHtml(what)} · ${txLink(d.asset, d.txid)}`

/** The buyer's payments to their address for one asset, newest first. */
export const chainStatus = (
  s: Speaker,
  asset: Asset,
  page: Page<ChainDepositView>,
  describe: (d: ChainDepositView) => string
): Screen => ({
  text: page.total === 0
    ? s.html("deposit-status-empty", { asset: assetLabel(asset) })
    : [s.html("deposit-status-title", { asset: assetLabel(asset) }), ...page.items.map((d) => line(d, describe(d)))].join("\n"),
  keyboard: [
    [button(s.t("deposit-button-check"), { _tag: "ChainCheck", asset })],
    [button(s.t("button-back"), { _tag: "TopUpAsset", asset })]
  ]
})
