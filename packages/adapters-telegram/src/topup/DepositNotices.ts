/** Messages about deposits to the buyers' own addresses: to the buyer, and what the admins must know. */
import { type ConfirmationPolicy, type DomainEvent, formatCrypto, formatMoney, type TelegramId } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import { txLink } from "../Assets.js"
import { escapeHtml } from "../Screens.js"

export interface Channels {
  /** To every admin, in the default language. */
  readonly tell: (text: string, html?: boolean) => Effect.Effect<void>
  readonly toBuyer: (user: TelegramId, key: string, args: (language: string) => Record<string, string | number>, html?: boolean) => Effect.Effect<void>
  readonly en: string
  readonly t: (language: string, key: string, args?: Record<string, string | number>) => string
}

const needed = (c: Channels, language: string, required: ConfirmationPolicy) =>
  required === "final" ? c.t(language, "deposit-when-final") : c.t(language, "deposit-confirmations", { count: required })

/** The messages for a chain deposit event, or null for any other event (processor deposits included). */
export const depositNotice = (event: DomainEvent, c: Channels): Effect.Effect<void> | null => {
  switch (event._tag) {
    case "DepositSeen":
      return c.toBuyer(event.user, "notify-deposit-seen", (l) => ({
        amount: formatCrypto(event.amount), confirmations: needed(c, l, event.required)
      }))
    case "DepositBelowMinimum":
      return c.toBuyer(event.user, "notify-deposit-below", () => ({ amount: formatCrypto(event.amount), minimum: formatCrypto(event.minimum) }))
    case "DepositAwaitingPrice":
      return Effect.zipRight(
        c.toBuyer(event.user, "notify-deposit-waiting", () => ({ amount: formatCrypto(event.amount) })),
        c.tell(c.t(c.en, "admin-deposit-waiting", { user: event.user, amount: formatCrypto(event.amount) }))
      )
    case "DepositCredited":
    case "DepositHeld":
    case "DepositReleased": {
      const { balance, deposit } = event
      if (deposit.source.kind !== "chain") return null
      const link = txLink(deposit.source.asset, deposit.source.txid)
      const what = event._tag === "DepositCredited" ? "credited" : event._tag === "DepositHeld" ? "held" : "released"
      const args = (l: string) => ({
        deposit: deposit.id,
        user: deposit.user,
        amount: escapeHtml(formatCrypto(deposit.amount)),
        fiat: escapeHtml(formatMoney(deposit.fiat, l)),
        balance: escapeHtml(formatMoney(balance.available, l)),
        link
      })
      return Effect.zipRight(
        c.toBuyer(deposit.user, `notify-deposit-${what}`, args, true),
        c.tell(c.t(c.en, `admin-deposit-${what}`, args(c.en)), true)
      )
    }
    case "AddressPoolLow":
      return c.tell(c.t(c.en, event.left === 0 ? "admin-pool-empty" : "admin-pool-low", { network: event.network, left: event.left }))
    default:
      return null
  }
}
