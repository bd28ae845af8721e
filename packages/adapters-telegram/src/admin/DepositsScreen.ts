/** The admins' view of deposits to own addresses: recent ones, pending, waiting, held, the watchers and the pools. */
import type { ChainDeposit, ChainOverview, WatcherState } from "@tokenshop/domain"
import { formatDate } from "../Format.js"
import { button, escapeHtml, nonEmpty, pager, type Screen, type Speaker } from "../Screens.js"
import { line } from "../topup/OwnAddressScreens.js"

const watcherLine = (s: Speaker, w: WatcherState) =>
  [
    `• <b>${escapeHtml(w.name)}</b>`,
    w.height === null ? "" : ` · ${s.html("admin-deposits-height", { height: String(w.height) })}`,
    ` · ${escapeHtml(formatDate(w.updatedAt, s.language))}`,
    w.lastError === null ? " ✅" : `\n  ⚠️ ${escapeHtml(w.lastError.slice(0, 200))}`
  ].join("")

const admin = (s: Speaker, d: ChainDeposit) =>
  `${escapeHtml(formatDate(d.updatedAt, s.language))} · ${d.user} · ${line(d, d.status === "pending" ? `${d.confirmations}` : d.status)}`

/** Recent payments, those waiting for confirmations or a price, holds, watchers and pools; with `credit`, the button to credit a transaction by its hash. */
export const overview = (s: Speaker, o: ChainOverview, credit: boolean): Screen => ({
  text: [
    s.html("admin-deposits-title"),
    ...(o.recent.total === 0 ? [s.html("admin-deposits-none")] : o.recent.items.map((d) => admin(s, d))),
    ...(o.pending.length === 0 ? [] : [`\n${s.html("admin-deposits-pending", { count: o.pending.length })}`, ...o.pending.map((d) => admin(s, d))]),
    ...(o.waiting.length === 0 ? [] : [`\n${s.html("admin-deposits-waiting", { count: o.waiting.length })}`, ...o.waiting.map((d) => admin(s, d))]),
    ...(o.held.length === 0 ? [] : [`\n${s.html("admin-deposits-held", { count: o.held.length })}`, ...o.held.map((d) => admin(s, d))]),
    `\n${s.html("admin-deposits-watchers")}`,
    ...(o.watchers.length === 0 ? [s.html("admin-deposits-no-watchers")] : o.watchers.map((w) => watcherLine(s, w))),
    ...o.pools.map((p) => s.html("admin-deposits-pool", { network: p.network, left: p.left }))
  ].join("\n"),
  keyboard: nonEmpty([
    pager(s, o.recent, (p) => ({ _tag: "AdminDeposits", page: p })),
    credit ? [button(s.t("admin-deposits-button-credit"), { _tag: "CreditTx" })] : [],
    [button(s.t("button-back"), { _tag: "Admin" })]
  ])
})
