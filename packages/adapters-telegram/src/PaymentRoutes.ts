/**
 * Top-ups for buyers, the wallet and withdrawals for admins, and every answer a user types after
 * being asked (an amount, a quantity, an address). What was asked is kept in the PromptRepo, so an
 * answer is understood after a restart; nothing lives in this process's memory.
 * Admin steps re-check the admin on every press and every typed answer.
 */
import { randomBytes } from "node:crypto"
import {
  type Asset, Cart, Catalog, DepositAddresses, idempotencyKey, Ledger, parseMoney, Payments, PromptRepo,
  Settlement, ShopConfig, type TelegramId, type User, Users, WithdrawalRepo, Withdrawals
} from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { Context as TgContext } from "grammy"
import { type Callback, encodeCallback } from "./CallbackData.js"
import { formatMoney } from "./Format.js"
import * as P from "./PaymentScreens.js"
import { decodePending, encodePending } from "./admin/PendingWithdrawal.js"
import { limits, openTopUp } from "./topup/OpenTopUp.js"
import { depositRoute, type DepositRouteServices, showOwnAddress } from "./deposits/DepositRoutes.js"
import * as Screens from "./Screens.js"
import { answer, send, show } from "./Telegram.js"

export type PaymentRouteServices =
  | Payments | Settlement | PromptRepo | ShopConfig | Users | Withdrawals | WithdrawalRepo | Ledger | Cart | Catalog | DepositRouteServices

/** How long a question waits for its typed answer. */
const PROMPT_MINUTES = 15

const expired = (ctx: TgContext, s: Screens.Speaker) => answer(ctx, s.t("button-expired"), true)
const cancelButton = (s: Screens.Speaker) => ({ text: s.t("prompt-cancel"), callback_data: encodeCallback({ _tag: "CancelPrompt" }) })

const ask = (user: TelegramId, kind: string, data: string) =>
  Effect.flatMap(PromptRepo, (prompts) =>
    prompts.set({ user, kind, data, expiresAt: new Date(Date.now() + PROMPT_MINUTES * 60_000) }))

