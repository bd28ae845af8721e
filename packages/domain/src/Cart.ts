import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Hash from "effect/Hash"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { InvalidInput, OutOfStock, SubcategoryNotFound, type UserBanned, type UserNotFound } from "./Errors.js"
import { CatalogRepo, type SubcategoryView } from "./Catalog.js"
import type { SubcategoryId, TelegramId } from "./Ids.js"
import { type Money, sumMoney } from "./Money.js"
import { ShopConfig } from "./ShopConfig.js"
import { Transactor } from "./Transactor.js"
import { Users } from "./Users.js"

export interface CartLine {
  readonly subcategoryId: SubcategoryId
  readonly quantity: number
}

/** One persistent cart per user; lines keep the order they were first added in. */
export class CartRepo extends Context.Tag("@tokenshop/domain/CartRepo")<CartRepo, {
  readonly lines: (user: TelegramId) => Effect.Effect<ReadonlyArray<CartLine>>
  /** Sets a line's quantity; 0 removes the line. */
  readonly setLine: (user: TelegramId, subcategoryId: SubcategoryId, quantity: number) => Effect.Effect<void>
  readonly clear: (user: TelegramId) => Effect.Effect<void>
}>() {}

export interface CartLineView {
  readonly subcategoryId: SubcategoryId
  /** null when the subcategory was deleted since it was added. */
  readonly categoryName: string | null
  readonly subcategoryName: string | null
  readonly quantity: number
  /** Unsold items right now. */
  readonly stock: number
  /** The price of the next item; null when none is left. */
  readonly unitPrice: Money | null
  /** What the line costs now: each of the next `quantity` items at its own price. */
  readonly lineTotal: Money
  /** True when stock covers the quantity. */
  readonly available: boolean
}

export interface CartView {
  readonly lines: ReadonlyArray<CartLineView>
  readonly total: Money
  /** Every line is available and the cart is not empty. */
  readonly ready: boolean
  /** What the cart holds and costs, in a few characters: a confirmation bound to it buys exactly this. */
  readonly fingerprint: string
}

/**
 * A 64-bit digest (two string hashes) of the lines (subcategory and quantity, in order) and the
 * total: any change of a line, a quantity or a price changes it, but for a 1 in 2^64 chance.
 */
export const cartFingerprint = (lines: ReadonlyArray<CartLine>, total: Money): string => {
  const text = `${lines.map((l) => `${l.subcategoryId}*${l.quantity}`).join(",")}|${total.amount}${total.currency}`
  const part = (h: number) => (h >>> 0).toString(36)
  return `${part(Hash.string(text))}${part(Hash.string(`${text}#`))}`
}

