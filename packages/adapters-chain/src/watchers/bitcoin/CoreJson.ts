/**
 * Reading Bitcoin Core's (and Litecoin Core's) JSON answers exactly: every number is kept as its
 * text (lossless-json), amounts in coins with up to 8 decimals become bigint base units by decimal
 * arithmetic on that text, and the shapes the back-end relies on are checked with Schema. Anything
 * else (a float-looking amount with more digits, a negative one, a missing field) is a decode error.
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { LosslessNumber } from "lossless-json"
import { ChainSourceError } from "../../http/ChainHttp.js"

/** Coins in Core's decimal notation ("0.00100000") to base units; Left: why it is refused. */
export const coinsToUnits = (text: string): Either.Either<bigint, string> => {
  const m = /^(\d+)(?:\.(\d*))?$/.exec(text)
  if (m === null) return Either.left(`not a non-negative decimal amount: ${text}`)
  const fraction = m[2] ?? ""
  if (fraction.length > 8) return Either.left(`more than 8 decimals: ${text}`)
  return Either.right(BigInt(m[1]!) * 100_000_000n + BigInt(fraction.padEnd(8, "0")))
}

/** A JSON string (skipped whole, escapes included) or a number token outside strings. */
const tokens = /"[^"\\]*(?:\\.[^"\\]*)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g
const mark = "\u0000"

/**
 * What lossless-json's `parse` gives (every number a LosslessNumber holding its text), about ten
 * times faster on a large block: each number token is wrapped as {"\u0000":"<digits>"} and turned
 * back into a LosslessNumber by JSON.parse's reviver. lossless-json itself takes seconds over a
 * full Bitcoin block at verbosity 2 (6 MB), which would stall the event loop. Throws on bad JSON.
 */
export const parseExact = (text: string): unknown =>
  JSON.parse(
    text.replace(tokens, (t) => t.charCodeAt(0) === 34 ? t : `{"\\u0000":"${t}"}`),
    (_, v: unknown) =>
      typeof v === "object" && v !== null && Object.hasOwn(v, mark) && Object.keys(v).length === 1 ? new LosslessNumber((v as Record<string, string>)[mark]!) : v
  )

/** Parses an answer keeping every number's digits; malformed JSON is a decode error. */
export const parseLossless = (source: string, text: string): Effect.Effect<unknown, ChainSourceError> =>
  Effect.try({
    try: () => parseExact(text),
    catch: () => new ChainSourceError({ source, kind: "decode", detail: `malformed JSON: ${text.slice(0, 80)}` })
  })

const Digits = Schema.instanceOf(LosslessNumber)

/** An integer that fits a JS number (heights, output indexes, confirmations, which may be -1). */
export const Integer = Schema.transformOrFail(Digits, Schema.Int, {
  strict: true,
  decode: (n, _, ast) =>
    /^-?\d+$/.test(n.value) && Number.isSafeInteger(Number(n.value))
      ? ParseResult.succeed(Number(n.value))
      : ParseResult.fail(new ParseResult.Type(ast, n, `not an integer: ${n.value}`)),
  encode: (x) => ParseResult.succeed(new LosslessNumber(String(x)))
})

/** An amount in coins (8 decimals at most, not negative) as base units. */
export const Coins = Schema.transformOrFail(Digits, Schema.BigIntFromSelf, {
  strict: true,
  decode: (n, _, ast) =>
    Either.match(coinsToUnits(n.value), {
      onLeft: (why) => ParseResult.fail(new ParseResult.Type(ast, n, why)),
      onRight: ParseResult.succeed
    }),
  encode: (units) => ParseResult.succeed(new LosslessNumber(`${units / 100_000_000n}.${String(units % 100_000_000n).padStart(8, "0")}`))
})

/** A block hash or txid as Core writes it: 64 lowercase hex digits. */
export const Hash = Schema.String.pipe(Schema.pattern(/^[0-9a-f]{64}$/))

/** 0.21 and older list `addresses`; 22.0 and later give one `address`. */
const ScriptPubKey = Schema.Struct({
  address: Schema.optional(Schema.String),
  addresses: Schema.optional(Schema.Array(Schema.String))
})

/** Litecoin 0.21.2 marks each output; an MWEB one has only an `output_id`: no value, no `n`, no address. */
const MwebOutput = Schema.Struct({ ismweb: Schema.Literal(true) })

const Output = Schema.Union(
  Schema.Struct({ ismweb: Schema.optional(Schema.Literal(false)), value: Coins, n: Integer, scriptPubKey: ScriptPubKey }),
  MwebOutput
)

export const Tx = Schema.Struct({ txid: Hash, vout: Schema.Array(Output) })
export type Tx = typeof Tx.Type

/** `getblock <hash> 2`, the fields read. */
export const Block = Schema.Struct({
  hash: Hash,
  height: Integer,
  previousblockhash: Schema.optional(Hash),
  tx: Schema.Array(Tx)
})

/** `getrawtransaction <txid> true`: a block hash when it was found through the transaction index. */
export const Located = Schema.Struct({ txid: Hash, blockhash: Schema.optional(Hash) })

/** `getblockheader <hash> true`: confirmations is -1 for a block outside the best chain. */
export const Header = Schema.Struct({ hash: Hash, height: Integer, confirmations: Integer })

/** Decodes `value` as `schema`, or a decode error naming the method. */
export const decodeAs = <A, I>(schema: Schema.Schema<A, I>, source: string, method: string) => (value: unknown): Effect.Effect<A, ChainSourceError> =>
  Schema.decodeUnknown(schema)(value).pipe(
    Effect.mapError((e) => {
      const issues = ParseResult.ArrayFormatter.formatErrorSync(e).slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`)
      return new ChainSourceError({ source, kind: "decode", detail: `${method}: ${issues.join("; ").slice(0, 400)}` })
    })
  )

/** An output that is not MWEB: it has a value, an index and maybe an address. */
export type CanonicalOutput = Exclude<Tx["vout"][number], typeof MwebOutput.Type>

/** The output's value, index and single address as the node writes it (Bech32 in lowercase), or null. */
export const outputPaying = (o: Tx["vout"][number]): { readonly output: CanonicalOutput; readonly address: string } | null => {
  if (o.ismweb === true) return null
  const list = o.scriptPubKey.addresses
  const address = o.scriptPubKey.address ?? (list !== undefined && list.length === 1 ? list[0]! : undefined)
  return address === undefined ? null : { output: o, address }
}
