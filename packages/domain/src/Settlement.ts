import * as Context from "effect/Context"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { type PaymentNotFound, PaymentMismatch, type ServiceUnavailable } from "./Errors.js"
import { DomainEvent, Notifier } from "./Events.js"
import type { PaymentId, TelegramId } from "./Ids.js"
import type { CryptoAmount, Money } from "./Money.js"
import type { CreditResult } from "./Deposits.js"
import { PaymentGateway, type PaymentObservation } from "./PaymentGateway.js"
import { PaymentRepo, type PaymentRequest } from "./PaymentRequests.js"
import { Payments } from "./Payments.js"
import { ShopConfig } from "./ShopConfig.js"
import { now } from "./Time.js"
import { Withdrawals } from "./Withdrawals.js"

/** What applying a gateway's report did. */
export type Settled = Data.TaggedEnum<{
  /** Credited now, or (replayed) credited by an earlier report: the balance rose once either way. */
  Credited: { readonly payment: PaymentRequest; readonly credit: CreditResult }
  Expired: { readonly payment: PaymentRequest }
  /** Not paid and not yet due, or already expired or paid: nothing to do. */
  Unchanged: { readonly payment: PaymentRequest }
}>
export const Settled = Data.taggedEnum<Settled>()

/**
 * Turns what the payment gateway reports (a verified callback, or an answer to "check status")
 * into credits and expiries. Every report may come any number of times, in any order, late:
 * a paid payment is credited exactly once, and an unpaid report never undoes a credit.
 */
export class Settlement extends Context.Tag("@tokenshop/domain/Settlement")<Settlement, {
  readonly apply: (payment: PaymentRequest, observation: PaymentObservation) => Effect.Effect<Settled, PaymentMismatch>
  /** Asks the gateway about one of the user's own pending payments and applies the answer. */
  readonly refresh: (user: TelegramId, id: PaymentId) => Effect.Effect<
    Settled,
    PaymentNotFound | PaymentMismatch | ServiceUnavailable
  >
}>() {
  static readonly layer = Layer.effect(Settlement, Effect.gen(function*() {
    const payments = yield* Payments
    const repo = yield* PaymentRepo
    const gateway = yield* PaymentGateway
    const withdrawals = yield* Withdrawals
    const notifier = yield* Notifier
    const config = yield* ShopConfig

    const current = (payment: PaymentRequest) =>
      Effect.map(repo.get(payment.id), Option.getOrElse(() => payment))

    /** What a paid report received and what it is worth, or why it cannot be credited to this payment. */
    const fit = (payment: PaymentRequest, o: PaymentObservation): Either.Either<{ amount: CryptoAmount; fiat: Money }, string> => {
      const { amount, fiat } = o
      if (amount === null || fiat === null) return Either.left("the report names no received amount")
      if (amount.asset !== payment.asset) return Either.left(`paid in ${amount.asset}, asked for ${payment.asset}`)
      if (amount.units <= 0n) return Either.left("the received amount is not positive")
      if (fiat.currency !== config.currency) return Either.left(`valued in ${fiat.currency}, the shop keeps ${config.currency}`)
      if (payment.fiatAmount !== null && fiat.amount !== payment.fiatAmount.amount) {
        return Either.left(`valued at ${fiat.amount} minor units, ${payment.fiatAmount.amount} were asked`)
      }
      if (payment.cryptoAmount !== null && amount.units < payment.cryptoAmount.units) {
        return Either.left(`received ${amount.units} base units, ${payment.cryptoAmount.units} were asked`)
      }
      return Either.right({ amount, fiat })
    }

    const mismatch = (payment: PaymentRequest, reason: string) =>
      notifier.publish(DomainEvent.PaymentMismatched({ payment, reason })).pipe(
        Effect.zipRight(Effect.logWarning(`payment ${payment.id} not credited: ${reason}`)),
        Effect.zipRight(Effect.fail(new PaymentMismatch({ payment: payment.id, reason })))
      )

    /** Forwarding runs after the credit and in the background: a slow processor delays no answer. */
    const forward = (payment: PaymentRequest) =>
      withdrawals.forward(payment).pipe(
        Effect.catchAll((e) =>
          notifier.publish(DomainEvent.ForwardingFailed({
            payment,
            destination: config.forwarding[payment.asset] ?? "",
            reason: e.message
          }))
        ),
        Effect.forkDaemon,
        Effect.asVoid
      )

    const apply = Effect.fn("Settlement.apply")(function*(payment: PaymentRequest, o: PaymentObservation) {
      if (o.paid) {
        const fitting = fit(payment, o)
        if (Either.isLeft(fitting)) return yield* mismatch(payment, fitting.left)
        const credit = yield* payments.credit({
          user: payment.user,
          source: { kind: "processor", provider: payment.provider, externalId: payment.externalId ?? `local-${payment.id}` },
          amount: fitting.right.amount,
          valuation: { fiat: fitting.right.fiat },
          paymentId: payment.id
        }).pipe(Effect.catchAll((e) => mismatch(payment, e.message)))
        if (!credit.replayed) yield* forward(payment)
        return Settled.Credited({ payment: yield* current(payment), credit })
      }
      const at = yield* now
      if (payment.status === "pending" && (o.expired || payment.expiresAt.getTime() <= at.getTime())) {
        if (yield* payments.expire(payment.id)) return Settled.Expired({ payment: yield* current(payment) })
      }
      return Settled.Unchanged({ payment: yield* current(payment) })
    })

    return Settlement.of({
      apply,
      refresh: Effect.fn("Settlement.refresh")(function*(user: TelegramId, id: PaymentId) {
        const payment = yield* payments.get(user, id)
        if (payment.status === "paid") return Settled.Unchanged({ payment })
        return yield* apply(payment, yield* gateway.check(payment))
      })
    })
  }))
}
