/** What a chain back-end must answer for the two scanning strategies. Every answer is already checked. */
import type { Asset, ChainDeposit, ChainObservation, Network } from "@tokenshop/domain"
import type * as Effect from "effect/Effect"
import type { ChainSourceError } from "../http/ChainHttp.js"
import type { Budget } from "./Budget.js"

/** A payment to one of the shop's addresses, found in a block or a transaction. */
export interface Payment {
  readonly asset: Asset
  readonly txid: string
  /**
   * The payment's place within its transaction, the same however the transaction is mined: the
   * output index (UTXO), 0 for native ETH, the Transfer's ordinal among its transaction's Transfer
   * events of the same token contract (ERC-20), the event index (TRC-20), the instruction index (Solana).
   */
  readonly index: number
  /** The address in the shop's stored form. */
  readonly address: string
  readonly units: bigint
}

export interface ScannedBlock {
  readonly height: number
  readonly hash: string
  /** The previous block's hash, to notice a reorganisation during a scan. */
  readonly parent: string | null
  readonly payments: ReadonlyArray<Payment>
}

/** Where a transaction is now. */
export type TxPlace =
  | { readonly _tag: "Block"; readonly height: number; readonly hash: string }
  | { readonly _tag: "Mempool" }
  | { readonly _tag: "Gone" }

/** A chain read block by block (Bitcoin Core, Ethereum): the cost is per block, not per address. */
export interface BlockSource {
  readonly name: string
  readonly network: Network
  readonly assets: ReadonlyArray<Asset>
  readonly tip: Effect.Effect<number, ChainSourceError>
  /** The highest block the chain calls final, or null on a chain without finality. */
  readonly finalized: Effect.Effect<number | null, ChainSourceError>
  /** The best chain's block hash at `height`, or null above the tip. */
  readonly hashAt: (height: number) => Effect.Effect<string | null, ChainSourceError>
  /** The block at `height` with its payments to addresses for which `ours` gives the stored form. */
  readonly block: (height: number, ours: (address: string) => string | null) => Effect.Effect<ScannedBlock, ChainSourceError>
  /**
   * Where a transaction is now. With `payment` (a payment recorded from it), "Gone" too when the
   * transaction, still mined, no longer makes that payment (a token transfer re-executed after a
   * reorganisation to another recipient or amount, or not at all). A UTXO transaction's outputs are
   * fixed by its id, so a UTXO source may ignore it.
   */
  readonly locate: (txid: string, payment?: Payment) => Effect.Effect<TxPlace, ChainSourceError>
  /**
   * The blocks from `from` to `to` in order, when the source reads a range more cheaply than block by
   * block (Ethereum: one getLogs for the whole range); `block` is used otherwise.
   */
  readonly blocks?: ((from: number, to: number, ours: (address: string) => string | null) => Effect.Effect<ReadonlyArray<ScannedBlock>, ChainSourceError>) | undefined
  /** Unconfirmed payments to our addresses, when the source can list them cheaply. */
  readonly mempool?: ((ours: (address: string) => string | null) => Effect.Effect<ReadonlyArray<Payment>, ChainSourceError>) | undefined
}

/** One address's payments since a mark, and the next mark. */
export interface AddressHistory {
  readonly observations: ReadonlyArray<ChainObservation>
  /** Where to start next time (opaque, e.g. a height, a timestamp or a signature); null: from the start. */
  readonly mark: string | null
  /** The budget ran out before the end: `mark` is where the reading got to, and the next poll goes on from it. */
  readonly partial?: boolean | undefined
}

/** One poll's view of a chain asked per address (Esplora, TronGrid, Solana): the tip is read once. */
export interface AddressSession {
  /** Every request goes through `budget` (default: none); past it the history is partial. */
  readonly history: (address: string, mark: string | null, budget?: Budget) => Effect.Effect<AddressHistory, ChainSourceError>
  /** Where a recorded payment is now: its current sighting, or "gone". */
  readonly locate: (deposit: ChainDeposit) => Effect.Effect<ChainObservation | "gone", ChainSourceError>
}

export interface AddressSource {
  readonly name: string
  readonly network: Network
  readonly assets: ReadonlyArray<Asset>
  readonly begin: Effect.Effect<AddressSession, ChainSourceError>
}
