/** What the catalog is made of: categories, subcategories, items, and the views and reports of them. */
import * as Schema from "effect/Schema"
import type { FiatCurrency } from "./Currency.js"
import { CategoryId, ItemId, SubcategoryId } from "./Ids.js"
import { Money } from "./Money.js"

export const Category = Schema.Struct({ id: CategoryId, name: Schema.String })
export type Category = typeof Category.Type
export const Subcategory = Schema.Struct({ id: SubcategoryId, categoryId: CategoryId, name: Schema.String })
export type Subcategory = typeof Subcategory.Type

/** One sellable unit. `privateData` is what the buyer receives. */
export const Item = Schema.Struct({
  id: ItemId,
  subcategoryId: SubcategoryId,
  price: Money,
  description: Schema.String,
  privateData: Schema.String,
  sold: Schema.Boolean,
  /** Not yet announced in a restock message. */
  isNew: Schema.Boolean,
  createdAt: Schema.DateFromSelf
})
export type Item = typeof Item.Type
export type NewItem = Pick<Item, "subcategoryId" | "price" | "description" | "privateData">
/** A sold item as checkout takes it: with the names it is delivered under. */
export type ClaimedItem = Item & { readonly categoryName: string; readonly subcategoryName: string }
/** An item as admins list it: everything but the private data. */
export type ItemSummary = Omit<Item, "privateData">

export interface CategoryView {
  readonly id: CategoryId
  readonly name: string
  /** Unsold items across its subcategories. */
  readonly stock: number
}

export interface SubcategoryView {
  readonly id: SubcategoryId
  readonly categoryId: CategoryId
  readonly categoryName: string
  readonly name: string
  readonly stock: number
  /** The price of the next item to be sold (oldest first); null when out of stock. */
  readonly unitPrice: Money | null
  /** The description of the next item to be sold; null when out of stock. */
  readonly description: string | null
}

export interface StockLine {
  readonly categoryId: CategoryId
  readonly categoryName: string
  readonly subcategoryId: SubcategoryId
  readonly subcategoryName: string
  readonly count: number
}

/** Items are taken and shown oldest first: in the order they were added. */
/** Unsold items of one subcategory priced in a currency the shop no longer keeps. */
export interface ForeignStock {
  readonly subcategoryId: SubcategoryId
  readonly category: string
  readonly subcategory: string
  readonly currency: FiatCurrency
  readonly unsold: number
}

/** Unsold items to remove: by id, or all of a subcategory's. */
export type RemovalTarget =
  | { readonly _tag: "Items"; readonly ids: ReadonlyArray<ItemId> }
  | { readonly _tag: "Subcategory"; readonly id: SubcategoryId }

/** How an import treats private data already in stock or repeated in the file. */
export interface ImportOptions {
  /** Import them anyway (the same key may then be sold twice); refused by default. */
  readonly allowDuplicates?: boolean | undefined
}

export interface ImportReport {
  /** How many items were imported. */
  readonly imported: number
  readonly lines: ReadonlyArray<{ readonly category: string; readonly subcategory: string; readonly count: number }>
}
