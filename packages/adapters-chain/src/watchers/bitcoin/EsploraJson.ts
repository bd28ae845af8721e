/**
 * The Esplora answers the source reads (mempool.space, blockstream.info, litecoinspace.org), checked
 * before use. JSON is parsed losslessly: every integer becomes a bigint, so a satoshi amount keeps
 * all its digits whatever its size; heights must fit a safe integer. A missing field, a wrong type,
 * a negative or fractional amount or a txid that is not 64 hex digits is a decode error.
 */
import { parse } from "lossless-json"
import * as Effect from "effect/Effect"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { ChainSourceError } from "../../http/ChainHttp.js"

/** A non-negative integer that fits a JS number (heights, times, indexes), from the lossless bigint. */
export const SafeInt = Schema.transform(
  Schema.BigIntFromSelf.pipe(Schema.betweenBigInt(0n, BigInt(Number.MAX_SAFE_INTEGER))),
  Schema.Number,
  { strict: true, decode: (n) => Number(n), encode: (n) => BigInt(n) }
)

/** 32 bytes in hex (a txid or a block hash), lowercased. */
export const Hash32 = Schema.transform(
  Schema.String.pipe(Schema.pattern(/^[0-9a-fA-F]{64}$/)),
  Schema.String,
  { strict: true, decode: (s) => s.toLowerCase(), encode: (s) => s }
)

const Satoshis = Schema.BigIntFromSelf.pipe(Schema.nonNegativeBigInt())

export const TxStatus = Schema.Union(
  Schema.Struct({ confirmed: Schema.Literal(true), block_height: SafeInt, block_hash: Hash32 }),
  Schema.Struct({ confirmed: Schema.Literal(false) })
)
export type TxStatus = typeof TxStatus.Type

export const EsploraTx = Schema.Struct({
  txid: Hash32,
  vout: Schema.Array(Schema.Struct({ scriptpubkey_address: Schema.optional(Schema.String), value: Satoshis })),
  status: TxStatus
})
export type EsploraTx = typeof EsploraTx.Type

export const EsploraTxList = Schema.Array(EsploraTx)

/** Integers as bigint (exact); anything else (a fraction, an exponent) as a number, which no amount accepts. */
const parseNumber = (text: string): unknown => /^-?\d+$/.test(text) ? BigInt(text) : Number(text)

/** Parses `text` losslessly and checks it against `schema`; any failure is a decode error naming `what`. */
export const decodeAnswer = <A, I>(source: string, what: string, schema: Schema.Schema<A, I>, text: string): Effect.Effect<A, ChainSourceError> =>
  Effect.try({
    try: () => parse(text, null, parseNumber),
    catch: () => new ChainSourceError({ source, kind: "decode", detail: `${what}: malformed JSON: ${text.slice(0, 80)}` })
  }).pipe(
    Effect.flatMap((json) => Schema.decodeUnknown(schema)(json)),
    Effect.catchTag("ParseError", (e) =>
      Effect.fail(new ChainSourceError({ source, kind: "decode", detail: `${what}: ${ParseResult.TreeFormatter.formatErrorSync(e).slice(0, 300)}` })))
  )

/** A plain-text decimal integer (GET /blocks/tip/height). */
export const decodeHeight = (source: string, text: string): Effect.Effect<number, ChainSourceError> => {
  const trimmed = text.trim()
  return /^\d{1,15}$/.test(trimmed)
    ? Effect.succeed(Number(trimmed))
    : Effect.fail(new ChainSourceError({ source, kind: "decode", detail: `tip height: not a number: ${trimmed.slice(0, 40)}` }))
}
