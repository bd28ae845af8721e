/** The admin menu's buttons. Each handler checks again that the presser is an admin. */
import { Asset } from "@tokenshop/domain"
import * as Schema from "effect/Schema"
import { Nonce, PageNo } from "../CallbackFields.js"

export const adminCallbacks = [
  Schema.TaggedStruct("Admin", {}),
  Schema.TaggedStruct("Wallet", {}),
  Schema.TaggedStruct("WithdrawAsset", { asset: Asset }),
  Schema.TaggedStruct("WithdrawConfirm", { nonce: Nonce }),
  Schema.TaggedStruct("Withdrawals", { page: PageNo }),
  Schema.TaggedStruct("AdminDeposits", { page: PageNo })
] as const

export const adminCodes = {
  Admin: ["A", []],
  Wallet: ["w", []],
  WithdrawAsset: ["W", ["asset"]],
  WithdrawConfirm: ["Y", ["nonce"]],
  Withdrawals: ["H", ["page"]],
  AdminDeposits: ["E", ["page"]]
} as const
