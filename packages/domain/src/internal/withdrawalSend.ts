/** Sending a withdrawal once per key, and checking it against the preview an admin confirmed: shared by Withdrawals and WithdrawalApprovals. */
import * as Effect from "effect/Effect"
import { AuditLog, sealedHead } from "../AuditLog.js"
import { ServiceUnavailable, WithdrawalChanged, WithdrawalRejected } from "../Errors.js"
import { DomainEvent, Notifier } from "../Events.js"
import type { IdempotencyKey } from "../Ids.js"
import { now } from "../Time.js"
import { type DailyShare, type Previewed, WalletProcessor, type WithdrawalRequest, WithdrawalRepo } from "../Withdrawals.js"
import { makeDailyTotal } from "./withdrawalDaily.js"

export const makeSender = Effect.gen(function*() {
  const wallet = yield* WalletProcessor
  const repo = yield* WithdrawalRepo
  const notifier = yield* Notifier
  const log = yield* AuditLog
  const daily = yield* makeDailyTotal

  /** Asks the processor again: refused when the total moved by more than the preview's network fee. */
  const quoteWithin = (request: WithdrawalRequest, previewed: Previewed) =>
    Effect.gen(function*() {
      const fresh = yield* wallet.quote(request)
      const drift = fresh.total.units - previewed.total.units
      if (fresh.total.asset !== previewed.total.asset || (drift < 0n ? -drift : drift) > previewed.networkFee.units) {
        return yield* new WithdrawalChanged({ previewed: previewed.total, now: fresh.total })
      }
      return fresh
    })

  /**
   * Claims the key before sending, so that two callers with one key (two taps, two processes) never
   * both send; with `share` the withdrawal counts toward the daily approval total, and with `limit`
   * too it is not claimed ("over") when it would reach that total (see `withdrawalDaily.ts`).
   */
  const claim = (key: IdempotencyKey, share?: DailyShare, limit: bigint | null = null) =>
    Effect.gen(function*() {
      const outcome = yield* daily.claim(key, yield* now, share, limit)
      if (outcome === "taken") return yield* new WithdrawalRejected({ reason: "this withdrawal is already being sent; check the wallet" })
      return outcome
    })

  /** Sends under a key this caller has just claimed. */
  const sendClaimed = (request: WithdrawalRequest, key: IdempotencyKey, by: string) =>
    Effect.gen(function*() {
      const { quote, txIds } = yield* wallet.execute(request).pipe(
        Effect.tapErrorTag("WithdrawalRejected", () => repo.release(key)), // refused: nothing left, the key may be used again
        Effect.mapError((e) =>
          e._tag === "ServiceUnavailable"
            ? new ServiceUnavailable({ service: "wallet", detail: `${e.detail}; the withdrawal may or may not have been sent: check the wallet before trying again` })
            : e)
      )
      const { created, withdrawal } = yield* repo.record({
        ...quote,
        key,
        asset: request.asset,
        destination: request.destination,
        scope: request.scope,
        txIds,
        admin: by,
        createdAt: yield* now
      })
      // Sealed at once, so that the admins' notice carries the money log's head with this withdrawal in it: an outside witness.
      if (created) yield* notifier.publish(DomainEvent.WithdrawalExecuted({ withdrawal, asset: request.asset, head: yield* sealedHead(log) }))
      return withdrawal
    })

  /** Sends once per key; the caller has checked that the key has no record yet. */
  const send = (request: WithdrawalRequest, key: IdempotencyKey, by: string, share?: DailyShare) =>
    Effect.zipRight(claim(key, share), sendClaimed(request, key, by))

  return { quoteWithin, claim, sendClaimed, send, findByKey: repo.findByKey }
})
