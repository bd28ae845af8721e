/**
 * Ethereum for block scanning, over any JSON-RPC node or provider, read through viem. Every request
 * goes through `rpcCall` over `makeChainHttp`, so the source's rate limit, timeouts, Retry-After,
 * backoff and request count apply; viem itself never retries.
 *
 * A block costs one `eth_getBlockByNumber` (with its transactions) and one `eth_getLogs` for the
 * Transfer events of every configured token contract at once, matched locally against the shop's
 * addresses: the cost does not grow with the number of buyers. Each native payment found costs one
 * receipt more, to leave out reverted transactions.
 *
 * What is seen: plain ETH transactions to a shop address (index 0) and ERC-20 Transfer events to one
 * (index = the Transfer's ordinal among its transaction's Transfers of that contract: see
 * Transfers.ts; a reorganisation that mines the transaction again elsewhere keeps it). `locate` of a
 * token payment reads the receipt's logs again and reports the payment gone when the transaction, still
 * mined, no longer makes that transfer (same contract, recipient and amount). NOT seen: ETH sent by a contract (internal transfers, e.g.
 * many exchanges' and smart wallets' withdrawals): finding those needs tracing, which providers
 * rarely offer. Token amounts are scaled from the contract's decimals to the asset's: exact for the
 * usual 6; a contract with more decimals is floored (the dust below the asset's unit is not counted).
 * There is no mempool listing: a payment is first seen with one confirmation.
 */
import { assetInfo } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import type * as HttpClient from "@effect/platform/HttpClient"
import { type Address, BlockNotFoundError, type Hash, isAddress, type Log, TransactionNotFoundError, TransactionReceiptNotFoundError } from "viem"
import { ChainSourceError, type HttpPacing, makeChainHttp, pacingOf } from "../../http/ChainHttp.js"
import { rpcCall } from "../../http/JsonRpc.js"
import { makeViemCall, orNull } from "./ViemClient.js"
import type { LookedUpTransaction } from "@tokenshop/domain"
import { lookUp } from "./EvmLookup.js"
import { BlockTraces, CallFrame, decodeTrace, internalTransfers } from "./Traces.js"
import type { BlockSource, Payment, ScannedBlock, TxPlace } from "../Sources.js"
import { numberTransfers, receiptTransfers, scaleUnits, transferEvent, type TransferLog } from "./Transfers.js"

export { scaleUnits, transferEvent } from "./Transfers.js"

export interface EvmToken {
  readonly asset: "USDT_ERC20" | "USDC_ERC20"
  /** The token contract's address (any case). */
  readonly contract: string
  /** The contract's own decimals (6 for USDT and USDC on Ethereum). */
  readonly decimals: number
}

export interface EvmSettings extends HttpPacing {
  /** e.g. "eth-rpc". */
  readonly name: string
  readonly rpcUrl: string
  readonly tokens: ReadonlyArray<EvmToken>
  /** Whether native ETH payments are taken. */
  readonly native: boolean
  /** "finalized": the node's finalized block makes payments final; null: confirmations only. */
  readonly finality?: "finalized" | null | undefined
  /**
   * ETH sent by contracts (internal transfers) is found too, with the node's callTracer
   * (`debug_traceBlockByHash`, one request more per block; see Traces.ts). Off: direct transfers only.
   */
  readonly internal?: boolean | undefined
  readonly headers?: Readonly<Record<string, string>> | undefined
}

/** A block source with the count of HTTP requests it sent (for the benchmarks), and a transaction read on demand. */
export interface EvmSource extends BlockSource {
  readonly sent: () => number
  /** What a transaction pays (direct, token and, where the node traces, internal transfers), or null when unknown. */
  readonly transaction: (txid: string) => Effect.Effect<LookedUpTransaction | null, ChainSourceError>
}


const isHash = (txid: string): txid is Hash => /^0x[0-9a-fA-F]{64}$/.test(txid)

