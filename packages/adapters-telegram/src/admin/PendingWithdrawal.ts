/** The withdrawal an admin is asked to confirm, as the prompt stores it: JSON, decoded with Schema. */
import { Asset } from "@tokenshop/domain"
import * as Schema from "effect/Schema"

export const PendingWithdrawal = Schema.parseJson(Schema.Struct({ asset: Asset, destination: Schema.String, nonce: Schema.String }))
export type PendingWithdrawal = typeof PendingWithdrawal.Type

/** The pending withdrawal of a prompt's data, or None when it is not one. */
export const decodePending = Schema.decodeUnknownOption(PendingWithdrawal)
export const encodePending = Schema.encodeSync(PendingWithdrawal)
