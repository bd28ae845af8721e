/**
 * Inline-button payloads: compact (Telegram allows 64 bytes), versioned ("1" prefix), and decoded
 * with Schema on the way back. A payload is never trusted: it names what the user wants; every
 * handler re-checks that the user may do it and owns what it names.
 *
 * Wire form: VERSION ACTION [":" ARG]*, e.g. "1s:12:0" = subcategories of category 12, page 0.
 */
import { Asset, BuyId, CategoryId, PaymentId, SubcategoryId } from "@tokenshop/domain"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

export const VERSION = "1"
/** Telegram's limit on callback_data, in bytes. */
export const MAX_BYTES = 64

const id = <A extends number>(brand: Schema.Schema<A, number>) =>
  Schema.compose(Schema.NumberFromString.pipe(Schema.lessThanOrEqualTo(Number.MAX_SAFE_INTEGER)), brand)
const Category = id(CategoryId)
const Sub = id(SubcategoryId)
const Purchase = id(BuyId)
const Payment = id(PaymentId)
const PageNo = Schema.NumberFromString.pipe(Schema.int(), Schema.between(0, 100_000))
const Quantity = Schema.NumberFromString.pipe(Schema.int(), Schema.between(0, 100_000))
const Nonce = Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9_-]{1,32}$/))
const Lang = Schema.String.pipe(Schema.pattern(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/))

/** Every button the bot can show. */
export const Callback = Schema.Union(
  Schema.TaggedStruct("Main", {}),
  Schema.TaggedStruct("Categories", { page: PageNo }),
  Schema.TaggedStruct("Subcategories", { category: Category, page: PageNo }),
  Schema.TaggedStruct("Subcategory", { subcategory: Sub }),
  Schema.TaggedStruct("AddToCart", { subcategory: Sub, quantity: Quantity }),
  Schema.TaggedStruct("Cart", {}),
  Schema.TaggedStruct("SetQuantity", { subcategory: Sub, quantity: Quantity }),
  Schema.TaggedStruct("ClearCart", {}),
  Schema.TaggedStruct("Checkout", {}),
  Schema.TaggedStruct("Confirm", { nonce: Nonce }),
  Schema.TaggedStruct("Profile", {}),
  Schema.TaggedStruct("History", { page: PageNo }),
  Schema.TaggedStruct("Purchase", { buy: Purchase }),
  Schema.TaggedStruct("TopUp", {}),
  Schema.TaggedStruct("TopUpAsset", { asset: Asset }),
  Schema.TaggedStruct("PaymentStatus", { payment: Payment }),
  Schema.TaggedStruct("OpenTopUps", {}),
  Schema.TaggedStruct("Deposits", { page: PageNo }),
  Schema.TaggedStruct("TypeQuantity", { subcategory: Sub }),
  Schema.TaggedStruct("CancelPrompt", {}),
  Schema.TaggedStruct("Admin", {}),
  Schema.TaggedStruct("Wallet", {}),
  Schema.TaggedStruct("WithdrawAsset", { asset: Asset }),
  Schema.TaggedStruct("WithdrawConfirm", { nonce: Nonce }),
  Schema.TaggedStruct("Withdrawals", { page: PageNo }),
  Schema.TaggedStruct("Languages", {}),
  Schema.TaggedStruct("Language", { language: Lang }),
  Schema.TaggedStruct("Help", {}),
  Schema.TaggedStruct("ChainCheck", { asset: Asset }),
  Schema.TaggedStruct("AdminDeposits", { page: PageNo })
)
export type Callback = typeof Callback.Type
type Encoded = typeof Callback.Encoded

/** One letter per action, and the order of its arguments on the wire. */
const codes = {
  Main: ["m", []],
  Categories: ["c", ["page"]],
  Subcategories: ["s", ["category", "page"]],
  Subcategory: ["d", ["subcategory"]],
  AddToCart: ["a", ["subcategory", "quantity"]],
  Cart: ["k", []],
  SetQuantity: ["q", ["subcategory", "quantity"]],
  ClearCart: ["X", []],
  Checkout: ["o", []],
  Confirm: ["y", ["nonce"]],
  Profile: ["p", []],
  History: ["h", ["page"]],
  Purchase: ["b", ["buy"]],
  TopUp: ["t", []],
  TopUpAsset: ["T", ["asset"]],
  PaymentStatus: ["P", ["payment"]],
  OpenTopUps: ["u", []],
  Deposits: ["D", ["page"]],
  TypeQuantity: ["Q", ["subcategory"]],
  CancelPrompt: ["x", []],
  Admin: ["A", []],
  Wallet: ["w", []],
  WithdrawAsset: ["W", ["asset"]],
  WithdrawConfirm: ["Y", ["nonce"]],
  Withdrawals: ["H", ["page"]],
  Languages: ["L", []],
  Language: ["l", ["language"]],
  Help: ["?", []],
  ChainCheck: ["e", ["asset"]],
  AdminDeposits: ["E", ["page"]]
} as const satisfies { readonly [K in Callback["_tag"]]: readonly [string, ReadonlyArray<string>] }

const byCode = new Map<string, Callback["_tag"]>(
  Object.entries(codes).map(([tag, [code]]) => [code, tag as Callback["_tag"]])
)

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

/** Decodes a button press; a stale, malformed or forged payload is a Left. */
export const decodeCallback = (data: string | undefined): Either.Either<Callback, string> =>
  data === undefined
    ? Either.left("no data")
    : Either.mapLeft(Schema.decodeEither(CallbackData)(data), (e) => e.message)

/** Encodes a button; throws on a payload over 64 bytes, which is a programming error. */
export const encodeCallback = (callback: Callback): string => {
  const text = Schema.encodeSync(CallbackData)(callback)
  if (Buffer.byteLength(text, "utf8") > MAX_BYTES) throw new Error(`callback data over ${MAX_BYTES} bytes: ${text}`)
  return text
}
