/** The wallet's guard: the withdrawal address book and the second admin's approval. */
import { Asset } from "@tokenshop/domain"
import * as Schema from "effect/Schema"
import { ApprovalNo, Nonce } from "../../CallbackFields.js"

/** An address book entry on the wire: 12 characters of its hash (an address may not fit in 64 bytes). */
export const AddressRef = Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9_-]{12}$/))

export const guardCallbacks = [
  Schema.TaggedStruct("AddressBook", {}),
  Schema.TaggedStruct("AddressAdd", { nonce: Nonce }),
  Schema.TaggedStruct("AddressRemove", { asset: Asset, ref: AddressRef }),
  Schema.TaggedStruct("ApproveWithdrawal", { approval: ApprovalNo }),
  Schema.TaggedStruct("RejectWithdrawal", { approval: ApprovalNo })
] as const

export const guardCodes = {
  AddressBook: ["gb", []],
  AddressAdd: ["gn", ["nonce"]],
  AddressRemove: ["gd", ["asset", "ref"]],
  ApproveWithdrawal: ["ga", ["approval"]],
  RejectWithdrawal: ["gr", ["approval"]]
} as const

/** An address typed for a withdrawal that is not in the book yet: Add puts it there. */
export const guardAsked = [
  Schema.TaggedStruct("AddressAdd", { asset: Asset, address: Schema.String, nonce: Schema.String })
] as const