export class Cart extends Context.Tag("@tokenshop/domain/Cart")<Cart, {
  /** Adds `quantity` to the line; fails when the line would exceed the stock. */
  readonly add: (user: TelegramId, subcategoryId: SubcategoryId, quantity: number) => Effect.Effect<
    CartView,
    UserNotFound | UserBanned | SubcategoryNotFound | OutOfStock | InvalidInput
  >
  /** Sets the line's quantity; 0 removes it. */
  readonly setQuantity: (user: TelegramId, subcategoryId: SubcategoryId, quantity: number) => Effect.Effect<
    CartView,
    UserNotFound | UserBanned | SubcategoryNotFound | OutOfStock | InvalidInput
  >
  readonly remove: (user: TelegramId, subcategoryId: SubcategoryId) => Effect.Effect<CartView, UserNotFound>
  readonly clear: (user: TelegramId) => Effect.Effect<void, UserNotFound>
  readonly view: (user: TelegramId) => Effect.Effect<CartView, UserNotFound>
}>() {
  static readonly layer = Layer.effect(Cart, Effect.gen(function*() {
    const carts = yield* CartRepo
    const catalog = yield* CatalogRepo
    const users = yield* Users
    const tx = yield* Transactor
    const { currency, maxLineQuantity } = yield* ShopConfig

    /**
     * The view of these lines (the cart as it stands, the caller having checked the user); `known`
     * holds subcategories the caller has just read, which are not read again.
     */
    const viewOf = (lines: ReadonlyArray<CartLine>, known?: SubcategoryView) => Effect.gen(function*() {
      const views = yield* Effect.forEach(lines, (line) =>
        Effect.gen(function*() {
          const sub = known?.id === line.subcategoryId ? Option.some(known) : yield* catalog.subcategory(line.subcategoryId)
          const prices = Option.isSome(sub) ? yield* catalog.nextPrices(line.subcategoryId, line.quantity) : []
          const stock = Option.match(sub, { onNone: () => 0, onSome: (s) => s.stock })
          return {
            subcategoryId: line.subcategoryId,
            categoryName: Option.getOrNull(Option.map(sub, (s) => s.categoryName)),
            subcategoryName: Option.getOrNull(Option.map(sub, (s) => s.name)),
            quantity: line.quantity,
            stock,
            unitPrice: prices[0] ?? null,
            lineTotal: sumMoney(currency, prices),
            available: stock >= line.quantity
          } satisfies CartLineView
        }))
      const total = sumMoney(currency, views.map((l) => l.lineTotal))
      return {
        lines: views,
        total,
        ready: views.length > 0 && views.every((l) => l.available),
        fingerprint: cartFingerprint(lines, total)
      } satisfies CartView
    })
    const lineViews = (user: TelegramId) => Effect.flatMap(carts.lines(user), (lines) => viewOf(lines))

    const view = Effect.fn("Cart.view")(function*(user: TelegramId) {
      yield* users.get(user)
      return yield* lineViews(user)
    })

    // The change and the cart it leaves behind are read in one transaction, so the view shows
    // exactly what was written: the lines as read, with this one changed (a new line comes last).
    const change = (user: TelegramId, subcategoryId: SubcategoryId, quantity: number, mode: "add" | "set") =>
      Effect.gen(function*() {
        if (!Number.isSafeInteger(quantity) || quantity < (mode === "add" ? 1 : 0) || quantity > maxLineQuantity) {
          return yield* new InvalidInput({
            field: "quantity",
            problem: `must be a whole number from ${mode === "add" ? 1 : 0} to ${maxLineQuantity}`
          })
        }
        return yield* tx.withTransaction(Effect.gen(function*() {
          yield* users.active(user)
          const lines = yield* carts.lines(user)
          if (mode === "set" && quantity === 0) {
            yield* carts.setLine(user, subcategoryId, 0)
            return yield* viewOf(lines.filter((l) => l.subcategoryId !== subcategoryId))
          }
          const sub = yield* catalog.subcategory(subcategoryId).pipe(
            Effect.flatten,
            Effect.mapError(() => new SubcategoryNotFound({ subcategory: subcategoryId }))
          )
          const line = lines.find((l) => l.subcategoryId === subcategoryId)
          const wanted = mode === "add" ? (line?.quantity ?? 0) + quantity : quantity
          if (wanted > maxLineQuantity) {
            return yield* new InvalidInput({ field: "quantity", problem: `at most ${maxLineQuantity} per line` })
          }
          if (wanted > sub.stock) {
            return yield* new OutOfStock({ subcategory: subcategoryId, requested: wanted, available: sub.stock })
          }
          yield* carts.setLine(user, subcategoryId, wanted)
          const changed = { subcategoryId, quantity: wanted }
          return yield* viewOf(line === undefined ? [...lines, changed] : lines.map((l) => (l === line ? changed : l)), sub)
        }))
      })

    return Cart.of({
      add: (user, sub, quantity) => change(user, sub, quantity, "add").pipe(Effect.withSpan("Cart.add", { captureStackTrace: false })),
      setQuantity: (user, sub, quantity) =>
        change(user, sub, quantity, "set").pipe(Effect.withSpan("Cart.setQuantity", { captureStackTrace: false })),
      remove: (user, sub) =>
        users.get(user).pipe(Effect.zipRight(carts.setLine(user, sub, 0)), Effect.zipRight(view(user))),
      clear: (user) => users.get(user).pipe(Effect.zipRight(carts.clear(user))),
      view
    })
  }))
}
