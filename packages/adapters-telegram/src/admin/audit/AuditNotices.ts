/** What every admin is told about the money log: its head (daily, an outside record of it), and a checkout refused over a balance that does not add up. */
import { type DomainEvent, formatHead, formatMoney } from "@tokenshop/domain"
import type * as Effect from "effect/Effect"
import type { AdminChannel } from "../guard/GuardNotices.js"
import { DEFAULT_LANGUAGE } from "../../I18n.js"
import { escapeHtml } from "../../Screens.js"

/** The head as a line for a withdrawal's notice (HTML), or nothing when it could not be sealed. */
export const headLine = (t: AdminChannel["t"], head: Extract<DomainEvent, { _tag: "WithdrawalExecuted" }>["head"]): string =>
  head === null || head === undefined ? "" : `\n${t("admin-withdrawal-head", { head: `<code>${escapeHtml(formatHead(head))}</code>` })}`

/** The notice for a money log event, or null for any other event. */
export const auditNotice = (event: DomainEvent, c: AdminChannel): Effect.Effect<void> | null => {
  switch (event._tag) {
    case "AuditHead": {
      const head = `<code>${escapeHtml(formatHead(event.head))}</code>`
      return c.tell(`${c.t("admin-audit-head", { head })}${event.keyed ? "" : `\n${c.t("admin-audit-unkeyed")}`}`, true)
    }
    case "BalanceUnverified":
      return c.tell(c.t("admin-balance-unverified", {
        user: event.user, stored: formatMoney(event.stored.available, DEFAULT_LANGUAGE), entries: formatMoney(event.entries.available, DEFAULT_LANGUAGE)
      }), false)
    default:
      return null
  }
}
