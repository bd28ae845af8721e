/**
 * The TronGrid answers the TRON source reads, checked before use (parsed losslessly like Esplora's:
 * integers as bigint), and TRON addresses in their three spellings: Base58Check (T…), hex with the
 * 0x41 version byte (41…) and the 20-byte hex of event results (0x…). Every one is compared in its
 * Base58Check form, the form the shop stores.
 */
import { sha256 } from "@noble/hashes/sha2.js"
import { hexToBytes } from "@noble/hashes/utils.js"
import { base58check } from "@scure/base"
import * as Schema from "effect/Schema"
import { Hash32, SafeInt } from "../bitcoin/EsploraJson.js"

const b58 = base58check(sha256)

/** The Base58Check form of a TRON address given in any of its spellings, or null when it is not one. */
export const tronBase58 = (address: string): string | null => {
  const hex = /^(?:0x|41)([0-9a-fA-F]{40})$/.exec(address)
  if (hex !== null) return b58.encode(Uint8Array.from([0x41, ...hexToBytes(hex[1]!.toLowerCase())]))
  if (!/^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(address)) return null
  try {
    const bytes = b58.decode(address)
    return bytes.length === 21 && bytes[0] === 0x41 ? address : null
  } catch {
    return null
  }
}

/** A token amount: TronGrid writes it as a decimal string; a JSON integer is taken too. Never negative. */
export const TokenUnits = Schema.Union(
  Schema.transform(Schema.String.pipe(Schema.pattern(/^\d{1,78}$/)), Schema.BigIntFromSelf, {
    strict: true, decode: (s) => BigInt(s), encode: (n) => n.toString()
  }),
  Schema.BigIntFromSelf.pipe(Schema.nonNegativeBigInt())
)

/** POST /wallet/getnowblock, /walletsolidity/getnowblock, /wallet/getblock (header only). */
export const TronBlock = Schema.Struct({
  blockID: Hash32,
  block_header: Schema.Struct({ raw_data: Schema.Struct({ number: SafeInt, timestamp: SafeInt }) })
})

/** GET /v1/accounts/{address}/transactions/trc20: one entry per transfer, paged by `meta.fingerprint`. */
export const Trc20Page = Schema.Struct({
  success: Schema.Boolean,
  data: Schema.Array(Schema.Struct({
    transaction_id: Hash32,
    token_info: Schema.Struct({ address: Schema.String }),
    block_timestamp: SafeInt,
    to: Schema.String,
    type: Schema.String,
    value: TokenUnits
  })),
  meta: Schema.optional(Schema.Struct({ fingerprint: Schema.optional(Schema.String) }))
})

/** GET /v1/transactions/{txid}/events: every event of the transaction with its index and block. */
export const EventsPage = Schema.Struct({
  success: Schema.Boolean,
  data: Schema.Array(Schema.Struct({
    transaction_id: Hash32,
    event_index: SafeInt,
    block_number: SafeInt,
    block_timestamp: SafeInt,
    contract_address: Schema.String,
    event_name: Schema.String,
    result: Schema.Record({ key: Schema.String, value: Schema.Unknown })
  }))
})

/** The `result` of a TRC-20 Transfer event. */
export const TransferResult = Schema.Struct({ to: Schema.String, value: TokenUnits })

/** POST /wallet/gettransactioninfobyid: `{}` for a transaction the node does not know. */
export const TxInfo = Schema.Struct({
  blockNumber: Schema.optional(SafeInt),
  result: Schema.optional(Schema.String),
  receipt: Schema.optional(Schema.Struct({ result: Schema.optional(Schema.String) }))
})
