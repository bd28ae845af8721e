import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { type Buy, BuyRepo } from "./BuyRepo.js"
import { AlreadyRefunded, BuyNotFound, type NotAdmin } from "./Errors.js"
import { DomainEvent, Notifier } from "./Events.js"
import { type BuyId, idempotencyKey } from "./Ids.js"
import { type Balance, LedgerRepo } from "./Ledger.js"
import { now } from "./Time.js"
import { Transactor } from "./Transactor.js"
import { type AdminRef, describeAdmin, Users } from "./Users.js"

export const refundKey = (buy: BuyId) => idempotencyKey("refund", buy)

export class Refunds extends Context.Tag("@tokenshop/domain/Refunds")<Refunds, {
  /**
   * Credits the purchase's total back once and marks it refunded. The items stay sold: the buyer
   * has already received them. A second refund fails with AlreadyRefunded.
   */
  readonly refund: (admin: AdminRef, buy: BuyId) => Effect.Effect<
    { readonly buy: Buy; readonly balance: Balance },
    NotAdmin | BuyNotFound | AlreadyRefunded
  >
}>() {
  static readonly layer = Layer.effect(Refunds, Effect.gen(function*() {
    const tx = yield* Transactor
    const users = yield* Users
    const buys = yield* BuyRepo
    const ledger = yield* LedgerRepo
    const notifier = yield* Notifier

    return Refunds.of({
      refund: Effect.fn("Refunds.refund")(function*(admin: AdminRef, id: BuyId) {
        yield* users.ensureAdmin(admin)
        const at = yield* now
        const result = yield* tx.withTransaction(Effect.gen(function*() {
          const found = yield* buys.get(id)
          if (found._tag === "None") return yield* new BuyNotFound({ buy: id })
          const buy = found.value
          if (buy.refundedAt !== null) return yield* new AlreadyRefunded({ buy: id })
          // The refund's own entry first: the purchase is marked refunded only when this call wrote it,
          // never on a replay of the key, and a key used by another entry stops the refund.
          const { balance, replayed } = yield* ledger.append({
            user: buy.user,
            kind: "refund",
            amount: buy.total,
            key: refundKey(id),
            reason: null,
            actor: describeAdmin(admin),
            ref: `buy:${id}`,
            createdAt: at
          }).pipe(Effect.orDie) // a credit never lacks funds; a conflicting key is a corrupted ledger
          if (replayed || !(yield* buys.markRefunded(id, at))) return yield* new AlreadyRefunded({ buy: id })
          return { buy: { ...buy, refundedAt: at }, balance }
        }))
        yield* notifier.publish(DomainEvent.Refunded({
          buyId: id, user: result.buy.user, amount: result.buy.total, admin, balance: result.balance
        }))
        return result
      })
    })
  }))
}
