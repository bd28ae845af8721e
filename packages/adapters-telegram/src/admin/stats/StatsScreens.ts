/** A period's figures: sales, refunds, deposits and new buyers, from the amounts stored when they happened. */
import { formatCrypto, formatMoney, type ShopStatistics } from "@tokenshop/domain"
import { button, escapeHtml, type Screen, type Speaker } from "../../Screens.js"
import type { Days } from "./StatsCallbacks.js"

const DAYS: ReadonlyArray<Days> = ["1", "7", "30"]

export const stats = (s: Speaker, days: Days, st: ShopStatistics): Screen => ({
  text: [
    s.html("stats-title", { days }),
    s.html("stats-sales", { count: st.sales.count, items: st.sales.items, total: formatMoney(st.sales.total, s.language) }),
    s.html("stats-refunds", { count: st.sales.refundedCount, total: formatMoney(st.sales.refundedTotal, s.language) }),
    s.html("stats-deposits", { count: st.deposits.count, total: formatMoney(st.deposits.total, s.language) }),
    ...st.deposits.byAsset.map((c) => `  • ${escapeHtml(formatCrypto(c))}`),
    s.html("stats-new-users", { count: st.newUsers })
  ].join("\n"),
  keyboard: [
    DAYS.map((d) => button(d === days ? `• ${s.t("stats-button-days", { days: d })} •` : s.t("stats-button-days", { days: d }), { _tag: "Stats", days: d })),
    [button(s.t("stats-button-chart"), { _tag: "StatsChart", days }), button(s.t("stats-button-csv"), { _tag: "StatsCsv", days })],
    [button(s.t("button-back"), { _tag: "Admin" })]
  ]
})
