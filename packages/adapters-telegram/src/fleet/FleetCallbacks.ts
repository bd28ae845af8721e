/** The shop fronts' buttons on the manager bot: the list, and removing one (asked, then confirmed). */
import * as Schema from "effect/Schema"
import { BotNo } from "../CallbackFields.js"

export const fleetCallbacks = [
  Schema.TaggedStruct("Bots", {}),
  Schema.TaggedStruct("BotRemove", { bot: BotNo }),
  Schema.TaggedStruct("BotRemoveConfirm", { bot: BotNo })
] as const

export const fleetCodes = {
  Bots: ["fb", []],
  BotRemove: ["fx", ["bot"]],
  BotRemoveConfirm: ["fX", ["bot"]]
} as const
