import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import type { Asset } from "./Currency.js"
import type { DepositId, TelegramId } from "./Ids.js"
import type { Page, PageRequest } from "./Paging.js"

/** One payment seen on chain: an output, a log or an instruction of a transaction. */
export interface ChainTxKey {
  readonly asset: Asset
  readonly txid: string
  /** The output index (UTXO chains), log index (ERC20), event index (TRC20) or instruction index (Solana). */
  readonly index: number
}
export const chainKeyText = (k: ChainTxKey): string => `${k.asset}:${k.txid}:${k.index}`

/**
 * - pending: seen, not yet confirmed enough;
 * - waiting_price: confirmed, credited as soon as a fresh price is available;
 * - credited: on the balance;
 * - held: credited, then its transaction left the best chain: taken back by a hold;
 * - vanished: seen, never credited, and gone from the chain and the mempool;
 * - below_minimum: smaller than the asset's minimum deposit: recorded and shown, not credited.
 */
export const ChainDepositStatus = Schema.Literal("pending", "waiting_price", "credited", "held", "vanished", "below_minimum")
export type ChainDepositStatus = typeof ChainDepositStatus.Type

/** What the shop knows about one chain payment to a buyer's address. */
export interface ChainDeposit extends ChainTxKey {
  readonly id: number
  readonly user: TelegramId
  readonly address: string
  readonly units: bigint
  readonly status: ChainDepositStatus
  /** 0: unconfirmed (in the mempool); n: in a block n deep. */
  readonly confirmations: number
  /** The chain's own finality was reached (finalized, solidified). */
  readonly final: boolean
  readonly blockHeight: number | null
  readonly blockHash: string | null
  /** The credit, once credited. */
  readonly depositId: DepositId | null
  /** How many holds were placed on it so far (each released one has its release). */
  readonly holds: number
  /** Credited and so deep that sources asking per address stop re-checking it. */
  readonly settled: boolean
  readonly firstSeenAt: Date
  readonly updatedAt: Date
}
export type ChainDepositDraft = Omit<ChainDeposit, "id">

/** A keyset page of the open payments. */
export interface OpenPage {
  readonly after: number
  readonly limit: number
  readonly heldSince: Date
}

export class ChainDepositRepo extends Context.Tag("@tokenshop/domain/ChainDepositRepo")<ChainDepositRepo, {
  readonly get: (key: ChainTxKey) => Effect.Effect<Option.Option<ChainDeposit>>
  /** Inserts or replaces the record of its key; returns it as stored. */
  readonly put: (deposit: ChainDepositDraft) => Effect.Effect<ChainDeposit>
  /**
   * Not settled yet (pending, waiting for a price, held, or credited but not deep), a page at a time:
   * up to `limit` with an id above `page.after`, oldest first. A held one out of every block whose
   * record has not changed since before `page.heldSince` is left out (see ChainDeposits' HELD_RECHECK_FOR).
   */
  readonly open: (asset: Asset, page: OpenPage) => Effect.Effect<ReadonlyArray<ChainDeposit>>
  /** Every record of the asset in a block at `minHeight` or above (block scanners check them after a reorganisation). */
  readonly inBlocksFrom: (asset: Asset, minHeight: number) => Effect.Effect<ReadonlyArray<ChainDeposit>>
  readonly withStatus: (status: ChainDepositStatus, limit: number) => Effect.Effect<ReadonlyArray<ChainDeposit>>
  /** Newest first. */
  readonly byUser: (user: TelegramId, asset: Asset | null, page: PageRequest) => Effect.Effect<Page<ChainDeposit>>
  /** Newest first. */
  readonly recent: (page: PageRequest) => Effect.Effect<Page<ChainDeposit>>
}>() {}

/** A chain watcher's progress and health, as the admins see it. */
export interface WatcherState {
  readonly name: string
  /** Where it resumes; opaque to the domain, written with what it recorded. */
  readonly cursor: string | null
  /** The last block (or slot) it read, when it reads blocks. */
  readonly height: number | null
  readonly lastError: string | null
  readonly lastErrorAt: Date | null
  readonly updatedAt: Date
}

export class WatcherRepo extends Context.Tag("@tokenshop/domain/WatcherRepo")<WatcherRepo, {
  readonly get: (name: string) => Effect.Effect<Option.Option<WatcherState>>
  /** Stores the cursor; `height` null keeps the stored one. */
  readonly saveCursor: (name: string, cursor: string, height: number | null, at: Date) => Effect.Effect<void>
  /** Records a failure; null clears it. */
  readonly recordError: (name: string, error: string | null, at: Date) => Effect.Effect<void>
  /** By name. */
  readonly list: Effect.Effect<ReadonlyArray<WatcherState>>
}>() {}
