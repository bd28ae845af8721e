/**
 * Inline-button payloads: compact (Telegram allows 64 bytes), versioned ("1" prefix), and decoded
 * with Schema on the way back. A payload is never trusted: it names what the user wants; every
 * handler re-checks that the user may do it and owns what it names.
 *
 * Wire form: VERSION ACTION [":" ARG]*, e.g. "1s:12:0" = subcategories of category 12, page 0.
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { adminCallbacks, adminCodes } from "./admin/AdminCallbacks.js"
import { announceCallbacks, announceCodes } from "./admin/announce/AnnounceCallbacks.js"
import { creditCallbacks, creditCodes } from "./admin/credit/CreditCallbacks.js"
import { guardCallbacks, guardCodes } from "./admin/guard/GuardCallbacks.js"
import { fleetCallbacks, fleetCodes } from "./fleet/FleetCallbacks.js"
import { inventoryCallbacks, inventoryCodes } from "./admin/inventory/InventoryCallbacks.js"
import { statsCallbacks, statsCodes } from "./admin/stats/StatsCallbacks.js"
import { usersCallbacks, usersCodes } from "./admin/users/UsersCallbacks.js"
import { cartCallbacks, cartCodes } from "./cart/CartCallbacks.js"
import { catalogCallbacks, catalogCodes } from "./catalog/CatalogCallbacks.js"
import { profileCallbacks, profileCodes } from "./profile/ProfileCallbacks.js"
import { topUpCallbacks, topUpCodes } from "./topup/TopUpCallbacks.js"

export const VERSION = "1"
/** Telegram's limit on callback_data, in bytes. */
export const MAX_BYTES = 64

/** Every button the bot can show: the union of each feature's buttons. */
export const Callback = Schema.Union(
  ...profileCallbacks, ...catalogCallbacks, ...cartCallbacks, ...topUpCallbacks, ...adminCallbacks, ...inventoryCallbacks, ...usersCallbacks,
  ...statsCallbacks, ...announceCallbacks, ...guardCallbacks, ...creditCallbacks, ...fleetCallbacks
)
export type Callback = typeof Callback.Type
type Encoded = typeof Callback.Encoded

/** One letter per action, and the order of its arguments on the wire: every button has exactly one. */
const codes = {
  ...profileCodes,
  ...catalogCodes,
  ...cartCodes,
  ...topUpCodes,
  ...adminCodes,
  ...inventoryCodes,
  ...usersCodes,
  ...statsCodes,
  ...announceCodes,
  ...guardCodes,
  ...creditCodes,
  ...fleetCodes
} as const satisfies { readonly [K in Callback["_tag"]]: readonly [string, ReadonlyArray<string>] }

const byCode = new Map<string, Callback["_tag"]>(
  Object.entries(codes).map(([tag, [code]]) => [code, tag as Callback["_tag"]])
)
if (byCode.size !== Object.keys(codes).length) throw new Error("two buttons share a wire code") // a programming error, at start

/** The wire text, from the encoded (string-valued) form. */
const Wire = Schema.transformOrFail(Schema.String, Schema.encodedSchema(Callback), {
  strict: true,
  decode: (text, _, ast) => {
    const fail = (why: string) => ParseResult.fail(new ParseResult.Type(ast, text, why))
    if (Buffer.byteLength(text, "utf8") > MAX_BYTES) return fail("too long")
    if (!text.startsWith(VERSION)) return fail("unknown version")
    const [code = "", ...args] = text.slice(VERSION.length).split(":")
    const tag = byCode.get(code)
    if (tag === undefined) return fail("unknown action")
    const names: ReadonlyArray<string> = codes[tag][1]
    if (args.length !== names.length) return fail("wrong number of arguments")
    const fields: Record<string, string> = { _tag: tag }
    names.forEach((name, i) => (fields[name] = args[i]!))
    return ParseResult.succeed(fields as unknown as Encoded)
  },
  encode: (fields) => {
    const [code, names] = codes[fields._tag]
    const record = fields as unknown as Record<string, string>
    return ParseResult.succeed([`${VERSION}${code}`, ...names.map((n) => record[n])].join(":"))
  }
})

export const CallbackData = Schema.compose(Wire, Callback)

/**
 * Decoded payloads by their wire text. Decoding runs the Schema on every update (tens of
 * microseconds), for a handful of distinct texts; the result depends on the text only, and is
 * immutable. Bounded: past the limit the cache starts again.
 */
const decoded = new Map<string, Either.Either<Callback, string>>()
const DECODED_LIMIT = 10_000

/** Decodes a button press; a stale, malformed or forged payload is a Left. */
export const decodeCallback = (data: string | undefined): Either.Either<Callback, string> => {
  if (data === undefined) return Either.left("no data")
  const hit = decoded.get(data)
  if (hit !== undefined) return hit
  const result = Either.mapLeft(Schema.decodeEither(CallbackData)(data), (e) => e.message)
  if (decoded.size >= DECODED_LIMIT) decoded.clear()
  decoded.set(data, result)
  return result
}

/** Encodes a button; throws on a payload over 64 bytes, which is a programming error. */
export const encodeCallback = (callback: Callback): string => {
  const text = Schema.encodeSync(CallbackData)(callback)
  if (Buffer.byteLength(text, "utf8") > MAX_BYTES) throw new Error(`callback data over ${MAX_BYTES} bytes: ${text}`)
  return text
}
