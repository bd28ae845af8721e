import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type { Asset } from "./Currency.js"
import { type CreditInput, type CreditResult, type Deposit, DepositRepo } from "./Deposits.js"
import {
  CurrencyMismatch, InvalidAmount, InvalidInput, PaymentNotFound, type ServiceUnavailable,
  TooManyPendingPayments, TopUpOutOfRange, type UserBanned, type UserNotFound
} from "./Errors.js"
import { DomainEvent, Notifier } from "./Events.js"
import type { PaymentId, TelegramId } from "./Ids.js"
import { creditPorts, recordCredit, valueCredit } from "./internal/credit.js"
import { money, type Money } from "./Money.js"
import type { Page, PageRequest } from "./Paging.js"
import { PaymentGateway } from "./PaymentGateway.js"
import { PaymentRepo, type PaymentRequest } from "./PaymentRequests.js"
import { ShopConfig, topUpLimits } from "./ShopConfig.js"
import { now } from "./Time.js"
import { Transactor } from "./Transactor.js"
import { Users } from "./Users.js"

/** Top-ups through a payment gateway: opening, expiring, and crediting what arrives, once. */
export class Payments extends Context.Tag("@tokenshop/domain/Payments")<Payments, {
  readonly assets: ReadonlyArray<Asset>
  /** Assets whose top-ups need a fiat amount (the gateway then fixes the crypto amount). */
  readonly fixedAmountAssets: ReadonlyArray<Asset>
  /** Opens a top-up: at most `maxPendingPayments` pending per user. */
  readonly open: (user: TelegramId, asset: Asset, fiatAmount: Money | null) => Effect.Effect<
    PaymentRequest,
    UserNotFound | UserBanned | TooManyPendingPayments | ServiceUnavailable | InvalidInput | InvalidAmount | CurrencyMismatch | TopUpOutOfRange
  >
  readonly pending: (user: TelegramId) => Effect.Effect<ReadonlyArray<PaymentRequest>>
  /** A user's own payment; another user's id is reported as not found. */
  readonly get: (user: TelegramId, id: PaymentId) => Effect.Effect<PaymentRequest, PaymentNotFound>
  readonly findByExternalId: (provider: string, externalId: string) => Effect.Effect<PaymentRequest, PaymentNotFound>
  /** Credits a deposit exactly once per source; marks the linked payment paid, even if it had expired. */
  readonly credit: (input: CreditInput) => Effect.Effect<CreditResult, UserNotFound | InvalidAmount | CurrencyMismatch | InvalidInput>
  /** Expires one pending payment; false when it was not pending. */
  readonly expire: (id: PaymentId) => Effect.Effect<boolean>
  /** Expires every due payment and announces each. */
  readonly expireDue: Effect.Effect<ReadonlyArray<PaymentRequest>>
  readonly deposits: (user: TelegramId, page: PageRequest) => Effect.Effect<Page<Deposit>>
}>() {
  static readonly layer = Layer.effect(Payments, Effect.gen(function*() {
    const tx = yield* Transactor
    const users = yield* Users
    const repo = yield* PaymentRepo
    const depositsRepo = yield* DepositRepo
    const storage = yield* creditPorts
    const gateway = yield* PaymentGateway
    const notifier = yield* Notifier
    const config = yield* ShopConfig

    const open = Effect.fn("Payments.open")(function*(user: TelegramId, asset: Asset, fiatAmount: Money | null) {
      yield* users.active(user)
      if (!gateway.assets.includes(asset)) {
        return yield* new InvalidInput({ field: "asset", problem: `${asset} is not accepted here` })
      }
      if (fiatAmount !== null) {
        if (fiatAmount.currency !== config.currency) {
          return yield* new CurrencyMismatch({ expected: config.currency, got: fiatAmount.currency })
        }
        if (fiatAmount.amount <= 0n) {
          return yield* new InvalidAmount({ input: fiatAmount.amount.toString(), reason: "zero", maxDecimals: 0 })
        }
        const { max, min } = topUpLimits(config)
        if (fiatAmount.amount < min || fiatAmount.amount > max) {
          return yield* new TopUpOutOfRange({ min: money(min, config.currency), max: money(max, config.currency) })
        }
      }
      const at = yield* now
      // Fail fast before asking the gateway; `create` enforces the limit atomically.
      if ((yield* repo.pending(user, at)).length >= config.maxPendingPayments) {
        return yield* new TooManyPendingPayments({ user, limit: config.maxPendingPayments })
      }
      const invoice = yield* gateway.open({ user, asset, fiatAmount })
      return yield* repo.create({
        user,
        asset,
        address: invoice.address,
        fiatAmount,
        cryptoAmount: invoice.cryptoAmount,
        provider: invoice.provider,
        externalId: invoice.externalId,
        secret: invoice.secret === null ? null : Redacted.make(invoice.secret),
        createdAt: at,
        expiresAt: invoice.expiresAt ?? new Date(at.getTime() + Duration.toMillis(config.paymentTtl))
      }, config.maxPendingPayments)
    })

    const credit = Effect.fn("Payments.credit")(function*(input: CreditInput) {
      const at = yield* now
      const valued = yield* valueCredit(input, config.currency, at)
      yield* users.get(input.user)
      if (input.paymentId !== undefined) {
        const payment = yield* repo.get(input.paymentId)
        const assetFits = payment.pipe(Option.exists((p) => p.asset === input.amount.asset || input.acceptedBy !== undefined))
        if (Option.isNone(payment) || payment.value.user !== input.user || !assetFits) {
          return yield* new InvalidInput({ field: "paymentId", problem: "does not match this user and asset" })
        }
      }
      const result = yield* tx.withTransaction(recordCredit(input, valued, at)).pipe(Effect.provide(storage))
      if (!result.replayed) {
        yield* notifier.publish(DomainEvent.DepositCredited({ deposit: result.deposit, balance: result.balance }))
      }
      return result
    })

    const findByExternalId = (provider: string, externalId: string) =>
      repo.findByExternalId(provider, externalId).pipe(
        Effect.flatten,
        Effect.mapError(() => new PaymentNotFound({ payment: externalId }))
      )

    return Payments.of({
      assets: gateway.assets,
      fixedAmountAssets: gateway.fixedAmountAssets,
      open,
      pending: (user) => Effect.flatMap(now, (at) => repo.pending(user, at)),
      get: (user, id) =>
        repo.get(id).pipe(
          Effect.map(Option.filter((p) => p.user === user)),
          Effect.flatten,
          Effect.mapError(() => new PaymentNotFound({ payment: id }))
        ),
      findByExternalId,
      credit,
      expire: (id) =>
        Effect.gen(function*() {
          const at = yield* now
          const changed = yield* repo.markExpired(id, at)
          if (changed) {
            const payment = yield* repo.get(id)
            if (Option.isSome(payment)) yield* notifier.publish(DomainEvent.PaymentExpired({ payment: payment.value }))
          }
          return changed
        }),
      expireDue: Effect.gen(function*() {
        const expired = yield* repo.expireDue(yield* now)
        yield* Effect.forEach(expired, (payment) => notifier.publish(DomainEvent.PaymentExpired({ payment })), { discard: true })
        return expired
      }),
      deposits: depositsRepo.listByUser
    })
  }))
}
