/** Fills a database with buyers and deposit addresses on four networks quickly, in bulk SQL, for the chain benchmarks. */
import { sha256 } from "@noble/hashes/sha2.js"
import { base58, base58check, bech32 } from "@scure/base"
import * as SqlClient from "@effect/sql/SqlClient"
import { toChecksumAddress } from "@tokenshop/adapters-chain"
import * as Effect from "effect/Effect"

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n))
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex")

/** Well-formed addresses that nobody uses: the chain sources only look them up. */
export const syntheticAddress = {
  bitcoin: () => bech32.encode("bc", [0, ...bech32.toWords(random(20))]),
  ethereum: () => toChecksumAddress(hex(random(20))),
  tron: () => base58check(sha256).encode(Uint8Array.from([0x41, ...random(20)])),
  solana: () => base58.encode(random(32))
} as const
export type BenchNetwork = keyof typeof syntheticAddress

/** `count` buyers from id `from`, each with an address on every network; the last `open` of them with an open window. */
export const seedAddresses = (from: number, count: number, open: number, now: number) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql.withTransaction(Effect.gen(function*() {
      const chunk = 500
      for (let start = 0; start < count; start += chunk) {
        const ids = Array.from({ length: Math.min(chunk, count - start) }, (_, i) => from + start + i)
        yield* sql`INSERT INTO users ${sql.insert(ids.map((id) => ({ id, username: null, username_lower: null, language: "en", banned: 0, registered_at: now })))}`
        yield* sql`INSERT INTO deposit_indexes ${sql.insert(ids.map((id) => ({ user_id: id, idx: id })))}`
        const rows = ids.flatMap((id) => (Object.keys(syntheticAddress) as Array<BenchNetwork>).map((network) => ({
          user_id: id, network, idx: id, address: syntheticAddress[network](), created_at: now,
          watch_until: start + ids.indexOf(id) >= count - open ? now + 86_400_000 : now - 1
        })))
        yield* sql`INSERT INTO deposit_addresses ${sql.insert(rows)}`
      }
    }))
  })
