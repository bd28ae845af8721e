/** The cart's and checkout's buttons. */
import * as Schema from "effect/Schema"
import { Nonce, PageNo, Quantity, Sub } from "../CallbackFields.js"

export const cartCallbacks = [
  Schema.TaggedStruct("Cart", {}),
  Schema.TaggedStruct("CartPage", { page: PageNo }),
  Schema.TaggedStruct("SetQuantity", { subcategory: Sub, quantity: Quantity }),
  Schema.TaggedStruct("ClearCart", {}),
  Schema.TaggedStruct("Checkout", {}),
  Schema.TaggedStruct("Confirm", { nonce: Nonce })
] as const

export const cartCodes = {
  Cart: ["k", []],
  CartPage: ["K", ["page"]],
  SetQuantity: ["q", ["subcategory", "quantity"]],
  ClearCart: ["X", []],
  Checkout: ["o", []],
  Confirm: ["y", ["nonce"]]
} as const
