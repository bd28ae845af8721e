/**
 * A chain read on demand, for the payments the watchers cannot see by themselves: ETH sent by a
 * contract (a Safe or another smart wallet, an exchange's batch payout) arrives as an internal
 * transfer, inside another transaction. An admin names the transaction; the adapter reads it from
 * the node (its direct value, and its internal transfers where the node can trace them) and this
 * port answers what it pays, where it is and how deep. Optional: without it, crediting a transaction
 * by hash is refused as not available.
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type { Asset, Network } from "./Currency.js"
import type { ServiceUnavailable } from "./Errors.js"

/** One transfer a transaction makes, keyed as the watchers key it (index 0: its direct value). */
export interface LookedUpTransfer {
  readonly asset: Asset
  readonly index: number
  /** The recipient in the form deposit addresses are stored in (EIP-55 on Ethereum). */
  readonly to: string
  readonly units: bigint
}

export interface LookedUpTransaction {
  readonly txid: string
  /** null: in the mempool. */
  readonly block: { readonly height: number; readonly hash: string } | null
  readonly confirmations: number
  readonly final: boolean
  /** Every value transfer of a successful transaction, direct and internal; none for a failed one. */
  readonly transfers: ReadonlyArray<LookedUpTransfer>
  /** False when the node could not trace the transaction: only its direct value is known. */
  readonly traced: boolean
}

export class ChainLookup extends Context.Tag("@tokenshop/domain/ChainLookup")<ChainLookup, {
  /** The networks this lookup reads. */
  readonly networks: ReadonlyArray<Network>
  /** The transaction on `network`, or null when the node does not know it. */
  readonly transaction: (network: Network, txid: string) => Effect.Effect<LookedUpTransaction | null, ServiceUnavailable>
}>() {}
