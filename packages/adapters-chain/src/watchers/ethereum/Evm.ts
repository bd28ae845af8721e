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
 * (index = the log's index in its block). NOT seen: ETH sent by a contract (internal transfers, e.g.
 * many exchanges' and smart wallets' withdrawals): finding those needs tracing, which providers
 * rarely offer. Token amounts are scaled from the contract's decimals to the asset's: exact for the
 * usual 6; a contract with more decimals is floored (the dust below the asset's unit is not counted).
 * There is no mempool listing: a payment is first seen with one confirmation.
 */
import { assetInfo } from "@tokenshop/domain"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import * as Runtime from "effect/Runtime"
import type * as Scope from "effect/Scope"
import type * as HttpClient from "@effect/platform/HttpClient"
import { AsyncLocalStorage } from "node:async_hooks"
import {
  type Address, BaseError, BlockNotFoundError, createPublicClient, custom, type Hash, isAddress, type Log, parseAbiItem, type PublicClient,
  TransactionNotFoundError, TransactionReceiptNotFoundError
} from "viem"
import { ChainSourceError, type HttpPacing, makeChainHttp, pacingOf } from "../../http/ChainHttp.js"
import { rpcCall } from "../../http/JsonRpc.js"
import type { BlockSource, Payment, ScannedBlock, TxPlace } from "../Sources.js"

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
  readonly headers?: Readonly<Record<string, string>> | undefined
}

/** A block source with the count of HTTP requests it sent (for the benchmarks). */
export interface EvmSource extends BlockSource {
  readonly sent: () => number
}

export const transferEvent = parseAbiItem("event Transfer(address indexed from, address indexed to, uint256 value)")
/** A decoded Transfer log as getLogs returns it with `strict: true`. */
type TransferLog = Log<bigint, number, false, typeof transferEvent, true>

/** A token amount in `from` decimals as base units of `to` decimals: multiplied, or floored when finer. */
export const scaleUnits = (value: bigint, from: number, to: number): bigint =>
  from === to ? value : from > to ? value / 10n ** BigInt(from - to) : value * 10n ** BigInt(to - from)

/** The abort signal of the source call a viem request belongs to (viem's actions take none). */
const callSignal = new AsyncLocalStorage<AbortSignal>()

const isHash = (txid: string): txid is Hash => /^0x[0-9a-fA-F]{64}$/.test(txid)

/** A viem "not found" error of this class becomes null; anything else stays a failure. */
const orNull = <E>(kind: new(...args: never) => E) => (e: unknown) => e instanceof kind ? null : Promise.reject(e)

export const makeEvmSource = (settings: EvmSettings): Effect.Effect<EvmSource, never, HttpClient.HttpClient | Scope.Scope> =>
  Effect.gen(function*() {
    const http = yield* makeChainHttp({ name: settings.name, baseUrl: settings.rpcUrl, headers: settings.headers, ...pacingOf(settings) })
    const bad = settings.tokens.find((t) => !isAddress(t.contract, { strict: false }) || !Number.isInteger(t.decimals) || t.decimals < 0)
    if (bad !== undefined) return yield* Effect.dieMessage(`${settings.name}: ${bad.asset}: ${bad.contract} (${bad.decimals} decimals) is not a token contract`)
    const tokens = new Map(settings.tokens.map((t) => [t.contract.toLowerCase(), t]))
    const contracts = [...tokens.keys()] as Array<Address>
    const fail = (kind: ChainSourceError["kind"], detail: string) => new ChainSourceError({ source: settings.name, kind, detail })

    const run = Runtime.runPromiseExit(yield* Effect.runtime<never>())
    const client: PublicClient = createPublicClient({
      cacheTime: 0,
      transport: custom({
        request: ({ method, params }: { readonly method: string; readonly params?: unknown }) => {
          const signal = callSignal.getStore()
          const args = Array.isArray(params) ? params : typeof params === "object" && params !== null ? params as Record<string, unknown> : []
          return run(rpcCall(http, method, args), signal === undefined ? {} : { signal }).then((exit) =>
            Exit.isSuccess(exit)
              ? exit.value
              : Promise.reject(Option.getOrElse(Cause.failureOption(exit.cause), () => fail("transport", `${method}: ${Cause.pretty(exit.cause)}`)))
          )
        }
      }, { retryCount: 0 })
    })

    /** Our own error when the transport failed, else viem's reason (a malformed answer). */
    const sourceError = (what: string, e: unknown): ChainSourceError => {
      for (let c: unknown = e, depth = 0; c instanceof Error && depth < 10; c = c.cause, depth++) {
        if (c instanceof ChainSourceError) return c
      }
      return fail("decode", `${what}: ${e instanceof BaseError ? e.shortMessage : String(e)}`)
    }
    const call = <A>(what: string, use: (c: PublicClient) => Promise<A>): Effect.Effect<A, ChainSourceError> =>
      Effect.tryPromise({ try: (signal) => callSignal.run(signal, () => use(client)), catch: (e) => sourceError(what, e) })

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
        return payments
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
        for (const log of logs) {
          const token = tokens.get(log.address.toLowerCase())
          if (log.removed || token === undefined) continue
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
            list.push({ asset: token.asset, txid: log.transactionHash, index: log.logIndex, address, units })
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

    const locate = (txid: string) =>
      Effect.gen(function*() {
        if (!isHash(txid)) return { _tag: "Gone" } satisfies TxPlace
        const hash = txid.toLowerCase() as Hash
        const receipt = yield* receiptOf(hash)
        // A reverted transaction pays nobody: neither its value nor its Transfer events happened.
        if (receipt !== null) {
          return receipt.status === "success"
            ? { _tag: "Block", height: Number(receipt.blockNumber), hash: receipt.blockHash } satisfies TxPlace
            : { _tag: "Gone" } satisfies TxPlace
        }
        const tx = yield* call(`transaction ${hash}`, (c) => c.getTransaction({ hash }).catch(orNull(TransactionNotFoundError)))
        if (tx === null) return { _tag: "Gone" } satisfies TxPlace
        return tx.blockNumber !== null && tx.blockHash !== null
          ? { _tag: "Block", height: Number(tx.blockNumber), hash: tx.blockHash } satisfies TxPlace
          : { _tag: "Mempool" } satisfies TxPlace
      })

    return {
      name: settings.name,
      network: "ethereum",
      assets: [...new Set([...(settings.native ? ["ETH" as const] : []), ...settings.tokens.map((t) => t.asset)])],
      tip: Effect.map(call("tip", (c) => c.getBlockNumber()), Number),
      finalized: settings.finality === "finalized"
        ? Effect.map(call("finalized block", (c) => c.getBlock({ blockTag: "finalized" })), (b) => Number(b.number))
        : Effect.succeed(null),
      hashAt: (height) =>
        Effect.map(call(`hash at ${height}`, (c) => c.getBlock({ blockNumber: BigInt(height) }).catch(orNull(BlockNotFoundError))), (b) => b?.hash ?? null),
      block,
      blocks,
      locate,
      sent: http.sent
    } satisfies EvmSource
  })
