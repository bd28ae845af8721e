/** What each button and command does: domain use cases in, screens out. */
import { randomBytes } from "node:crypto"
import {
  BuyRepo, Cart, Catalog, Checkout, type CheckoutError, idempotencyKey, Ledger,
  type User, Users
} from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import type { Context as TgContext } from "grammy"
import type { Callback } from "./CallbackData.js"
import { formatMoney } from "./Format.js"
import type { Translator } from "./I18n.js"
import { answerPrompt, paymentRoute, type PaymentRouteServices } from "./PaymentRoutes.js"
import * as Screens from "./Screens.js"
import { answer, deliver, send, sendText, show } from "./Telegram.js"

export type RouteServices = Users | Catalog | Cart | Checkout | Ledger | BuyRepo | PaymentRouteServices

export interface RouteSettings {
  readonly shopName: string
  readonly helpText: string | undefined
  readonly translator: Translator
}

const expired = (ctx: TgContext, s: Screens.Speaker) => answer(ctx, s.t("button-expired"), true)

/** Explains a refused checkout in words the buyer can act on. */
const checkoutRefusal = (s: Screens.Speaker, e: CheckoutError, name: string) => {
  switch (e._tag) {
    case "EmptyCart": return Screens.notice(s, "checkout-empty", undefined, { _tag: "Categories", page: 0 })
    case "OutOfStock": return Screens.notice(s, "checkout-out-of-stock", { name, requested: e.requested, available: e.available }, { _tag: "Cart" })
    case "InsufficientFunds":
      return Screens.notice(s, "checkout-insufficient", {
        needed: formatMoney(e.needed, s.language),
        available: formatMoney(e.available, s.language)
      }, { _tag: "Profile" })
    case "UserBanned": return Screens.notice(s, "banned")
    case "UserNotFound": return Screens.notice(s, "button-expired")
  }
}