export const makeEvmSource = (settings: EvmSettings): Effect.Effect<EvmSource, never, HttpClient.HttpClient | Scope.Scope> =>
  Effect.gen(function*() {
    const http = yield* makeChainHttp({ name: settings.name, baseUrl: settings.rpcUrl, headers: settings.headers, ...pacingOf(settings) })
    const bad = settings.tokens.find((t) => !isAddress(t.contract, { strict: false }) || !Number.isInteger(t.decimals) || t.decimals < 0)
    if (bad !== undefined) return yield* Effect.dieMessage(`${settings.name}: ${bad.asset}: ${bad.contract} (${bad.decimals} decimals) is not a token contract`)
    const tokens = new Map(settings.tokens.map((t) => [t.contract.toLowerCase(), t]))
    const contracts = [...tokens.keys()] as Array<Address>
    const fail = (kind: ChainSourceError["kind"], detail: string) => new ChainSourceError({ source: settings.name, kind, detail })

    const call = yield* makeViemCall(http)

    const receiptOf = (hash: Hash) =>
      call(`receipt ${hash}`, (c) => c.getTransactionReceipt({ hash }).catch(orNull(TransactionReceiptNotFoundError)))

    const readBlock = (height: number) =>
      Effect.flatMap(
        call(`block ${height}`, (c) => c.getBlock({ blockNumber: BigInt(height), includeTransactions: true }).catch(orNull(BlockNotFoundError))),
        (b) => b === null ? Effect.fail(fail("rpc", `no block at height ${height}`)) : Effect.succeed(b)
      )
    type Block = Effect.Effect.Success<ReturnType<typeof readBlock>>

    /** Native ETH to our addresses in a block, from successful transactions only. */
    const nativePayments = (b: Block, ours: (address: string) => string | null) =>
      Effect.gen(function*() {
        const payments: Array<Payment> = []
        if (!settings.native) return payments
        for (const tx of b.transactions) {
          const address = tx.to === null || tx.value <= 0n ? null : ours(tx.to)
          if (address === null) continue
          const receipt = yield* receiptOf(tx.hash)
          if (receipt === null || receipt.blockHash !== b.hash) return yield* fail("rpc", `block ${b.number} changed while it was read`)
          if (receipt.status === "success") payments.push({ asset: "ETH", txid: tx.hash, index: 0, address, units: tx.value })
        }
        if (settings.internal !== true || b.transactions.length === 0) return payments
        const traced = decodeTrace(BlockTraces, yield* rpcCall(http, "debug_traceBlockByHash", [b.hash, { tracer: "callTracer" }]))
        if (traced._tag === "Left") return yield* fail("decode", `traces of block ${b.number}: ${traced.left}`)
        for (const { result, txHash } of traced.right) {
          for (const t of internalTransfers(result)) {
            const address = ours(t.to)
            if (address !== null) payments.push({ asset: "ETH", txid: txHash.toLowerCase(), index: t.index, address, units: t.wei })
          }
        }
        return payments
      })

    /** The internal transfers of one transaction, or null when the node cannot trace it. */
    const traceTransaction = (hash: Hash) =>
      Effect.gen(function*() {
        const answer = yield* Effect.either(rpcCall(http, "debug_traceTransaction", [hash, { tracer: "callTracer" }]))
        if (answer._tag === "Left") return answer.left.kind === "rpc" ? null : yield* answer.left
        const frame = decodeTrace(CallFrame, answer.right)
        return frame._tag === "Left" ? yield* fail("decode", `trace of ${hash}: ${frame.left}`) : internalTransfers(frame.right)
      })

    /**
     * Token transfers to our addresses, matched locally. A log naming another hash than the block read
     * at its height is skipped when the logs were asked for by that block's hash (a bogus answer), and
     * fails the read when they were asked for by range (the block changed while it was read).
     */
    const tokenPayments = (
      logs: ReadonlyArray<TransferLog>,
      blocks: ReadonlyMap<number, Block>,
      ours: (address: string) => string | null,
      otherBlock: "skip" | "fail"
    ) =>
      Effect.gen(function*() {
        const out = new Map<number, Array<Payment>>()
        for (const { contract, log, ordinal } of numberTransfers(logs)) {
          const token = tokens.get(contract)
          if (token === undefined) continue
          const b = blocks.get(Number(log.blockNumber))
          if (b === undefined) continue
          if (log.blockHash !== b.hash) {
            if (otherBlock === "skip") continue
            return yield* fail("rpc", `block ${b.number} changed while it was read`)
          }
          const address = ours(log.args.to)
          const units = scaleUnits(log.args.value, token.decimals, assetInfo(token.asset).decimals)
          if (address !== null && units > 0n) {
            const list = out.get(Number(b.number)) ?? []
            list.push({ asset: token.asset, txid: log.transactionHash, index: ordinal, address, units })
            out.set(Number(b.number), list)
          }
        }
        return out
      })

    const scanned = (b: Block, payments: ReadonlyArray<Payment>): ScannedBlock =>
      ({ height: Number(b.number), hash: b.hash, parent: b.parentHash, payments })

    const block = (height: number, ours: (address: string) => string | null) =>
      Effect.gen(function*() {
        const b = yield* readBlock(height)
        const native = yield* nativePayments(b, ours)
        const logs = contracts.length === 0
          ? []
          : yield* call(`logs of block ${height}`, (c) => c.getLogs({ address: contracts, event: transferEvent, blockHash: b.hash, strict: true }))
        const tokens = yield* tokenPayments(logs, new Map([[height, b]]), ours, "skip")
        return scanned(b, [...native, ...(tokens.get(height) ?? [])])
      })

    /** A range of blocks with ONE getLogs for all of them (the cost per block is its getBlock). */
    const blocks = (from: number, to: number, ours: (address: string) => string | null) =>
      Effect.gen(function*() {
        const read = yield* Effect.forEach(Array.from({ length: to - from + 1 }, (_, i) => from + i), readBlock)
        const byHeight = new Map(read.map((b) => [Number(b.number), b]))
        const logs = contracts.length === 0
          ? []
          : yield* call(`logs of blocks ${from} to ${to}`, (c) =>
            c.getLogs({ address: contracts, event: transferEvent, fromBlock: BigInt(from), toBlock: BigInt(to), strict: true }))
        const tokens = yield* tokenPayments(logs, byHeight, ours, "fail")
        return yield* Effect.forEach(read, (b) =>
          Effect.map(nativePayments(b, ours), (native) => scanned(b, [...native, ...(tokens.get(Number(b.number)) ?? [])])))
      })

    /**
     * Whether a mined transaction still makes the recorded payment: a token transfer by its receipt's
     * logs, an internal one by its trace (when tracing is on); a direct one is fixed by the hash.
     */
    const stillPays = (receipt: { readonly logs: ReadonlyArray<Log> }, hash: Hash, payment: Payment) =>
      Effect.gen(function*() {
        if (payment.asset !== "ETH") return tokenStillPaid(receipt, hash, payment)
        if (payment.index === 0 || settings.internal !== true) return true
        const made = (yield* traceTransaction(hash))?.find((t) => t.index === payment.index)
        return made !== undefined && made.to.toLowerCase() === payment.address.toLowerCase() && made.wei === payment.units
      })
    const tokenStillPaid = (receipt: { readonly logs: ReadonlyArray<Log> }, hash: Hash, payment: Payment) => {
      const token = [...tokens.values()].find((t) => t.asset === payment.asset)
      if (token === undefined) return false
      const made = receiptTransfers(hash, receipt.logs).find((t) => t.contract === token.contract.toLowerCase() && t.ordinal === payment.index)
      return made !== undefined && made.log.args.to.toLowerCase() === payment.address.toLowerCase() &&
        scaleUnits(made.log.args.value, token.decimals, assetInfo(token.asset).decimals) === payment.units
    }

    const locate = (txid: string, payment?: Payment) =>
      Effect.gen(function*() {
        if (!isHash(txid)) return { _tag: "Gone" } satisfies TxPlace
        const hash = txid.toLowerCase() as Hash
        const receipt = yield* receiptOf(hash)
        // A reverted transaction pays nobody: neither its value nor its Transfer events happened; nor does
        // one whose logs no longer hold the recorded transfer.
        if (receipt !== null) {
          return receipt.status === "success" && (payment === undefined || (yield* stillPays(receipt, hash, payment)))
            ? { _tag: "Block", height: Number(receipt.blockNumber), hash: receipt.blockHash } satisfies TxPlace
            : { _tag: "Gone" } satisfies TxPlace
        }
        const tx = yield* call(`transaction ${hash}`, (c) => c.getTransaction({ hash }).catch(orNull(TransactionNotFoundError)))
        if (tx === null) return { _tag: "Gone" } satisfies TxPlace
        return tx.blockNumber !== null && tx.blockHash !== null
          ? { _tag: "Block", height: Number(tx.blockNumber), hash: tx.blockHash } satisfies TxPlace
          : { _tag: "Mempool" } satisfies TxPlace
      })

    const tip = Effect.map(call("tip", (c) => c.getBlockNumber()), Number)
    const finalized = settings.finality === "finalized"
      ? Effect.map(call("finalized block", (c) => c.getBlock({ blockTag: "finalized" })), (b) => Number(b.number))
      : Effect.succeed(null)
    return {
      name: settings.name,
      network: "ethereum",
      assets: [...new Set([...(settings.native ? ["ETH" as const] : []), ...settings.tokens.map((t) => t.asset)])],
      tip,
      finalized,
      hashAt: (height) =>
        Effect.map(call(`hash at ${height}`, (c) => c.getBlock({ blockNumber: BigInt(height) }).catch(orNull(BlockNotFoundError))), (b) => b?.hash ?? null),
      block,
      blocks,
      locate,
      sent: http.sent,
      transaction: (txid) =>
        isHash(txid) ? lookUp({ call, receiptOf, tokens: settings.tokens, traceTransaction }, txid.toLowerCase() as Hash, tip, finalized) : Effect.succeed(null)
    } satisfies EvmSource
  })
