/** The address book, an address to add, and a withdrawal that waits for a second admin. */
import { createHash } from "node:crypto"
import { type Approval, type Asset, formatCrypto, formatMoney, type TrustedAddress } from "@tokenshop/domain"
import { assetLabel } from "../../Assets.js"
import { formatDate } from "../../Format.js"
import { button, escapeHtml, type Screen, type Speaker } from "../../Screens.js"

/** An entry's short name on a button: 12 characters of SHA-256 over asset and address. */
export const addressRef = (asset: Asset, address: string): string =>
  createHash("sha256").update(`${asset}\n${address}`).digest("base64url").slice(0, 12)

const removeButton = (e: Pick<TrustedAddress, "asset" | "address">, label: string) =>
  button(label, { _tag: "AddressRemove", asset: e.asset, ref: addressRef(e.asset, e.address) })

export const addressBook = (s: Speaker, entries: ReadonlyArray<TrustedAddress>, now: Date): Screen => ({
  text: entries.length === 0
    ? s.t("book-empty")
    : [
      s.t("book-title"),
      ...entries.map((e, i) =>
        s.html("book-entry", {
          n: i + 1,
          asset: assetLabel(e.asset),
          address: e.address,
          label: e.label === "" ? "" : ` (${e.label})`,
          state: e.usableFrom.getTime() <= now.getTime() ? s.t("book-usable") : s.t("book-waiting", { from: formatDate(e.usableFrom, s.language) })
        }))
    ].join("\n"),
  keyboard: [
    ...entries.map((e, i) => [removeButton(e, s.t("book-button-remove", { n: i + 1 }))]),
    [button(s.t("button-back"), { _tag: "Wallet" })]
  ]
})

/** A typed address that is not in the book: Add puts it there (every admin is told). */
export const offerToAdd = (s: Speaker, asset: Asset, address: string, delayHours: number, nonce: string): Screen => ({
  text: s.html("book-not-listed", { asset: assetLabel(asset), address, hours: delayHours }),
  keyboard: [
    [button(s.t("book-button-add"), { _tag: "AddressAdd", nonce })],
    [button(s.t("prompt-cancel"), { _tag: "Wallet" })]
  ]
})

export const addressAdded = (s: Speaker, entry: TrustedAddress): Screen => ({
  text: s.html("book-added", { asset: assetLabel(entry.asset), address: entry.address, from: formatDate(entry.usableFrom, s.language) }),
  keyboard: [[button(s.t("button-back"), { _tag: "Wallet" })]]
})

/** Why it waits, when that is the daily total (its amount alone is the usual reason, left unsaid). */
const reasonLine = (t: (key: string) => string, a: Approval): string => a.reason === "daily" ? `\n${t("approval-reason-daily")}` : ""

/** To the admin who asked: nothing was sent yet. */
export const awaitingApproval = (s: Speaker, a: Approval): Screen => ({
  text: s.html("approval-waiting", { total: formatCrypto(a.previewed.total), destination: a.request.destination, until: formatDate(a.expiresAt, s.language) }) +
    reasonLine(s.html, a),
  keyboard: [[button(s.t("approval-button-reject"), { _tag: "RejectWithdrawal", approval: a.id })], [button(s.t("button-back"), { _tag: "Wallet" })]]
})

/** An approval's state, in English, for the admins' notices and the deciding admin's answer; a pending one says why when it is the daily total. */
export const approvalText = (t: (key: string, args?: Record<string, string | number>) => string, a: Approval): string =>
  approvalState(t, a) + (a.state === "pending" ? reasonLine(t, a) : "")

const approvalState = (t: (key: string, args?: Record<string, string | number>) => string, a: Approval): string =>
  t(`approval-${a.state}`, {
    id: a.id,
    total: escapeHtml(formatCrypto(a.previewed.total)),
    value: a.value === null ? t("approval-no-value") : escapeHtml(formatMoney(a.value, "en")),
    asset: escapeHtml(assetLabel(a.request.asset)),
    destination: escapeHtml(a.request.destination),
    by: escapeHtml(a.requestedBy),
    decider: escapeHtml(a.decidedBy ?? ""),
    note: escapeHtml(a.note ?? ""),
    until: formatDate(a.expiresAt, "en")
  })

/** The buttons under a pending approval: any admin but the one who asked may approve; anyone may reject. */
export const approvalButtons = (t: (key: string) => string, a: Approval): Screen["keyboard"] => [[
  button(t("approval-button-approve"), { _tag: "ApproveWithdrawal", approval: a.id }),
  button(t("approval-button-reject"), { _tag: "RejectWithdrawal", approval: a.id })
]]

/** The notice to every admin about a new address, with the Remove button in case it was not theirs. */
export const addressNotice = (t: (key: string, args?: Record<string, string | number>) => string, e: TrustedAddress, by: string) => ({
  text: t("book-notice-added", {
    asset: escapeHtml(assetLabel(e.asset)), address: escapeHtml(e.address), by: escapeHtml(by), from: formatDate(e.usableFrom, "en")
  }),
  keyboard: [[removeButton(e, t("book-button-remove-now"))]]
})
