/**
 * One Ethereum transaction read on demand (for crediting by hash, ChainLookup): where it is, how deep,
 * and every value transfer it makes, keyed as the block scan keys them: its direct value (index 0),
 * its token Transfers (by ordinal, Transfers.ts) and, where the node traces, its internal transfers
 * (from 1, Traces.ts). A reverted transaction makes none. Recipients in EIP-55 form, as stored.
 */
import { assetInfo, ChainLookup, type LookedUpTransaction, type LookedUpTransfer, ServiceUnavailable } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import { getAddress, type Hash, TransactionNotFoundError, type TransactionReceipt } from "viem"
import type { ChainSourceError } from "../../http/ChainHttp.js"
import type { EvmToken } from "./Evm.js"
import type { InternalTransfer } from "./Traces.js"
import { receiptTransfers, scaleUnits } from "./Transfers.js"
import { orNull, type ViemCall } from "./ViemClient.js"

export interface LookupDeps {
  readonly call: ViemCall
  readonly receiptOf: (hash: Hash) => Effect.Effect<TransactionReceipt | null, ChainSourceError>
  readonly tokens: ReadonlyArray<EvmToken>
  readonly traceTransaction: (hash: Hash) => Effect.Effect<ReadonlyArray<InternalTransfer> | null, ChainSourceError>
}

export const lookUp = (
  deps: LookupDeps,
  hash: Hash,
  tip: Effect.Effect<number, ChainSourceError>,
  finalized: Effect.Effect<number | null, ChainSourceError>
): Effect.Effect<LookedUpTransaction | null, ChainSourceError> =>
  Effect.gen(function*() {
    const tx = yield* deps.call(`transaction ${hash}`, (c) => c.getTransaction({ hash }).catch(orNull(TransactionNotFoundError)))
    if (tx === null) return null
    const receipt = tx.blockNumber === null ? null : yield* deps.receiptOf(hash)
    if (receipt === null) return { txid: hash, block: null, confirmations: 0, final: false, transfers: [], traced: false }
    const height = Number(receipt.blockNumber)
    const [top, final] = [yield* tip, yield* finalized]
    const base = { txid: hash, block: { height, hash: receipt.blockHash }, confirmations: Math.max(0, top - height + 1), final: final !== null && height <= final }
    if (receipt.status !== "success") return { ...base, transfers: [], traced: true }
    const transfers: Array<LookedUpTransfer> = []
    if (tx.to !== null && tx.value > 0n) transfers.push({ asset: "ETH", index: 0, to: getAddress(tx.to), units: tx.value })
    for (const t of receiptTransfers(hash, receipt.logs)) {
      const token = deps.tokens.find((k) => k.contract.toLowerCase() === t.contract)
      if (token === undefined) continue
      const units = scaleUnits(t.log.args.value, token.decimals, assetInfo(token.asset).decimals)
      if (units > 0n) transfers.push({ asset: token.asset, index: t.ordinal, to: getAddress(t.log.args.to), units })
    }
    const internal = yield* deps.traceTransaction(hash)
    for (const t of internal ?? []) transfers.push({ asset: "ETH", index: t.index, to: getAddress(t.to), units: t.wei })
    return { ...base, transfers, traced: internal !== null }
  })

/** The shop's ChainLookup over an Ethereum source: its failures are the service's unavailability. */
export const evmChainLookup = (source: { readonly transaction: (txid: string) => Effect.Effect<LookedUpTransaction | null, ChainSourceError> }) =>
  ChainLookup.of({
    networks: ["ethereum"],
    transaction: (network, txid) =>
      network !== "ethereum"
        ? Effect.succeed(null)
        : Effect.mapError(source.transaction(txid), (e) => new ServiceUnavailable({ service: "chain", detail: e.message }))
  })