/** Handles the buttons of top-ups, the admin menu and prompts; returns false for any other button. */
export const paymentRoute = (ctx: TgContext, user: User, s: Screens.Speaker, callback: Callback, shopName: string) =>
  Effect.gen(function*() {
    const reply = (screen: Screens.Screen) => Effect.zipRight(answer(ctx), show(ctx, screen))
    const payments = yield* Payments
    const users = yield* Users
    const admin = () => Effect.option(users.authorize(user.id))
    switch (callback._tag) {
      case "TopUp": {
        const own = yield* DepositAddresses
        const assets = [...own.assets, ...payments.assets.filter((a) => !own.assets.includes(a))]
        if (assets.length === 0) return yield* reply(Screens.notice(s, "topup-not-configured", undefined, { _tag: "Profile" }))
        // Top up opens the buyer's watch window (their addresses are asked about closely for a day).
        if (own.assets.length > 0) yield* Effect.ignoreLogged(own.open(user.id))
        const open = yield* payments.pending(user.id)
        return yield* reply(P.topUpAssets(s, assets, open.length))
      }
      case "TopUpAsset": {
        if ((yield* DepositAddresses).assets.includes(callback.asset)) return yield* showOwnAddress(ctx, user, s, callback.asset)
        if (!payments.assets.includes(callback.asset)) return yield* expired(ctx, s)
        if (payments.fixedAmountAssets.includes(callback.asset)) {
          const { currency } = yield* ShopConfig
          yield* ask(user.id, "topup-amount", callback.asset)
          const { max, min } = limits(currency)
          return yield* reply(P.askAmount(s, callback.asset, min, max))
        }
        return yield* openTopUp(ctx, user, s, callback.asset, null)
      }
      case "Deposits":
        return yield* reply(P.deposits(s, yield* payments.deposits(user.id, Screens.listPage(callback.page))))
      case "OpenTopUps":
        return yield* reply(P.openTopUps(s, yield* payments.pending(user.id)))
      case "PaymentStatus": {
        const result = yield* Effect.either((yield* Settlement).refresh(user.id, callback.payment))
        if (result._tag === "Left") {
          const e = result.left
          if (e._tag === "PaymentNotFound") return yield* expired(ctx, s)
          if (e._tag === "ServiceUnavailable") return yield* answer(ctx, s.t("topup-unavailable"), true)
          return yield* answer(ctx, s.t("topup-mismatch"), true)
        }
        const payment = result.right.payment
        if (payment.status === "pending") return yield* answer(ctx, s.t("topup-status-pending"), true)
        if (payment.status === "expired") return yield* reply(Screens.notice(s, "topup-status-expired", undefined, { _tag: "TopUp" }))
        const balance = yield* (yield* Ledger).balance(user.id)
        const credited = result.right._tag === "Credited" ? result.right.credit.deposit.fiat : null
        return yield* reply(Screens.notice(s, "topup-status-paid", {
          amount: credited === null ? "-" : formatMoney(credited, s.language),
          balance: formatMoney(balance.available, s.language)
        }, { _tag: "Profile" }))
      }
      case "TypeQuantity": {
        const { maxLineQuantity } = yield* ShopConfig
        yield* ask(user.id, "quantity", String(callback.subcategory))
        return yield* reply({
          text: s.t("catalog-type-quantity", { max: maxLineQuantity }),
          keyboard: [[cancelButton(s)]]
        })
      }
      case "CancelPrompt":
        yield* (yield* PromptRepo).clear(user.id)
        yield* answer(ctx, s.t("prompt-cancelled"))
        return yield* show(ctx, Screens.mainMenu(s, shopName, users.isAdmin(user.id)))
      case "Admin": {
        if (Option.isNone(yield* admin())) return yield* expired(ctx, s)
        return yield* reply(P.adminMenu(s))
      }
      case "Wallet": {
        const ref = yield* admin()
        if (Option.isNone(ref)) return yield* expired(ctx, s)
        yield* (yield* PromptRepo).clear(user.id)
        const balances = yield* Effect.either((yield* Withdrawals).balances(ref.value))
        if (balances._tag === "Left") return yield* reply(Screens.notice(s, "wallet-unavailable", { reason: balances.left.message }, { _tag: "Admin" }))
        return yield* reply(P.wallet(s, balances.right))
      }
      case "Withdrawals": {
        const ref = yield* admin()
        if (Option.isNone(ref)) return yield* expired(ctx, s)
        const history = yield* (yield* Withdrawals).history(ref.value, Screens.listPage(callback.page))
        return yield* reply(P.withdrawalHistory(s, history))
      }
      case "WithdrawAsset": {
        if (Option.isNone(yield* admin())) return yield* expired(ctx, s)
        yield* ask(user.id, "withdraw-address", callback.asset)
        return yield* reply(P.askAddress(s, callback.asset))
      }
      case "WithdrawConfirm": {
        const ref = yield* admin()
        if (Option.isNone(ref)) return yield* expired(ctx, s)
        const key = idempotencyKey("tg-withdraw", user.id, callback.nonce)
        const done = yield* (yield* WithdrawalRepo).findByKey(key)
        if (Option.isSome(done)) return yield* reply(P.withdrawalDone(s, done.value))
        // Taking the question is atomic: of two presses (or two bot processes) only one goes on to send.
        const prompts = yield* PromptRepo
        const prompt = yield* prompts.take(user.id, new Date())
        const pending = Option.flatMap(prompt, (p) => p.kind === "withdraw-confirm" ? decodePending(p.data) : Option.none())
        if (Option.isNone(pending) || pending.value.nonce !== callback.nonce) {
          if (Option.isSome(prompt)) yield* prompts.set(prompt.value) // someone else's question: put it back
          return yield* expired(ctx, s)
        }
        yield* answer(ctx, s.t("withdraw-sending"))
        const { asset, destination } = pending.value
        const result = yield* Effect.either((yield* Withdrawals).execute(ref.value, { asset, destination, scope: { kind: "all" } }, key))
        if (result._tag === "Left") return yield* show(ctx, Screens.notice(s, "withdraw-failed", { reason: result.left.message }, { _tag: "Wallet" }))
        return yield* show(ctx, P.withdrawalDone(s, result.right))
      }
      default:
        return yield* depositRoute(ctx, user, s, callback)
    }
  })


