/** Top-up buttons: through the processor, and to the buyer's own address. */
import { Asset } from "@tokenshop/domain"
import * as Schema from "effect/Schema"
import { PageNo, Payment } from "../CallbackFields.js"

export const topUpCallbacks = [
  Schema.TaggedStruct("TopUp", {}),
  Schema.TaggedStruct("TopUpAsset", { asset: Asset }),
  Schema.TaggedStruct("PaymentStatus", { payment: Payment }),
  Schema.TaggedStruct("OpenTopUps", {}),
  Schema.TaggedStruct("Deposits", { page: PageNo }),
  Schema.TaggedStruct("ChainCheck", { asset: Asset })
] as const

export const topUpCodes = {
  TopUp: ["t", []],
  TopUpAsset: ["T", ["asset"]],
  PaymentStatus: ["P", ["payment"]],
  OpenTopUps: ["u", []],
  Deposits: ["D", ["page"]],
  ChainCheck: ["e", ["asset"]]
} as const

/** The top-up's question: the amount, for an asset. */
export const topUpAsked = [Schema.TaggedStruct("TopUpAmount", { asset: Asset })] as const
