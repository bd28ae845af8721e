import * as Context from "effect/Context"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { type NotAdmin, PaymentMismatch, PaymentNotFound, type ServiceUnavailable } from "./Errors.js"
import { DomainEvent, Notifier } from "./Events.js"
import { ForwardingRunner } from "./ForwardingRunner.js"
import type { PaymentId, TelegramId } from "./Ids.js"
import type { CreditResult } from "./Deposits.js"
import type { CryptoAmount, Money } from "./Money.js"
import { PaymentGateway, type PaymentObservation } from "./PaymentGateway.js"
import { PaymentRepo, type PaymentRequest } from "./PaymentRequests.js"
import { valuePayment } from "./PaymentValuation.js"
import { Payments } from "./Payments.js"
import { ShopConfig } from "./ShopConfig.js"
import { now } from "./Time.js"
import { type AdminRef, describeAdmin, Users } from "./Users.js"
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
  /**
   * An admin's one tap on a payment that was paid but not credited: asks the processor again and credits
   * what arrived, at the quoted rate, or else at the processor's own valuation. Once, whoever taps.
   */
  readonly resolve: (admin: AdminRef, id: PaymentId) => Effect.Effect<
    CreditResult,
    NotAdmin | PaymentNotFound | PaymentMismatch | ServiceUnavailable
  >
  /** Asks the gateway about one of the user's own pending payments and applies the answer. */
  readonly refresh: (user: TelegramId, id: PaymentId) => Effect.Effect<
    Settled,
    PaymentNotFound | PaymentMismatch | ServiceUnavailable
  >
  /**
   * Sends a credited payment on to its asset's forwarding address, once (under the payment's key),
   * or tells the admins why it could not (ForwardingFailed). Nothing for a payment not credited or
   * without a forwarding address. What a ForwardingRunner runs.
   */
  readonly forward: (payment: PaymentId) => Effect.Effect<void>
  /**
   * Starts the ForwardingRunner again for every payment paid since `since` whose asset has a
   * forwarding address, so that a crash between a credit and its runner's start leaves none behind
   * (the runner runs each payment once). Without a runner, nothing. Returns how many it started.
   */
  readonly forwardMissed: (since: Date) => Effect.Effect<number>
}>() {
  static readonly layer = Layer.effect(Settlement, Effect.gen(function*() {
    const payments = yield* Payments
    const repo = yield* PaymentRepo
    const gateway = yield* PaymentGateway
    const withdrawals = yield* Withdrawals
    const notifier = yield* Notifier
    const config = yield* ShopConfig
    const users = yield* Users

    const current = (payment: PaymentRequest) =>
      Effect.map(repo.get(payment.id), Option.getOrElse(() => payment))

    const mismatch = (payment: PaymentRequest, reason: string) =>
      notifier.publish(DomainEvent.PaymentMismatched({ payment, reason })).pipe(
        Effect.zipRight(Effect.logWarning(`payment ${payment.id} not credited: ${reason}`)),
        Effect.zipRight(Effect.fail(new PaymentMismatch({ payment: payment.id, reason })))
      )

    const runner = yield* Effect.serviceOption(ForwardingRunner)
    /** The payment's asset has a forwarding address and the processor knows the payment. */
    const forwardable = (payment: PaymentRequest) => config.forwarding[payment.asset] !== undefined && payment.externalId !== null

    /** Forwards one payment now, or tells the admins why not. */
    const forwardNow = (payment: PaymentRequest) =>
      withdrawals.forward(payment).pipe(
        Effect.asVoid,
        Effect.catchAll((e) =>
          notifier.publish(DomainEvent.ForwardingFailed({
            payment,
            destination: config.forwarding[payment.asset] ?? "",
            reason: e.message
          }))
        )
      )

    /**
     * Forwarding runs after the credit and in the background: a slow processor delays no answer. With
     * a runner it is durable work, started again on a repeated report (the runner runs it once per
     * payment), in case the process that credited died before it started; without one, it is forked
     * here on the first credit only.
     */
    const forward = (payment: PaymentRequest, replayed: boolean) =>
      !forwardable(payment)
        ? Effect.void
        : Option.match(runner, {
          onSome: (r) => r.start(payment.id),
          onNone: () => replayed ? Effect.void : Effect.asVoid(Effect.forkDaemon(forwardNow(payment)))
        })

    /** `valuePayment` in the shop's currency, with its payment tolerance. */
    const value = (payment: PaymentRequest, o: PaymentObservation) =>
      valuePayment(payment, o, config.currency, config.paymentToleranceBp ?? 0)

    /** Credits a paid payment once (keyed by the processor's payment), then forwards it in the background. */
    const creditPaid = (payment: PaymentRequest, amount: CryptoAmount, fiat: Money, acceptedBy?: AdminRef) =>
      payments.credit({
        user: payment.user,
        source: { kind: "processor", provider: payment.provider, externalId: payment.externalId ?? `local-${payment.id}` },
        amount,
        valuation: { fiat },
        paymentId: payment.id,
        ...(acceptedBy === undefined ? {} : { acceptedBy: describeAdmin(acceptedBy) })
      }).pipe(Effect.tap((credit) => forward(payment, credit.replayed)))

    const apply = Effect.fn("Settlement.apply")(function*(payment: PaymentRequest, o: PaymentObservation) {
      if (o.paid) {
        const valued = value(payment, o)
        if (Either.isLeft(valued)) return yield* mismatch(payment, valued.left)
        const credit = yield* creditPaid(payment, valued.right.amount, valued.right.fiat).pipe(
          Effect.catchAll((e) => mismatch(payment, e.message))
        )
        if (!credit.replayed && valued.right.short !== null) {
          yield* notifier.publish(DomainEvent.PaymentUnderpaid({ payment, credited: valued.right.fiat, asked: valued.right.short }))
        }
        return Settled.Credited({ payment: yield* current(payment), credit })
      }
      const at = yield* now
      if (payment.status === "pending" && (o.expired || payment.expiresAt.getTime() <= at.getTime())) {
        if (yield* payments.expire(payment.id)) return Settled.Expired({ payment: yield* current(payment) })
      }
      return Settled.Unchanged({ payment: yield* current(payment) })
    })

    const resolve = Effect.fn("Settlement.resolve")(function*(admin: AdminRef, id: PaymentId) {
      yield* users.ensureAdmin(admin)
      const payment = yield* repo.get(id).pipe(Effect.flatten, Effect.mapError(() => new PaymentNotFound({ payment: id })))
      const o = yield* gateway.check(payment)
      if (!o.paid) return yield* new PaymentMismatch({ payment: id, reason: "the processor does not report it paid" })
      const valued = value(payment, o)
      const refused = (e: { readonly message: string }) => new PaymentMismatch({ payment: id, reason: e.message })
      if (Either.isRight(valued)) return yield* creditPaid(payment, valued.right.amount, valued.right.fiat).pipe(Effect.mapError(refused))
      // Another asset or no quoted price: the processor's own valuation, in the shop's currency, is what the admin accepts.
      if (o.amount === null || o.amount.units <= 0n || o.fiat === null || o.fiat.currency !== config.currency || o.fiat.amount <= 0n) {
        return yield* new PaymentMismatch({ payment: id, reason: `${valued.left}; credit it by hand from the buyer's card` })
      }
      return yield* creditPaid(payment, o.amount, o.fiat, admin).pipe(Effect.mapError(refused))
    })

    return Settlement.of({
      apply,
      resolve,
      forwardMissed: (since) =>
        Option.match(runner, {
          onNone: () => Effect.succeed(0),
          onSome: (r) =>
            repo.paidSince(since).pipe(
              Effect.map((paid) => paid.filter(forwardable)),
              Effect.tap((due) => Effect.forEach(due, (p) => r.start(p.id), { discard: true })),
              Effect.map((due) => due.length),
              Effect.withSpan("Settlement.forwardMissed")
            )
        }),
      forward: (id) =>
        repo.get(id).pipe(
          Effect.flatMap(Option.match({ onNone: () => Effect.void, onSome: (p) => p.status === "paid" ? forwardNow(p) : Effect.void })),
          Effect.withSpan("Settlement.forward", { attributes: { payment: id } })
        ),
      refresh: Effect.fn("Settlement.refresh")(function*(user: TelegramId, id: PaymentId) {
        const payment = yield* payments.get(user, id)
        if (payment.status === "paid") return Settled.Unchanged({ payment })
        return yield* apply(payment, yield* gateway.check(payment))
      })
    })
  }))
}
