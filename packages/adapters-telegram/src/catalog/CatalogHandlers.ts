/** Browsing the catalog, adding to the cart by button or by a typed quantity. */
import { Cart, Catalog, Prompts, ShopConfig, Users } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import { ask } from "../Asked.js"
import { cart as cartScreen, pageOf } from "../cart/CartScreens.js"
import type { Answers, BotSettings, Handlers } from "../Handler.js"
import { mainMenu } from "../profile/ProfileScreens.js"
import { listPage, notice, question } from "../Screens.js"
import { answer, expired, reply, send, show } from "../TelegramApi.js"
import * as C from "./CatalogScreens.js"

export const catalogHandlers = (settings: BotSettings) =>
  Effect.gen(function*() {
    const catalog = yield* Catalog
    const cart = yield* Cart
    const users = yield* Users
    const prompts = yield* Prompts
    const { maxLineQuantity } = yield* ShopConfig

    const handlers = {
      Categories: (ctx, _user, s, { page }) => Effect.flatMap(catalog.categories(listPage(page)), (list) => reply(ctx, C.categories(s, list))),
      Subcategories: (ctx, _user, s, callback) =>
        Effect.gen(function*() {
          const list = yield* Effect.either(catalog.subcategories(callback.category, listPage(callback.page)))
          if (list._tag === "Left") return yield* expired(ctx, s)
          return yield* reply(ctx, C.subcategories(s, list.right.items[0]?.categoryName ?? "", callback.category, list.right))
        }),
      Subcategory: (ctx, user, s, callback) =>
        Effect.gen(function*() {
          const sub = yield* Effect.either(catalog.subcategory(callback.subcategory))
          if (sub._tag === "Left") {
            return yield* Effect.zipRight(answer(ctx, s.t("catalog-sold-out"), true), show(ctx, mainMenu(s, settings.shopName, users.isAdmin(user.id))))
          }
          return yield* reply(ctx, C.card(s, sub.right))
        }),
      Description: (ctx, _user, s, callback) =>
        Effect.gen(function*() {
          const sub = yield* Effect.either(catalog.subcategory(callback.subcategory))
          const screen = sub._tag === "Right" ? C.description(s, sub.right, callback.page) : undefined
          if (screen === undefined) return yield* expired(ctx, s)
          return yield* reply(ctx, screen)
        }),
      AddToCart: (ctx, user, s, callback) =>
        Effect.gen(function*() {
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
          return yield* show(ctx, cartScreen(s, added.right, pageOf(added.right, callback.subcategory)))
        }),
      TypeQuantity: (ctx, user, s, callback) =>
        Effect.zipRight(
          ask(prompts, user.id, { _tag: "Quantity", subcategory: callback.subcategory }),
          reply(ctx, question(s, "catalog-type-quantity", { max: maxLineQuantity }))
        )
    } satisfies Handlers<"Categories" | "Subcategories" | "Subcategory" | "Description" | "AddToCart" | "TypeQuantity">

    const answers = {
      Quantity: (ctx, user, s, asked, text) =>
        Effect.gen(function*() {
          const retry = (key: string, args: Record<string, string | number>) => send(ctx, question(s, key, args))
          const quantity = /^\s*\d{1,7}\s*$/.test(text) ? Number(text) : NaN
          if (!Number.isInteger(quantity) || quantity < 1 || quantity > maxLineQuantity) return yield* retry("catalog-type-quantity", { max: maxLineQuantity })
          const sub = yield* Effect.either(catalog.subcategory(asked.subcategory))
          if (sub._tag === "Left") {
            yield* prompts.clear(user.id)
            return yield* send(ctx, notice(s, "catalog-sold-out", undefined, { _tag: "Categories", page: 0 }))
          }
          const added = yield* Effect.either(cart.add(user.id, sub.right.id, quantity))
          if (added._tag === "Left") {
            const e = added.left
            return e._tag === "OutOfStock"
              ? yield* retry("checkout-out-of-stock", { name: sub.right.name, requested: e.requested, available: e.available })
              : yield* retry("catalog-type-quantity", { max: maxLineQuantity })
          }
          yield* prompts.clear(user.id)
          return yield* send(ctx, cartScreen(s, added.right, pageOf(added.right, sub.right.id)))
        })
    } satisfies Answers<"Quantity">

    return { handlers, answers }
  })