/**
 * A typed message while a question is open: the answer to it. Returns false when nothing was asked
 * (the caller then shows the main menu).
 */
export const answerPrompt = (ctx: TgContext, user: User, s: Screens.Speaker, text: string) =>
  Effect.gen(function*() {
    const prompts = yield* PromptRepo
    const prompt = yield* prompts.get(user.id, new Date())
    if (Option.isNone(prompt) || text.startsWith("/")) {
      if (Option.isSome(prompt)) yield* prompts.clear(user.id)
      return false
    }
    const { data, kind } = prompt.value
    const retry = (key: string, args?: Record<string, string | number>) =>
      send(ctx, { text: s.html(key, args), keyboard: [[cancelButton(s)]] }).pipe(Effect.as(true))
    switch (kind) {
      case "topup-amount": {
        const { currency } = yield* ShopConfig
        const { max, min } = limits(currency)
        const parsed = parseMoney(text, currency)
        const args = { min: formatMoney(min, s.language), max: formatMoney(max, s.language) }
        if (parsed._tag === "Left" || parsed.right.amount < min.amount || parsed.right.amount >= max.amount) {
          return yield* retry("topup-amount-invalid", args)
        }
        yield* prompts.clear(user.id)
        yield* openTopUp(ctx, user, s, data as Asset, parsed.right)
        return true
      }
      case "quantity": {
        const { maxLineQuantity } = yield* ShopConfig
        const quantity = /^\s*\d{1,7}\s*$/.test(text) ? Number(text) : NaN
        if (!Number.isInteger(quantity) || quantity < 1 || quantity > maxLineQuantity) {
          return yield* retry("catalog-type-quantity", { max: maxLineQuantity })
        }
        const catalog = yield* Catalog
        const sub = yield* Effect.option(catalog.subcategory(Number(data) as never))
        if (Option.isNone(sub)) {
          yield* prompts.clear(user.id)
          return yield* send(ctx, Screens.notice(s, "catalog-sold-out", undefined, { _tag: "Categories", page: 0 })).pipe(Effect.as(true))
        }
        const added = yield* Effect.either((yield* Cart).add(user.id, sub.value.id, quantity))
        if (added._tag === "Left") {
          const e = added.left
          if (e._tag === "OutOfStock") {
            return yield* retry("checkout-out-of-stock", { name: sub.value.name, requested: e.requested, available: e.available })
          }
          return yield* retry("catalog-type-quantity", { max: maxLineQuantity })
        }
        yield* prompts.clear(user.id)
        return yield* send(ctx, Screens.cart(s, added.right)).pipe(Effect.as(true))
      }
      case "withdraw-address": {
        const ref = yield* Effect.option((yield* Users).authorize(user.id))
        if (Option.isNone(ref)) {
          yield* prompts.clear(user.id)
          return false
        }
        const preview = yield* Effect.either((yield* Withdrawals).preview(ref.value, { asset: data as Asset, destination: text.trim(), scope: { kind: "all" } }))
        if (preview._tag === "Left") {
          const e = preview.left
          if (e._tag === "InvalidAddress") return yield* retry("withdraw-bad-address", { asset: P.assetLabel(data as Asset), reason: e.reason })
          yield* prompts.clear(user.id)
          return yield* send(ctx, Screens.notice(s, "withdraw-failed", { reason: e.message }, { _tag: "Wallet" })).pipe(Effect.as(true))
        }
        const nonce = randomBytes(9).toString("base64url")
        yield* prompts.set({
          user: user.id,
          kind: "withdraw-confirm",
          data: encodePending({ asset: data as Asset, destination: preview.right.request.destination, nonce }),
          expiresAt: new Date(Date.now() + PROMPT_MINUTES * 60_000)
        })
        return yield* send(ctx, P.withdrawalPreview(s, preview.right, nonce)).pipe(Effect.as(true))
      }
      default:
        yield* prompts.clear(user.id)
        return false
    }
  })
