/** Domain events as chat messages: to the buyer they concern, in their language, and to the admins. */
import { describeAdmin, type DomainEvent, formatCrypto, formatMoney, Notifier, ShopConfig, ShopFrontRepo, type TelegramId, UserRepo } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import type { Api } from "grammy"
import { depositNotice } from "./topup/DepositNotices.js"
import { auditNotice, headLine } from "./admin/audit/AuditNotices.js"
import { guardNotice } from "./admin/guard/GuardNotices.js"
import { DEFAULT_LANGUAGE, loadTranslator } from "./I18n.js"
import { assetLabel, txLink } from "./Assets.js"
import { button, escapeHtml, type Screen } from "./Screens.js"
import { sendTo } from "./TelegramApi.js"
import { apiFor, type TelegramSettings } from "./TelegramBot.js"

/**
 * Domain events to the admins' chats (every purchase, and with the payment adapters every deposit),
 * through the manager bot, and to the buyer they concern: through the manager bot, or, when the buyer
 * never started it (Telegram refuses: 403, chat not found), through the first shop front that reaches them.
 */
export const TelegramNotifierLive = (settings: TelegramSettings): Layer.Layer<Notifier, never, ShopConfig | UserRepo | ShopFrontRepo> =>
  Layer.effect(Notifier, Effect.gen(function*() {
    const apiOf = (token: string) => apiFor(settings, token, { maxRetryAttempts: 3, maxDelaySeconds: 30 })
    const api = apiOf(Redacted.value(settings.token))
    const { admins } = yield* ShopConfig
    const users = yield* UserRepo
    const fronts = yield* ShopFrontRepo
    const frontApis = new Map<string, Api>()
    /** To a buyer: the manager first, then each running front until one reaches them. */
    const toUser = (user: TelegramId, text: string, html: boolean) =>
      sendTo(api, user, text, html).pipe(Effect.catchAll((refused) =>
        Effect.gen(function*() {
          for (const front of yield* fronts.list) {
            if (front.status !== "running") continue
            const token = yield* fronts.token(front.id)
            if (token._tag === "None") continue
            const key = Redacted.value(token.value)
            const frontApi = frontApis.get(key) ?? frontApis.set(key, apiOf(key)).get(key)!
            const sent = yield* Effect.either(sendTo(frontApi, user, text, html))
            if (sent._tag === "Right") return
          }
          return yield* Effect.fail(refused)
        })))
    const translator = loadTranslator()
    const en = DEFAULT_LANGUAGE
    const tell = (text: string, html = false, keyboard?: Screen["keyboard"]): Effect.Effect<void> =>
      Effect.forEach(admins, (admin) => sendTo(api, admin, text, html, keyboard).pipe(Effect.catchAll((e) => Effect.logWarning(`cannot notify admin ${admin}`, e))), {
        discard: true
      })
    /** A message to a buyer, in their language; a buyer who blocked the bot is only logged. */
    const toBuyer = (user: TelegramId, key: string, args: (language: string) => Record<string, string | number>, html = false): Effect.Effect<void> =>
      Effect.gen(function*() {
        const found = yield* users.find(user)
        const language = translator.pick(found._tag === "Some" ? found.value.language : null)
        yield* toUser(user, translator.t(language, key, args(language)), html)
      }).pipe(Effect.catchAll((e) => Effect.logWarning(`cannot notify user ${user}`, e)))
    return Notifier.of({
      publish: (event: DomainEvent) => {
        switch (event._tag) {
          case "BuyCompleted":
            return tell(translator.t(en, "admin-purchase", {
              buy: event.buyId,
              total: formatMoney(event.total, en),
              user: `${event.user}: ${event.lines.map((l) => `${l.categoryName} / ${l.subcategoryName} × ${l.quantity}`).join(", ")}`
            }))
          case "DepositCredited": {
            const { balance, deposit } = event
            const chained = depositNotice(event, { tell, toBuyer, en, t: translator.t })
            if (chained !== null) return chained
            return Effect.zipRight(
              toBuyer(deposit.user, "notify-topup-credited", (l) => ({ amount: formatMoney(deposit.fiat, l), balance: formatMoney(balance.available, l) })),
              tell(translator.t(en, "admin-deposit", {
                deposit: deposit.id,
                user: deposit.user,
                amount: formatCrypto(deposit.amount),
                fiat: formatMoney(deposit.fiat, en),
                balance: formatMoney(balance.available, en)
              }))
            )
          }
          case "Refunded":
            return Effect.zipRight(
              toBuyer(event.user, "notify-refunded", (l) => ({ buy: event.buyId, amount: formatMoney(event.amount, l), balance: formatMoney(event.balance.available, l) })),
              tell(translator.t(en, "admin-refunded", { buy: event.buyId, user: event.user, admin: describeAdmin(event.admin), amount: formatMoney(event.amount, en) }))
            )
          case "BalanceAdjusted":
            return Effect.zipRight(
              toBuyer(event.user, event.direction === "credit" ? "notify-credited" : "notify-debited", (l) => ({
                amount: formatMoney(event.amount, l), reason: event.reason, balance: formatMoney(event.balance.available, l)
              })),
              tell(translator.t(en, "admin-adjusted", {
                direction: event.direction === "credit" ? "➕" : "➖", amount: formatMoney(event.amount, en), user: event.user,
                admin: describeAdmin(event.admin), reason: event.reason, balance: formatMoney(event.balance.available, en)
              }))
            )
          case "BanChanged":
            return Effect.zipRight(
              toBuyer(event.user, event.banned ? "notify-banned" : "notify-unbanned", () => ({})),
              tell(translator.t(en, "admin-ban-changed", { state: event.banned ? "⛔ Banned" : "✅ Unbanned", user: event.user, admin: describeAdmin(event.admin) }))
            )
          case "PaymentExpired":
            return toBuyer(event.payment.user, "notify-topup-expired", () => ({ asset: assetLabel(event.payment.asset) }))
          case "PaymentMismatched":
            // Paid but not credited: every admin gets the one tap that asks the processor again and credits once.
            return tell(translator.t(en, "admin-payment-mismatch", {
              payment: event.payment.id, user: event.payment.user, asset: event.payment.asset, reason: event.reason
            }), false, [[button(translator.t(en, "button-resolve-payment"), { _tag: "ResolvePayment", payment: event.payment.id })]])
          case "PaymentUnderpaid": {
            const args = (l: string) => ({ payment: event.payment.id, credited: formatMoney(event.credited, l), asked: formatMoney(event.asked, l) })
            return Effect.zipRight(
              toBuyer(event.payment.user, "notify-topup-underpaid", args),
              tell(translator.t(en, "admin-payment-underpaid", { ...args(en), user: event.payment.user, asset: event.payment.asset }))
            )
          }
          case "ForwardingFailed":
            return tell(translator.t(en, "admin-forwarding-failed", {
              payment: event.payment.id, asset: event.payment.asset, destination: event.destination, reason: event.reason
            }))
          case "WithdrawalExecuted": {
            const w = event.withdrawal
            const links = w.txIds.map((tx) => txLink(w.asset, tx)).join(", ")
            return tell(translator.t(en, "admin-withdrawal", {
              total: escapeHtml(formatCrypto(w.total)), by: escapeHtml(w.admin), destination: escapeHtml(w.destination), links
            }) + headLine((key, args) => translator.t(en, key, args), event.head), true)
          }
          default:
            return depositNotice(event, { tell, toBuyer, en, t: translator.t }) ??
              guardNotice(event, { tell, t: (key, args) => translator.t(en, key, args) }) ??
              auditNotice(event, { tell, t: (key, args) => translator.t(en, key, args) }) ??
              Effect.logDebug(`event ${event._tag}`)
        }
      }
    })
  }))
