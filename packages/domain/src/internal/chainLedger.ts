/** The ledger side of chain deposits: credits, holds and releases, and what the buyer is told. */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { ChainDeposit } from "../ChainDepositRepo.js"
import type { Action, ChainObservation, Notice } from "../ChainDepositState.js"
import { type Rate, toFiat } from "../Conversion.js"
import { assetInfo } from "../Currency.js"
import { type Deposit, DepositRepo, type DepositSource, sourceKey } from "../Deposits.js"
import { DomainEvent } from "../Events.js"
import { type DepositId, idempotencyKey } from "../Ids.js"
import { type Balance, LedgerRepo } from "../Ledger.js"
import { crypto } from "../Money.js"
import type { ConfirmationPolicy } from "../ShopConfig.js"
import { recordCredit } from "./credit.js"

export interface LedgerOutcome {
  readonly depositId?: DepositId
  readonly deposit?: Deposit
  readonly balance?: Balance
  /** False when the credit had been made before (nothing to announce). */
  readonly fresh: boolean
}

const sourceOf = (d: Pick<ChainDeposit, "asset" | "txid" | "index">): DepositSource =>
  ({ kind: "chain", asset: d.asset, txid: d.txid, index: d.index })

type Subject = Pick<ChainDeposit, "asset" | "txid" | "index" | "user" | "units" | "holds">

/**
 * Carries out a step's action inside the caller's transaction. A hold takes back exactly what was
 * credited; its key carries the hold's number, so a payment that leaves and returns several times is
 * held and released once each time.
 */
export const applyLedger = (action: Action, d: Subject, rate: Rate | null, at: Date) =>
  Effect.gen(function*() {
    if (action === "none") return { fresh: false } satisfies LedgerOutcome
    if (action === "credit") {
      if (rate === null) return yield* Effect.die(new Error("a credit without a price"))
      const amount = crypto(d.units, d.asset)
      const result = yield* recordCredit({ user: d.user, source: sourceOf(d), amount, valuation: { rate } }, { fiat: toFiat(amount, rate), rate }, at)
      return { depositId: result.deposit.id, deposit: result.deposit, balance: result.balance, fresh: !result.replayed } satisfies LedgerOutcome
    }
    const deposits = yield* DepositRepo
    const ledger = yield* LedgerRepo
    const found = yield* deposits.findBySource(sourceOf(d))
    if (Option.isNone(found)) return yield* Effect.die(new Error(`no credit to ${action} for ${sourceKey(sourceOf(d))}`))
    const deposit = found.value
    if (deposit.fiat.amount === 0n) {
      return { depositId: deposit.id, deposit, balance: yield* ledger.balance(d.user, deposit.fiat.currency), fresh: true } satisfies LedgerOutcome
    }
    const { balance, replayed } = yield* ledger.append({
      user: d.user,
      kind: action,
      amount: deposit.fiat,
      key: idempotencyKey(action, sourceKey(sourceOf(d)), d.holds),
      reason: action === "hold" ? "its transaction left the best chain" : "its transaction is confirmed again",
      actor: null,
      ref: `deposit:${deposit.id}`,
      createdAt: at
    }).pipe(Effect.orDie) // holds and releases are never refused
    return { depositId: deposit.id, deposit, balance, fresh: !replayed } satisfies LedgerOutcome
  })

/** Why a watcher's sighting cannot be used, or null. */
export const checkObservation = (o: ChainObservation): string | null => {
  if (typeof o.txid !== "string" || o.txid.length === 0 || o.txid.length > 128 || !/^[\x21-\x7e]+$/.test(o.txid)) return "bad transaction id"
  if (!Number.isSafeInteger(o.index) || o.index < 0) return "bad output index"
  if (typeof o.units !== "bigint" || o.units <= 0n) return "the amount is not positive"
  if (!Number.isSafeInteger(o.confirmations) || o.confirmations < 0) return "bad confirmation count"
  if (o.block !== null && (!Number.isSafeInteger(o.block.height) || o.block.height < 0 || o.block.hash.length === 0)) return "bad block"
  if (typeof o.address !== "string" || o.address.length === 0) return "no address"
  if (assetInfo(o.asset) === undefined) return "unknown asset"
  return null
}

/** The message a step's notice becomes, once the transaction has committed. */
export const noticeEvent = (
  notice: Notice,
  d: ChainDeposit,
  ledger: LedgerOutcome,
  required: ConfirmationPolicy,
  minimum: bigint
): DomainEvent => {
  const amount = crypto(d.units, d.asset)
  switch (notice) {
    case "seen":
      return DomainEvent.DepositSeen({ user: d.user, amount, txid: d.txid, confirmations: d.confirmations, required })
    case "below_minimum":
      return DomainEvent.DepositBelowMinimum({ user: d.user, amount, txid: d.txid, minimum: crypto(minimum, d.asset) })
    case "waiting_price":
      return DomainEvent.DepositAwaitingPrice({ user: d.user, amount, txid: d.txid })
    case "credited":
    case "held":
    case "released": {
      if (ledger.deposit === undefined || ledger.balance === undefined) return DomainEvent.DepositAwaitingPrice({ user: d.user, amount, txid: d.txid })
      const payload = { deposit: ledger.deposit, balance: ledger.balance }
      return notice === "credited" ? DomainEvent.DepositCredited(payload) : notice === "held" ? DomainEvent.DepositHeld(payload) : DomainEvent.DepositReleased(payload)
    }
  }
}
