/** Buyers, for the admins: find, card, purchases, deposits, credit or debit, ban, refund. */
import { MoneyFromJson, TelegramId } from "@tokenshop/domain"
import * as Schema from "effect/Schema"
import { Bought, PageNo, UserNo } from "../../CallbackFields.js"

/** "c" credit, "d" debit: one letter on the wire. */
export const Direction = Schema.Literal("c", "d")

export const usersCallbacks = [
  Schema.TaggedStruct("FindUser", {}),
  Schema.TaggedStruct("UserCard", { user: UserNo }),
  Schema.TaggedStruct("UserBuys", { user: UserNo, page: PageNo }),
  Schema.TaggedStruct("UserDeposits", { user: UserNo, page: PageNo }),
  Schema.TaggedStruct("AdminBuy", { buy: Bought }),
  Schema.TaggedStruct("RevealBuy", { buy: Bought }),
  Schema.TaggedStruct("Refund", { buy: Bought }),
  Schema.TaggedStruct("RefundConfirm", { buy: Bought }),
  Schema.TaggedStruct("Adjust", { user: UserNo, direction: Direction }),
  Schema.TaggedStruct("Ban", { user: UserNo }),
  Schema.TaggedStruct("Unban", { user: UserNo })
] as const

export const usersCodes = {
  FindUser: ["af", []],
  UserCard: ["aU", ["user"]],
  UserBuys: ["aB", ["user", "page"]],
  UserDeposits: ["aE", ["user", "page"]],
  AdminBuy: ["ay", ["buy"]],
  RevealBuy: ["aG", ["buy"]],
  Refund: ["ar", ["buy"]],
  RefundConfirm: ["aR", ["buy"]],
  Adjust: ["aj", ["user", "direction"]],
  Ban: ["ax", ["user"]],
  Unban: ["aX", ["user"]]
} as const

/** Finding a buyer; a credit or debit: the amount, then the reason. */
export const usersAsked = [
  Schema.TaggedStruct("FindUserQuery", {}),
  Schema.TaggedStruct("AdjustAmount", { user: TelegramId, direction: Direction }),
  Schema.TaggedStruct("AdjustReason", { user: TelegramId, direction: Direction, amount: MoneyFromJson, nonce: Schema.String })
] as const
