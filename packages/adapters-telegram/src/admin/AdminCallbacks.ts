/** The admin menu's own buttons (wallet, withdrawals, deposits, backup). Each handler checks again that the presser is an admin. */
import { Asset } from "@tokenshop/domain"
import * as Schema from "effect/Schema"
import { Nonce, PageNo, Payment } from "../CallbackFields.js"

export const adminCallbacks = [
  Schema.TaggedStruct("Admin", {}),
  Schema.TaggedStruct("Wallet", {}),
  Schema.TaggedStruct("WithdrawAsset", { asset: Asset }),
  Schema.TaggedStruct("WithdrawConfirm", { nonce: Nonce }),
  Schema.TaggedStruct("Withdrawals", { page: PageNo }),
  Schema.TaggedStruct("AdminDeposits", { page: PageNo }),
  Schema.TaggedStruct("Backup", {}),
  Schema.TaggedStruct("ResolvePayment", { payment: Payment })
] as const

export const adminCodes = {
  Admin: ["A", []],
  Wallet: ["w", []],
  WithdrawAsset: ["W", ["asset"]],
  WithdrawConfirm: ["Y", ["nonce"]],
  Withdrawals: ["H", ["page"]],
  AdminDeposits: ["E", ["page"]],
  Backup: ["ab", []],
  ResolvePayment: ["rp", ["payment"]]
} as const

/** The wallet's questions: where to withdraw to, then Send. */
export const adminAsked = [
  Schema.TaggedStruct("WithdrawAddress", { asset: Asset }),
  // The preview the admin confirms: the withdrawal is refused if the total moved by more than its network fee.
  Schema.TaggedStruct("WithdrawConfirm", { asset: Asset, destination: Schema.String, nonce: Schema.String, total: Schema.BigInt, fee: Schema.BigInt })
] as const
