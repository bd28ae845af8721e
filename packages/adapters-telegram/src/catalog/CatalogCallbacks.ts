/** The catalog's buttons: one letter each on the wire, and the order of their arguments. */
import { SubcategoryId } from "@tokenshop/domain"
import * as Schema from "effect/Schema"
import { Category, PageNo, Quantity, Sub } from "../CallbackFields.js"

export const catalogCallbacks = [
  Schema.TaggedStruct("Categories", { page: PageNo }),
  Schema.TaggedStruct("Subcategories", { category: Category, page: PageNo }),
  Schema.TaggedStruct("Subcategory", { subcategory: Sub }),
  Schema.TaggedStruct("AddToCart", { subcategory: Sub, quantity: Quantity }),
  Schema.TaggedStruct("TypeQuantity", { subcategory: Sub }),
  Schema.TaggedStruct("Description", { subcategory: Sub, page: PageNo })
] as const

export const catalogCodes = {
  Categories: ["c", ["page"]],
  Subcategories: ["s", ["category", "page"]],
  Subcategory: ["d", ["subcategory"]],
  AddToCart: ["a", ["subcategory", "quantity"]],
  TypeQuantity: ["Q", ["subcategory"]],
  Description: ["F", ["subcategory", "page"]]
} as const

/** The catalog's question: how many to put in the cart. */
export const catalogAsked = [Schema.TaggedStruct("Quantity", { subcategory: SubcategoryId })] as const
