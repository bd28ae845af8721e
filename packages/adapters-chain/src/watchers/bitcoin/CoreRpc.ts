/**
 * A `BlockSource` over the JSON-RPC of the shop's own Bitcoin Core or Litecoin Core node (watcher
 * names "btc-core", "ltc-core"). Blocks are read whole (`getblock <hash> 2`) and every output that
 * pays one of the shop's addresses is a payment whose index is the output's `n`; amounts are exact.
 *
 * Where a transaction is (`locate`) comes from `getrawtransaction <txid> true`: without a block hash
 * it is in the mempool; with one, the block's header says whether that block is in the best chain.
 * That needs the node to run with `-txindex=1`: the index keeps entries of blocks that left the best
 * chain, which is how a transaction dropped by a reorganisation is told from a confirmed one. A node
 * without the index answers only for the mempool; everything else is then reported gone (and a
 * warning logged once), which can hold a credited deposit that is in fact confirmed.
 *
 * Mempool scanning (off unless `mempool: true`) lists the mempool's txids each cycle and reads only
 * those not read before, at most `mempoolPerCycle` a cycle, in batches; what it remembers is pruned
 * to the txids still in the mempool. The chain has no finality: `finalized` is null.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import { ChainSourceError, type HttpPacing, pacingOf } from "../../http/ChainHttp.js"
import type { BlockSource, Payment, TxPlace } from "../Sources.js"
import { type CoreAuth, makeCoreClient } from "./CoreClient.js"
import { Block, decodeAs, Hash, Header, Integer, Located, outputPaying, Tx } from "./CoreJson.js"

/** Pacing as ChainHttp's defaults but 20 requests a second: it is the shop's own node. */
export interface CoreRpcSettings extends HttpPacing {
  /** e.g. "ltc-core". */
  readonly name: string
  /** The node's RPC address, e.g. http://127.0.0.1:9332 (rpcport). */
  readonly url: string
  readonly auth: CoreAuth
  readonly network: "bitcoin" | "litecoin"
  readonly asset: "BTC" | "LTC"
  /** Report unconfirmed payments from the mempool (default false). */
  readonly mempool?: boolean | undefined
  /** Mempool transactions read in one cycle at most (default 500). */
  readonly mempoolPerCycle?: number | undefined
}

export interface CoreRpcSource extends BlockSource {
  /** HTTP requests sent so far. */
  readonly sent: () => number
}

/** Core's codes: RPC_INVALID_ADDRESS_OR_KEY (no such transaction) and RPC_INVALID_PARAMETER (height out of range). */
const NOT_FOUND = -5
const OUT_OF_RANGE = -8
const BATCH = 100

const isRpc = (e: ChainSourceError, code: number) => e.kind === "rpc" && e.status === code

export const makeCoreRpcSource = (settings: CoreRpcSettings): Effect.Effect<CoreRpcSource, never, HttpClient.HttpClient | Scope.Scope> =>
  Effect.gen(function*() {
    const name = settings.name
    const client = yield* makeCoreClient({
      name,
      url: settings.url,
      auth: settings.auth,
      ...pacingOf(settings),
      requestsPerSecond: settings.requestsPerSecond ?? 20
    })
    const asset = settings.asset
    const perCycle = Math.max(1, settings.mempoolPerCycle ?? 500)
    let warnedIndex = false

    const paymentsOf = (tx: Tx, ours: (address: string) => string | null): Array<Payment> =>
      tx.vout.flatMap((o) => {
        const paying = outputPaying(o)
        const address = paying === null ? null : ours(paying.address)
        return paying === null || address === null ? [] : [{ asset, txid: tx.txid, index: paying.output.n, address, units: paying.output.value }]
      })

    const tip = Effect.flatMap(client.call("getblockcount", []), decodeAs(Integer, name, "getblockcount"))

    const hashAt: BlockSource["hashAt"] = (height) =>
      height < 0 ? Effect.succeed(null) : client.call("getblockhash", [height]).pipe(
        Effect.flatMap(decodeAs(Hash, name, "getblockhash")),
        Effect.catchIf((e) => isRpc(e, OUT_OF_RANGE), () => Effect.succeed(null))
      )

    const block: BlockSource["block"] = (height, ours) =>
      Effect.gen(function*() {
        const hash = yield* Effect.flatMap(client.call("getblockhash", [height]), decodeAs(Hash, name, "getblockhash"))
        const b = yield* Effect.flatMap(client.call("getblock", [hash, 2]), decodeAs(Block, name, "getblock"))
        if (b.hash !== hash || b.height !== height) {
          return yield* new ChainSourceError({ source: name, kind: "decode", detail: `getblock ${hash}: got block ${b.height} ${b.hash}` })
        }
        return { height, hash, parent: b.previousblockhash ?? null, payments: b.tx.flatMap((tx) => paymentsOf(tx, ours)) }
      })

    const locate: BlockSource["locate"] = (txid) =>
      Effect.gen(function*() {
        const answer = yield* Effect.either(client.call("getrawtransaction", [txid, true]))
        if (Either.isLeft(answer)) {
          const e = answer.left
          if (!isRpc(e, NOT_FOUND) || e.detail.includes("being indexed")) return yield* e
          if (e.detail.includes("No such mempool transaction") && !warnedIndex) {
            warnedIndex = true
            yield* Effect.logWarning(`${name}: the node has no transaction index; run it with -txindex=1, or a payment outside the mempool is reported gone`)
          }
          return { _tag: "Gone" } satisfies TxPlace
        }
        const tx = yield* decodeAs(Located, name, "getrawtransaction")(answer.right)
        if (tx.blockhash === undefined) return { _tag: "Mempool" } satisfies TxPlace
        const header = yield* Effect.flatMap(client.call("getblockheader", [tx.blockhash, true]), decodeAs(Header, name, "getblockheader"))
        // -1: the index still names a block that a reorganisation took out of the best chain.
        return header.confirmations < 1 ? { _tag: "Gone" } satisfies TxPlace : { _tag: "Block", height: header.height, hash: header.hash } satisfies TxPlace
      })

    /** Mempool txids already read, with their payments to us (none for most). */
    const read = new Map<string, ReadonlyArray<Payment>>()
    const mempool = (ours: (address: string) => string | null) =>
      Effect.gen(function*() {
        const txids = yield* Effect.flatMap(client.call("getrawmempool", [false]), decodeAs(Schema.Array(Hash), name, "getrawmempool"))
        const present = new Set(txids)
        for (const txid of read.keys()) if (!present.has(txid)) read.delete(txid)
        const fresh = txids.filter((t) => !read.has(t)).slice(0, perCycle)
        for (let i = 0; i < fresh.length; i += BATCH) {
          const chunk = fresh.slice(i, i + BATCH)
          const answers = yield* client.batch(chunk.map((txid) => ({ method: "getrawtransaction", params: [txid, true] })))
          for (const answer of answers) {
            if (Either.isLeft(answer)) {
              if (isRpc(answer.left, NOT_FOUND)) continue // mined or evicted since the listing
              return yield* answer.left
            }
            const tx = yield* decodeAs(Tx, name, "getrawtransaction")(answer.right)
            read.set(tx.txid, paymentsOf(tx, ours))
          }
        }
        return [...read.values()].flat()
      })

    return {
      name,
      network: settings.network,
      assets: [asset],
      tip,
      finalized: Effect.succeed(null),
      hashAt,
      block,
      locate,
      mempool: settings.mempool === true ? mempool : undefined,
      sent: client.sent
    }
  })
