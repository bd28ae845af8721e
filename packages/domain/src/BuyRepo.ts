import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { BuyId, IdempotencyKey, ItemId, SubcategoryId, TelegramId } from "./Ids.js"
import { Money } from "./Money.js"
import type { Page, PageRequest, TimeWindow } from "./Paging.js"

/** One delivered item, with the names and price as they were at the time of sale. */
export const BuyItem = Schema.Struct({
  itemId: ItemId,
  subcategoryId: SubcategoryId,
  categoryName: Schema.String,
  subcategoryName: Schema.String,
  description: Schema.String,
  price: Money,
  privateData: Schema.String
})
export type BuyItem = typeof BuyItem.Type

export const Buy = Schema.Struct({
  id: BuyId,
  user: TelegramId,
  /** The checkout's idempotency key: one Buy per key. */
  checkoutKey: IdempotencyKey,
  /** The sum of the items' own prices. */
  total: Money,
  items: Schema.Array(BuyItem),
  createdAt: Schema.DateFromSelf,
  refundedAt: Schema.NullOr(Schema.DateFromSelf)
})
export type Buy = typeof Buy.Type
export type NewBuy = Omit<Buy, "id" | "refundedAt">

/** A purchase in a list: no delivered data. */
export interface BuySummary {
  readonly id: BuyId
  readonly user: TelegramId
  readonly total: Money
  readonly quantity: number
  readonly createdAt: Date
  readonly refundedAt: Date | null
}

export interface SalesSummary {
  readonly count: number
  readonly items: number
  readonly total: Money
  readonly refundedCount: number
  readonly refundedTotal: Money
}

export class BuyRepo extends Context.Tag("@tokenshop/domain/BuyRepo")<BuyRepo, {
  /** Stores a purchase with its items; the checkout key must be new (check findByCheckoutKey first, in the same transaction). */
  readonly create: (buy: NewBuy) => Effect.Effect<Buy>
  readonly get: (id: BuyId) => Effect.Effect<Option.Option<Buy>>
  readonly findByCheckoutKey: (key: IdempotencyKey) => Effect.Effect<Option.Option<Buy>>
  /** Newest first. */
  readonly listByUser: (user: TelegramId, page: PageRequest) => Effect.Effect<Page<BuySummary>>
  /** Purchases made in the window, oldest first. */
  readonly listBetween: (window: TimeWindow, page: PageRequest) => Effect.Effect<Page<BuySummary>>
  /** Sets refundedAt when it is not set yet; false when it already was. */
  readonly markRefunded: (id: BuyId, at: Date) => Effect.Effect<boolean>
  /** Purchases made in the window (and refunds of them), at the prices recorded then. */
  readonly summarize: (window: TimeWindow, currency: Money["currency"]) => Effect.Effect<SalesSummary>
}>() {}

export const summarizeBuy = (b: Buy): BuySummary => ({
  id: b.id,
  user: b.user,
  total: b.total,
  quantity: b.items.length,
  createdAt: b.createdAt,
  refundedAt: b.refundedAt
})
