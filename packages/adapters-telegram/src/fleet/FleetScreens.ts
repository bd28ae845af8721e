/** The shop fronts, for the admins of the manager bot: the list with each bot's state, removal, and what /add answered. */
import type { ShopFront } from "@tokenshop/domain"
import { formatDate } from "../Format.js"
import { button, escapeHtml, notice, type Screen, type Speaker } from "../Screens.js"

const state = (s: Speaker, front: ShopFront) =>
  front.status === "running"
    ? s.t("fleet-running")
    : s.t("fleet-stopped", { reason: front.stoppedReason ?? "" })

const lastUpdate = (s: Speaker, front: ShopFront) =>
  front.lastUpdateAt === null ? s.t("fleet-no-update") : s.t("fleet-last-update", { at: formatDate(front.lastUpdateAt, s.language) })

export const fleetList = (s: Speaker, fronts: ReadonlyArray<ShopFront>): Screen => ({
  text: [
    s.html("fleet-title"),
    ...(fronts.length === 0
      ? [s.html("fleet-none")]
      : fronts.map((f) => `@${escapeHtml(f.username)} · ${escapeHtml(f.name)} · ${escapeHtml(state(s, f))} · ${escapeHtml(lastUpdate(s, f))}`)),
    "",
    s.html("fleet-how")
  ].join("\n"),
  keyboard: [
    ...fronts.map((f) => [button(s.t("fleet-button-remove", { bot: `@${f.username}` }), { _tag: "BotRemove", bot: f.id })]),
    [button(s.t("button-back"), { _tag: "Admin" })]
  ]
})

export const confirmRemove = (s: Speaker, front: ShopFront): Screen => ({
  text: s.html("fleet-remove-ask", { bot: `@${front.username}` }),
  keyboard: [
    [button(s.t("fleet-button-remove-confirm"), { _tag: "BotRemoveConfirm", bot: front.id })],
    [button(s.t("prompt-cancel"), { _tag: "Bots" })]
  ]
})

export const removed = (s: Speaker, front: ShopFront): Screen =>
  notice(s, "fleet-removed", { bot: `@${front.username}` }, { _tag: "Bots" })

export const added = (s: Speaker, front: ShopFront): Screen =>
  notice(s, "fleet-added", { bot: `@${front.username}`, name: front.name }, { _tag: "Bots" })
