/** The main menu's, help's and profile's buttons. */
import * as Schema from "effect/Schema"
import { Bought, Lang, PageNo } from "../CallbackFields.js"

export const profileCallbacks = [
  Schema.TaggedStruct("Main", {}),
  Schema.TaggedStruct("Help", {}),
  Schema.TaggedStruct("Profile", {}),
  Schema.TaggedStruct("History", { page: PageNo }),
  Schema.TaggedStruct("Buy", { buy: Bought }),
  Schema.TaggedStruct("Languages", {}),
  Schema.TaggedStruct("Language", { language: Lang }),
  Schema.TaggedStruct("CancelPrompt", {})
] as const

export const profileCodes = {
  Main: ["m", []],
  Help: ["?", []],
  Profile: ["p", []],
  History: ["h", ["page"]],
  Buy: ["b", ["buy"]],
  Languages: ["L", []],
  Language: ["l", ["language"]],
  CancelPrompt: ["x", []]
} as const
