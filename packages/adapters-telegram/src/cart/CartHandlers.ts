/** The cart, and checking out: a Confirm buys what its screen showed, once, or nothing. */
import { Cart, Catalog, Checkout, type CheckoutError, formatMoney, idempotencyKey, Ledger, now, type TelegramId, Users } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { BotSettings, Handlers } from "../Handler.js"
import { mainMenu } from "../profile/ProfileScreens.js"
import { deliveryLines, notice, type Screen, type Speaker } from "../Screens.js"
import { answer, deliver, expired, reply, send, show } from "../TelegramApi.js"
import * as C from "./CartScreens.js"
import { confirmationNonce, readConfirmation } from "./Confirmation.js"

/** Explains a refused checkout in words the buyer can act on. */
const refusal = (s: Speaker, e: Exclude<CheckoutError, { readonly _tag: "CheckoutStale" }>, name: string): Screen => {
  switch (e._tag) {
    case "EmptyCart": return notice(s, "checkout-empty", undefined, { _tag: "Categories", page: 0 })
    case "OutOfStock": return notice(s, "checkout-out-of-stock", { name, requested: e.requested, available: e.available }, { _tag: "Cart" })
    case "InsufficientFunds":
      return notice(s, "checkout-insufficient", { needed: formatMoney(e.needed, s.language), available: formatMoney(e.available, s.language) }, { _tag: "Profile" })
    case "UserBanned": return notice(s, "banned")
    case "UserNotFound": return notice(s, "button-expired")
    case "BalanceUnverified": return notice(s, "checkout-balance-unverified", undefined, { _tag: "Profile" })
  }
}

export const cartHandlers = (settings: BotSettings) =>
  Effect.gen(function*() {
    const cart = yield* Cart
    const catalog = yield* Catalog
    const checkout = yield* Checkout
    const ledger = yield* Ledger
    const users = yield* Users

    /** The confirmation screen for the cart as it is now, or a notice when it is empty. */
    const confirmScreen = (user: TelegramId, s: Speaker, lead?: string) =>
      Effect.gen(function*() {
        const view = yield* cart.view(user)
        if (view.lines.length === 0) return notice(s, "checkout-empty", undefined, { _tag: "Categories", page: 0 })
        const screen = C.confirmCheckout(s, view, yield* ledger.balance(user), confirmationNonce(view.fingerprint, yield* now))
        return lead === undefined ? screen : { ...screen, text: `${s.t(lead)}\n\n${screen.text}` }
      })

    return {
      Cart: (ctx, user, s) => Effect.flatMap(cart.view(user.id), (view) => reply(ctx, C.cart(s, view))),
      CartPage: (ctx, user, s, { page }) => Effect.flatMap(cart.view(user.id), (view) => reply(ctx, C.cart(s, view, page))),
      SetQuantity: (ctx, user, s, callback) =>
        Effect.gen(function*() {
          // The page the line was on: it stays there, or the next line takes its place.
          const page = C.pageOf(yield* cart.view(user.id), callback.subcategory)
          const changed = yield* Effect.either(cart.setQuantity(user.id, callback.subcategory, callback.quantity))
          if (changed._tag === "Left") {
            const e = changed.left
            return yield* answer(ctx, e._tag === "OutOfStock" ? s.t("checkout-out-of-stock", { name: "", requested: e.requested, available: e.available }) : s.t("button-expired"), true)
          }
          return yield* reply(ctx, C.cart(s, changed.right, page))
        }),
      ClearCart: (ctx, user, s) =>
        Effect.gen(function*() {
          yield* cart.clear(user.id)
          yield* answer(ctx, s.t("cart-cleared"))
          return yield* show(ctx, C.cart(s, yield* cart.view(user.id)))
        }),
      Checkout: (ctx, user, s) => Effect.flatMap(confirmScreen(user.id, s), (screen) => reply(ctx, screen)),
      Confirm: (ctx, user, s, callback) =>
        Effect.gen(function*() {
          const confirmation = readConfirmation(callback.nonce)
          if (Option.isNone(confirmation)) return yield* expired(ctx, s)
          // The key is scoped to this user by the domain, so a forged payload buys only from their own cart, and only what it names.
          const result = yield* Effect.either(checkout.checkout(user.id, idempotencyKey("tg", callback.nonce), confirmation.value))
          if (result._tag === "Left") {
            const e = result.left
            if (e._tag === "CheckoutStale") return yield* reply(ctx, yield* confirmScreen(user.id, s, `checkout-stale-${e.reason}`))
            const name = e._tag === "OutOfStock"
              ? yield* catalog.subcategory(e.subcategory).pipe(Effect.map((v) => v.name), Effect.orElseSucceed(() => "?"))
              : ""
            return yield* reply(ctx, refusal(s, e, name))
          }
          if (result.right.replayed) return yield* answer(ctx, s.t("checkout-already"))
          const { buy } = result.right
          yield* answer(ctx)
          yield* show(ctx, notice(s, "checkout-done", { buy: buy.id, total: formatMoney(buy.total, s.language) }))
          yield* deliver(ctx, deliveryLines(buy), `purchase-${buy.id}.txt`, s.t("checkout-delivery-file"))
          return yield* send(ctx, mainMenu(s, settings.shopName, users.isAdmin(user.id)))
        })
    } satisfies Handlers<"Cart" | "CartPage" | "SetQuantity" | "ClearCart" | "Checkout" | "Confirm">
  })
