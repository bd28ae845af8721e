/** What every admin is told about the wallet's guard: a new or removed address, and each approval's progress. */
import { assetLabel } from "../../Assets.js"
import { describeAdmin, type DomainEvent } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import { escapeHtml, type Screen } from "../../Screens.js"
import { addressNotice, approvalButtons, approvalText } from "./GuardScreens.js"

export interface AdminChannel {
  /** To every admin, as HTML, with buttons. */
  readonly tell: (text: string, html: boolean, keyboard?: Screen["keyboard"]) => Effect.Effect<void>
  /** English text. */
  readonly t: (key: string, args?: Record<string, string | number>) => string
}

/** The notice for a guard event, or null for any other event. */
export const guardNotice = (event: DomainEvent, c: AdminChannel): Effect.Effect<void> | null => {
  switch (event._tag) {
    case "WithdrawalAddressAdded": {
      const { keyboard, text } = addressNotice(c.t, event.entry, describeAdmin(event.admin))
      return c.tell(text, true, keyboard)
    }
    case "WithdrawalAddressRemoved":
      return c.tell(c.t("book-notice-removed", {
        asset: escapeHtml(assetLabel(event.asset)), address: escapeHtml(event.address), by: escapeHtml(describeAdmin(event.admin))
      }), true)
    case "WithdrawalApprovalChanged": {
      const { approval } = event
      if (approval.state === "sent") return Effect.void // the withdrawal's own notice follows, with its transactions
      return c.tell(approvalText(c.t, approval), true, approval.state === "pending" ? approvalButtons(c.t, approval) : undefined)
    }
    default:
      return null
  }
}
