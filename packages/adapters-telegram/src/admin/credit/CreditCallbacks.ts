/** Crediting a chain transaction by its hash, from the admins' Deposits screen: the button, then the hash asked for. */
import * as Schema from "effect/Schema"

export const creditCallbacks = [
  Schema.TaggedStruct("CreditTx", {})
] as const

export const creditCodes = {
  CreditTx: ["ah", []]
} as const

/** The hash the admin types after pressing the button. */
export const creditAsked = [
  Schema.TaggedStruct("CreditTxHash", {})
] as const
