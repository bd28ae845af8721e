/**
 * What one sighting does to a chain payment: a pure function, so the whole policy can be read in one
 * place and checked by property tests. The watcher reports; this decides.
 *
 * - A payment below the asset's minimum is recorded and shown, never credited.
 * - Confirmed enough (or final on a chain with finality) and priced: credited, once.
 *   Confirmed but no fresh price: waiting_price, credited by a later sighting or retry.
 * - A credited payment whose transaction leaves the best chain (back in the mempool, or gone) is held:
 *   the credit is taken back by a ledger hold. Confirmed enough again: the hold is released.
 * - A payment that was never credited and leaves the chain is vanished; seen again, it starts over.
 * - A step that changes nothing is not stored: a record's `updatedAt` is when it last changed, so a
 *   held one out of every block has not changed since it was last seen in one. Held and out of every
 *   block for HELD_RECHECK_FOR, it leaves the open set: sources stop asking about it (a reorganisation's
 *   dead leftover would cost a request every poll for ever); the admins still see it among the held,
 *   and a block scanner that finds it in a new block still releases it.
 */
import * as Duration from "effect/Duration"
import type { ChainDeposit, ChainDepositStatus, ChainTxKey } from "./ChainDepositRepo.js"
import type { ConfirmationPolicy } from "./ShopConfig.js"

/** What a watcher saw of one payment to one of the shop's addresses. */
export interface ChainObservation extends ChainTxKey {
  readonly address: string
  readonly units: bigint
  /** 0: unconfirmed (in the mempool); n: its block is n deep (the tip counts as 1). */
  readonly confirmations: number
  /** The chain itself calls it final (finalized, solidified). */
  readonly final: boolean
  readonly block: { readonly height: number; readonly hash: string } | null
}

export type Sighting =
  | { readonly _tag: "Seen"; readonly observation: ChainObservation }
  /** Neither in the best chain nor in the mempool. */
  | { readonly _tag: "Vanished" }

export interface Rules {
  readonly required: ConfirmationPolicy
  /** In base units. */
  readonly minimum: bigint
  /** A fresh price is at hand for crediting now. */
  readonly priced: boolean
}

/** What the ledger must do with this step. */
export type Action = "none" | "credit" | "hold" | "release"
/** What the buyer is told. */
export type Notice = "seen" | "below_minimum" | "waiting_price" | "credited" | "held" | "released"

export type Progress = Pick<ChainDeposit, "status" | "confirmations" | "final" | "blockHeight" | "blockHash" | "holds" | "settled">

export interface Step {
  readonly next: Progress | null
  readonly action: Action
  readonly notice: Notice | null
}

export const isConfirmed = (o: { readonly confirmations: number; readonly final: boolean }, required: ConfirmationPolicy) =>
  o.final || (required !== "final" && o.confirmations >= required)
/** Deep enough that sources asking per address stop re-checking it. */
const isDeep = (o: { readonly confirmations: number; readonly final: boolean }, required: ConfirmationPolicy) =>
  o.final || (required !== "final" && o.confirmations >= Math.max(2 * required, required + 6))
const inBestChain = (o: ChainObservation) => o.final || o.confirmations > 0

const progress = (status: ChainDepositStatus, o: ChainObservation, holds: number, settled = false): Progress => ({
  status,
  confirmations: o.confirmations,
  final: o.final,
  blockHeight: o.block?.height ?? null,
  blockHash: o.block?.hash ?? null,
  holds,
  settled
})

const seen = (current: Progress | null, o: ChainObservation, rules: Rules): Step => {
  const status = current?.status ?? null
  const holds = current?.holds ?? 0
  switch (status) {
    case "credited":
      return inBestChain(o)
        ? { next: progress("credited", o, holds, isDeep(o, rules.required)), action: "none", notice: null }
        : { next: progress("held", o, holds + 1), action: "hold", notice: "held" }
    case "held":
      return isConfirmed(o, rules.required)
        ? { next: progress("credited", o, holds, isDeep(o, rules.required)), action: "release", notice: "released" }
        : { next: progress("held", o, holds), action: "none", notice: null }
    case "below_minimum":
      return { next: progress("below_minimum", o, holds), action: "none", notice: null }
    case null:
    case "vanished":
    case "pending":
    case "waiting_price": {
      if (o.units < rules.minimum) {
        return { next: progress("below_minimum", o, holds), action: "none", notice: status === null || status === "vanished" ? "below_minimum" : null }
      }
      if (isConfirmed(o, rules.required)) {
        return rules.priced
          ? { next: progress("credited", o, holds, isDeep(o, rules.required)), action: "credit", notice: "credited" }
          : { next: progress("waiting_price", o, holds), action: "none", notice: status === "waiting_price" ? null : "waiting_price" }
      }
      const fresh = status === null || status === "vanished"
      return { next: progress("pending", o, holds), action: "none", notice: fresh ? "seen" : null }
    }
  }
}

const vanished = (current: Progress | null): Step => {
  if (current === null) return { next: null, action: "none", notice: null }
  const gone = { ...current, confirmations: 0, final: false, blockHeight: null, blockHash: null, settled: false }
  switch (current.status) {
    case "credited":
      return { next: { ...gone, status: "held", holds: current.holds + 1 }, action: "hold", notice: "held" }
    case "held":
      return { next: { ...gone, status: "held" }, action: "none", notice: null }
    case "pending":
    case "waiting_price":
    case "below_minimum":
    case "vanished":
      return { next: { ...gone, status: "vanished" }, action: "none", notice: null }
  }
}

/** The next state of a payment after one sighting, what the ledger must do, and what to tell the buyer. */
export const step = (current: Progress | null, sighting: Sighting, rules: Rules): Step =>
  sighting._tag === "Seen" ? seen(current, sighting.observation, rules) : vanished(current)

/** Would this sighting credit the payment, given a price? Used to fetch prices only when needed. */
export const wouldCredit = (current: Progress | null, o: ChainObservation, rules: Omit<Rules, "priced">): boolean =>
  seen(current, o, { ...rules, priced: true }).action === "credit"

/** How long a held payment out of every block is still asked about (since it was last seen in one). */
export const HELD_RECHECK_FOR = Duration.days(7)

/** The step leaves the record as it was: nothing to store, tell or book. */
export const changesNothing = (current: Progress | null, s: Step): boolean =>
  current !== null && s.next !== null && s.action === "none" && s.notice === null &&
  (["status", "confirmations", "final", "blockHeight", "blockHash", "holds", "settled"] as const).every((k) => current[k] === s.next![k])
