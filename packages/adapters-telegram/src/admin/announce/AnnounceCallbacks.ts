/** Announcements: a broadcast (text or photo), a restock or a current-stock message, its preview, and Cancel while it goes out. */
import * as Schema from "effect/Schema"
import { AnnouncementNo, Nonce } from "../../CallbackFields.js"

export const announceCallbacks = [
  Schema.TaggedStruct("Announce", {}),
  Schema.TaggedStruct("AnnounceBroadcast", {}),
  Schema.TaggedStruct("AnnounceRestock", {}),
  Schema.TaggedStruct("AnnounceStock", {}),
  Schema.TaggedStruct("AnnounceSend", { nonce: Nonce }),
  Schema.TaggedStruct("AnnounceCancel", { announcement: AnnouncementNo })
] as const

export const announceCodes = {
  Announce: ["aa", []],
  AnnounceBroadcast: ["ag", []],
  AnnounceRestock: ["aw", []],
  AnnounceStock: ["al", []],
  AnnounceSend: ["aS", ["nonce"]],
  AnnounceCancel: ["aZ", ["announcement"]]
} as const

const Kind = Schema.Literal("broadcast", "restock", "stock")
/** The broadcast's text (or photo with caption); then the prepared announcement waiting for Send. */
export const announceAsked = [
  Schema.TaggedStruct("AnnounceText", {}),
  Schema.TaggedStruct("AnnounceConfirm", { kind: Kind, text: Schema.String, photo: Schema.NullOr(Schema.String), nonce: Schema.String })
] as const
