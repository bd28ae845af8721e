/** Announcements: what can be announced, the preview before Send, and the live progress with Cancel. */
import { type Announcement, leftOf, type StockLine } from "@tokenshop/domain"
import { button, escapeHtml, type Screen, type Speaker } from "../../Screens.js"

export const menu = (s: Speaker): Screen => ({
  text: s.html("announce-title"),
  keyboard: [
    [button(s.t("announce-button-broadcast"), { _tag: "AnnounceBroadcast" })],
    [button(s.t("announce-button-restock"), { _tag: "AnnounceRestock" }), button(s.t("announce-button-stock"), { _tag: "AnnounceStock" })],
    [button(s.t("button-back"), { _tag: "Admin" })]
  ]
})

/** The message buyers get, as plain text in the shop's language: one line per subcategory. */
export const stockText = (title: string, lines: ReadonlyArray<StockLine>): string =>
  [title, ...lines.map((l) => `• ${l.categoryName} / ${l.subcategoryName}: ${l.count}`)].join("\n")

export const preview = (s: Speaker, text: string, photo: boolean, nonce: string): Screen => ({
  text: `${s.html(photo ? "announce-preview-photo" : "announce-preview")}\n\n${escapeHtml(text)}`,
  keyboard: [
    [button(s.t("announce-button-send"), { _tag: "AnnounceSend", nonce })],
    [button(s.t("prompt-cancel"), { _tag: "Announce" })]
  ]
})

export const nothingNew = (s: Speaker): Screen => ({
  text: s.html("announce-nothing-new"),
  keyboard: [[button(s.t("button-back"), { _tag: "Announce" })]]
})

/** The progress message: counts, and Cancel while it runs. */
export const progress = (s: Speaker, a: Announcement): Screen => ({
  text: s.html(a.status === "running" ? "announce-progress" : a.status === "done" ? "announce-done" : "announce-cancelled", {
    id: a.id, total: a.total, sent: a.sent, failed: a.failed, blocked: a.blocked, left: leftOf(a)
  }),
  keyboard: a.status === "running" ? [[button(s.t("announce-button-cancel"), { _tag: "AnnounceCancel", announcement: a.id })]] : []
})