export const route = (settings: RouteSettings) => {
  const { shopName, translator } = settings
  return (ctx: TgContext, user: User, s: Screens.Speaker, callback: Callback) =>
    Effect.gen(function*() {
      const catalog = yield* Catalog
      const cart = yield* Cart
      const isAdmin = (yield* Users).isAdmin(user.id)
      /** Acknowledges the press and replaces the screen. */
      const reply = (screen: Screens.Screen) => Effect.zipRight(answer(ctx), show(ctx, screen))
      switch (callback._tag) {
        case "Main":
          return yield* reply(Screens.mainMenu(s, shopName, isAdmin))
        case "Help":
          return yield* reply(
            settings.helpText === undefined ? Screens.notice(s, "help-text") : { ...Screens.notice(s, "help-text"), text: settings.helpText }
          )
        case "Categories": {
          const list = yield* catalog.categories(Screens.listPage(callback.page))
          return yield* reply(Screens.categories(s, list))
        }
        case "Subcategories": {
          const list = yield* Effect.either(catalog.subcategories(callback.category, Screens.listPage(callback.page)))
          if (list._tag === "Left") return yield* expired(ctx, s)
          const name = list.right.items[0]?.categoryName ?? ""
          return yield* reply(Screens.subcategories(s, name, callback.category, list.right))
        }
        case "Subcategory": {
          const sub = yield* Effect.either(catalog.subcategory(callback.subcategory))
          if (sub._tag === "Left") return yield* Effect.zipRight(answer(ctx, s.t("catalog-sold-out"), true), show(ctx, Screens.mainMenu(s, shopName, isAdmin)))
          return yield* reply(Screens.card(s, sub.right))
        }
        case "AddToCart": {
          const added = yield* Effect.either(cart.add(user.id, callback.subcategory, callback.quantity))
          if (added._tag === "Left") {
            const e = added.left
            const text = e._tag === "OutOfStock"
              ? s.t("checkout-out-of-stock", { name: "", requested: e.requested, available: e.available })
              : e._tag === "InvalidInput" ? s.t("catalog-type-quantity", { max: 10 }) : s.t("button-expired")
            return yield* answer(ctx, text, true)
          }
          const name = added.right.lines.find((l) => l.subcategoryId === callback.subcategory)?.subcategoryName ?? ""
          yield* answer(ctx, s.t("catalog-added", { quantity: callback.quantity, name }))
          return yield* show(ctx, Screens.cart(s, added.right))
        }
        case "Cart":
          return yield* reply(Screens.cart(s, yield* cart.view(user.id)))
        case "SetQuantity": {
          const changed = yield* Effect.either(cart.setQuantity(user.id, callback.subcategory, callback.quantity))
          if (changed._tag === "Left") {
            const e = changed.left
            return yield* answer(ctx, e._tag === "OutOfStock" ? s.t("checkout-out-of-stock", { name: "", requested: e.requested, available: e.available }) : s.t("button-expired"), true)
          }
          return yield* reply(Screens.cart(s, changed.right))
        }
        case "ClearCart":
          yield* cart.clear(user.id)
          return yield* Effect.zipRight(answer(ctx, s.t("cart-cleared")), show(ctx, Screens.cart(s, yield* cart.view(user.id))))
        case "Checkout": {
          const view = yield* cart.view(user.id)
          if (view.lines.length === 0) return yield* reply(Screens.notice(s, "checkout-empty", undefined, { _tag: "Categories", page: 0 }))
          const balance = yield* (yield* Ledger).balance(user.id)
          const nonce = randomBytes(9).toString("base64url")
          return yield* reply(Screens.confirmCheckout(s, view, balance, nonce))
        }
        case "Confirm": {
          // The nonce comes from the button; the domain scopes it to this user, so a forged one buys only from their own cart.
          const result = yield* Effect.either((yield* Checkout).checkout(user.id, idempotencyKey("tg", callback.nonce)))
          if (result._tag === "Left") {
            const e = result.left
            const name = e._tag === "OutOfStock"
              ? yield* catalog.subcategory(e.subcategory).pipe(Effect.map((v) => v.name), Effect.orElseSucceed(() => "?"))
              : ""
            return yield* reply(checkoutRefusal(s, e, name))
          }
          if (result.right.replayed) return yield* answer(ctx, s.t("checkout-already"))
          const { buy } = result.right
          yield* answer(ctx)
          yield* show(ctx, Screens.notice(s, "checkout-done", { buy: buy.id, total: formatMoney(buy.total, s.language) }))
          yield* deliver(ctx, Screens.deliveryLines(buy), `purchase-${buy.id}.txt`, s.t("checkout-delivery-file"))
          return yield* send(ctx, Screens.mainMenu(s, shopName, isAdmin))
        }
        case "Profile":
          return yield* reply(Screens.profile(s, yield* (yield* Ledger).balance(user.id)))
        case "History": {
          const list = yield* (yield* BuyRepo).listByUser(user.id, Screens.listPage(callback.page))
          return yield* reply(Screens.history(s, list))
        }
        case "Purchase": {
          const buy = yield* (yield* BuyRepo).get(callback.buy)
          // Only the buyer may open a purchase again; any other id is treated as a stale button.
          if (buy._tag === "None" || buy.value.user !== user.id) return yield* expired(ctx, s)
          return yield* reply(Screens.purchase(s, buy.value))
        }
        case "TopUp":
        case "TopUpAsset":
        case "PaymentStatus":
        case "OpenTopUps":
        case "Deposits":
        case "TypeQuantity":
        case "CancelPrompt":
        case "Admin":
        case "Wallet":
        case "WithdrawAsset":
        case "WithdrawConfirm":
        case "Withdrawals":
        case "ChainCheck":
        case "AdminDeposits":
          return yield* paymentRoute(ctx, user, s, callback, shopName)
        case "Languages":
          return yield* reply(Screens.languages(s, translator))
        case "Language": {
          if (!translator.languages.includes(callback.language)) return yield* expired(ctx, s)
          yield* (yield* Users).setLanguage(user.id, callback.language)
          const next = Screens.speaker(translator, callback.language)
          yield* answer(ctx, next.t("language-set"))
          return yield* show(ctx, Screens.profile(next, yield* (yield* Ledger).balance(user.id)))
        }
      }
    })
}

/**
 * Any text or command: the answer to an open question (an amount, a quantity, an address) when
 * there is one; /help the help; /start and everything else the main menu.
 */
export const onText = (settings: RouteSettings) => (ctx: TgContext, user: User, s: Screens.Speaker, text: string) =>
  Effect.gen(function*() {
    if (yield* answerPrompt(ctx, user, s, text)) return
    if (text.startsWith("/help")) return yield* sendText(ctx, settings.helpText ?? s.html("help-text"))
    return yield* send(ctx, Screens.mainMenu(s, settings.shopName, (yield* Users).isAdmin(user.id)))
  })

