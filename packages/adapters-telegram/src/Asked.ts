/**
 * What a user was asked to type, as a Schema union: the domain stores the kind (the tag) and the data
 * (the other fields, as JSON); an answer is read against the question it belongs to, and a stored
 * question that does not decode (an older version's, a tampered row) counts as no question.
 */
import type { Prompt, Prompts, TelegramId } from "@tokenshop/domain"
import type * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"

import { adminAsked } from "./admin/AdminCallbacks.js"
import { announceAsked } from "./admin/announce/AnnounceCallbacks.js"
import { creditAsked } from "./admin/credit/CreditCallbacks.js"
import { guardAsked } from "./admin/guard/GuardCallbacks.js"
import { inventoryAsked } from "./admin/inventory/InventoryCallbacks.js"
import { usersAsked } from "./admin/users/UsersCallbacks.js"
import { catalogAsked } from "./catalog/CatalogCallbacks.js"
import { topUpAsked } from "./topup/TopUpCallbacks.js"

/** Every question the bot can ask: the union of each feature's questions. */
export const Asked = Schema.Union(...catalogAsked, ...topUpAsked, ...adminAsked, ...inventoryAsked, ...usersAsked, ...announceAsked, ...guardAsked, ...creditAsked)
export type Asked = typeof Asked.Type

const decode = Schema.decodeUnknownOption(Asked)

/** The question a stored prompt holds, if it is one of ours. */
export const readAsked = (prompt: Prompt): Option.Option<Asked> => {
  const data = Option.liftThrowable(JSON.parse)(prompt.data)
  return Option.flatMap(data, (fields) =>
    typeof fields === "object" && fields !== null ? decode({ ...fields, _tag: prompt.kind }) : Option.none())
}

/** Asks `asked`, replacing the user's earlier question. */
export const ask = (prompts: Prompts["Type"], user: TelegramId, asked: Asked): Effect.Effect<void> => {
  const { _tag, ...fields } = Schema.encodeSync(Asked)(asked)
  return prompts.ask(user, _tag, JSON.stringify(fields))
}
