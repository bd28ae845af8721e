/**
 * Helping a buyer: find by id or @username, see the card (balance, purchases, deposits), credit or
 * debit with a typed reason (audited, never below zero), ban or unban, refund a purchase once.
 */
import { randomBytes } from "node:crypto"
import { type AdminRef, Buys, Customers, formatMoney, idempotencyKey, Ledger, parseMoney, Prompts, Refunds, ShopConfig, type TelegramId, Users } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { Context as TgContext } from "grammy"
import { ask } from "../../Asked.js"
import type { Answers, Handlers } from "../../Handler.js"
import { deliveryLines, listPage, notice, question, type Speaker } from "../../Screens.js"
import { deliver, reply, send } from "../../TelegramApi.js"
import { adminGuard } from "../AsAdmin.js"
import * as U from "./UsersScreens.js"

export const usersHandlers = Effect.gen(function*() {
  const customers = yield* Customers
  const buys = yield* Buys
  const refunds = yield* Refunds
  const ledger = yield* Ledger
  const users = yield* Users
  const prompts = yield* Prompts
  const guard = yield* adminGuard
  const { currency } = yield* ShopConfig

  const gone = (ctx: TgContext, s: Speaker) => reply(ctx, notice(s, "users-not-found", undefined, { _tag: "Admin" }))
  const showCard = (ctx: TgContext, s: Speaker, admin: AdminRef, user: TelegramId, note?: string) =>
    Effect.flatMap(customers.card(admin, user), (c) => reply(ctx, U.card(s, c, note)))
  const setBanned = (ctx: TgContext, s: Speaker, admin: AdminRef, user: TelegramId, banned: boolean) =>
    users.setBanned(admin, user, banned).pipe(
      Effect.zipRight(showCard(ctx, s, admin, user, s.html(banned ? "users-banned" : "users-unbanned"))),
      Effect.catchTag("UserNotFound", () => gone(ctx, s))
    )

  const handlers = {
    FindUser: (ctx, user, s) =>
      guard.press(ctx, user, s, () => Effect.zipRight(ask(prompts, user.id, { _tag: "FindUserQuery" }), reply(ctx, question(s, "users-find-ask")))),
    UserCard: (ctx, user, s, { user: id }) =>
      guard.press(ctx, user, s, (admin) =>
        Effect.zipRight(prompts.clear(user.id), showCard(ctx, s, admin, id)).pipe(Effect.catchTag("UserNotFound", () => gone(ctx, s)))),
    UserBuys: (ctx, user, s, { page, user: id }) =>
      guard.press(ctx, user, s, (admin) =>
        customers.buys(admin, id, listPage(page)).pipe(
          Effect.flatMap((p) => reply(ctx, U.buys(s, id, p))),
          Effect.catchTag("UserNotFound", () => gone(ctx, s))
        )),
    UserDeposits: (ctx, user, s, { page, user: id }) =>
      guard.press(ctx, user, s, (admin) =>
        customers.deposits(admin, id, listPage(page)).pipe(
          Effect.flatMap((p) => reply(ctx, U.deposits(s, id, p))),
          Effect.catchTag("UserNotFound", () => gone(ctx, s))
        )),
    AdminBuy: (ctx, user, s, { buy }) =>
      guard.press(ctx, user, s, (admin) =>
        buys.get(admin, buy).pipe(Effect.flatMap((b) => reply(ctx, U.buy(s, b))), Effect.catchTag("BuyNotFound", () => gone(ctx, s)))),
    // The goods a buyer received, for support: written to the money log before they are shown.
    RevealBuy: (ctx, user, s, { buy }) =>
      guard.press(ctx, user, s, (admin) =>
        buys.reveal(admin, buy).pipe(
          Effect.flatMap((b) =>
            Effect.zipRight(
              reply(ctx, notice(s, "users-revealed", { buy: b.id, user: String(b.user) }, { _tag: "AdminBuy", buy: b.id })),
              deliver(ctx, deliveryLines(b), `purchase-${b.id}.txt`, s.t("checkout-delivery-file"))
            )),
          Effect.catchTag("BuyNotFound", () => gone(ctx, s))
        )),
    Refund: (ctx, user, s, { buy }) =>
      guard.press(ctx, user, s, (admin) =>
        buys.get(admin, buy).pipe(
          Effect.flatMap((b) => reply(ctx, b.refundedAt === null ? U.confirmRefund(s, b) : U.buy(s, b))),
          Effect.catchTag("BuyNotFound", () => gone(ctx, s))
        )),
    RefundConfirm: (ctx, user, s, { buy }) =>
      guard.press(ctx, user, s, (admin) =>
        refunds.refund(admin, buy).pipe(
          Effect.flatMap((r) => reply(ctx, U.refunded(s, r.buy, r.balance))),
          Effect.catchTags({
            BuyNotFound: () => gone(ctx, s),
            AlreadyRefunded: () => reply(ctx, notice(s, "users-already-refunded", { buy }, { _tag: "AdminBuy", buy }))
          })
        )),
    Adjust: (ctx, user, s, { direction, user: id }) =>
      guard.press(ctx, user, s, () =>
        Effect.zipRight(ask(prompts, user.id, { _tag: "AdjustAmount", user: id, direction }), reply(ctx, U.askAmount(s, id, direction, currency)))),
    Ban: (ctx, user, s, { user: id }) => guard.press(ctx, user, s, (admin) => setBanned(ctx, s, admin, id, true)),
    Unban: (ctx, user, s, { user: id }) => guard.press(ctx, user, s, (admin) => setBanned(ctx, s, admin, id, false))
  } satisfies Handlers<"FindUser" | "UserCard" | "UserBuys" | "UserDeposits" | "AdminBuy" | "RevealBuy" | "Refund" | "RefundConfirm" | "Adjust" | "Ban" | "Unban">

  const answers = {
    FindUserQuery: (ctx, user, s, _asked, text) =>
      guard.typed(user, (admin) =>
        customers.find(admin, text).pipe(
          Effect.tap(() => prompts.clear(user.id)),
          Effect.flatMap((c) => send(ctx, U.card(s, c))),
          Effect.catchTag("UserNotFound", () => send(ctx, question(s, "users-find-none", { query: text.trim().slice(0, 64) })))
        )),
    AdjustAmount: (ctx, user, s, { direction, user: id }, text) =>
      guard.typed(user, () => {
        const amount = parseMoney(text.trim(), currency)
        if (Either.isLeft(amount) || amount.right.amount <= 0n) return send(ctx, question(s, "users-amount-bad", { currency }))
        const nonce = randomBytes(9).toString("base64url")
        return Effect.zipRight(
          ask(prompts, user.id, { _tag: "AdjustReason", user: id, direction, amount: amount.right, nonce }),
          send(ctx, U.askReason(s, id, amount.right))
        )
      }),
    AdjustReason: (ctx, user, s, { amount, direction, nonce, user: id }, text) =>
      guard.typed(user, (admin) =>
        Effect.gen(function*() {
          const reason = text.trim()
          if (reason === "" || reason.length > 500) return yield* send(ctx, question(s, "users-reason-bad"))
          // Taken, so that of two quick answers only one adjusts; the key makes a replay harmless too.
          const taken = yield* prompts.take(user.id, "AdjustReason")
          if (taken._tag === "None") return false
          const result = yield* Effect.either(ledger.adjust(admin, {
            user: id, direction: direction === "c" ? "credit" : "debit", amount, reason, key: idempotencyKey("tg-adjust", user.id, nonce)
          }))
          if (Either.isRight(result)) {
            const note = s.html(direction === "c" ? "users-credited" : "users-debited", { amount: formatMoney(amount, s.language), user: String(id) })
            return yield* Effect.flatMap(customers.card(admin, id), (c) => send(ctx, U.card(s, c, note)))
          }
          const e = result.left
          if (e._tag === "InsufficientFunds") {
            return yield* send(ctx, notice(s, "users-debit-refused", { available: formatMoney(e.available, s.language) }, { _tag: "UserCard", user: id }))
          }
          return yield* send(ctx, notice(s, "users-adjust-failed", { reason: e.message }, { _tag: "UserCard", user: id }))
        }))
  } satisfies Answers<"FindUserQuery" | "AdjustAmount" | "AdjustReason">

  return { handlers, answers }
})
