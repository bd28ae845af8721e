import * as BigDecimal from "effect/BigDecimal"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { impliedRate, type Rate, toFiat } from "./Conversion.js"
import { Asset, type FiatCurrency } from "./Currency.js"
import {
  CurrencyMismatch, InvalidAmount, InvalidInput, PaymentNotFound, type ServiceUnavailable,
  TooManyPendingPayments, type UserBanned, type UserNotFound
} from "./Errors.js"
import { DomainEvent, Notifier } from "./Events.js"
import { DepositId, idempotencyKey, PaymentId, TelegramId } from "./Ids.js"
import { type Balance, LedgerRepo } from "./Ledger.js"
import { CryptoAmount, type Money, Money as MoneySchema } from "./Money.js"
import type { Page, PageRequest, TimeWindow } from "./Paging.js"
import { ShopConfig } from "./ShopConfig.js"
import { now } from "./Time.js"
import { Transactor } from "./Transactor.js"
import { Users } from "./Users.js"

export const PaymentStatus = Schema.Literal("pending", "paid", "expired")
export type PaymentStatus = typeof PaymentStatus.Type

/** A top-up request: where to send, how much (when fixed), until when. */
export const PaymentRequest = Schema.Struct({
  id: PaymentId,
  user: TelegramId,
  asset: Asset,
  address: Schema.String,
  /** The fiat amount asked for, or null for an open deposit. */
  fiatAmount: Schema.NullOr(MoneySchema),
  /** The exact crypto amount to send, when the gateway fixed one. */
  cryptoAmount: Schema.NullOr(CryptoAmount),
  status: PaymentStatus,
  /** Which gateway issued it, e.g. "kryptoexpress". */
  provider: Schema.String,
  /** The gateway's id for it. */
  externalId: Schema.NullOr(Schema.String),
  /** Secret the gateway's callbacks are signed with. Never log it. */
  secret: Schema.NullOr(Schema.Redacted(Schema.String)),
  createdAt: Schema.DateFromSelf,
  expiresAt: Schema.DateFromSelf,
  settledAt: Schema.NullOr(Schema.DateFromSelf)
})
export type PaymentRequest = typeof PaymentRequest.Type
export type NewPaymentRequest = Omit<PaymentRequest, "id" | "status" | "settledAt">

/** Where a deposit came from; exactly one credit per source. */
export type DepositSource =
  | { readonly kind: "chain"; readonly asset: Asset; readonly txid: string; readonly index: number }
  | { readonly kind: "processor"; readonly provider: string; readonly externalId: string }

/** The unique key of a source: (asset, txid, output or log index), or the processor's payment id. */
export const sourceKey = (s: DepositSource): string =>
  s.kind === "chain" ? `chain:${s.asset}:${s.txid}:${s.index}` : `processor:${s.provider}:${s.externalId}`

export interface Deposit {
  readonly id: DepositId
  readonly user: TelegramId
  readonly paymentId: PaymentId | null
  readonly source: DepositSource
  readonly amount: CryptoAmount
  /** What was credited, at the rate recorded below; never revalued. */
  readonly fiat: Money
  /** Fiat per whole coin used for the credit. */
  readonly rate: BigDecimal.BigDecimal
  readonly createdAt: Date
}
export type NewDeposit = Omit<Deposit, "id">

export interface DepositSummary {
  readonly count: number
  readonly total: Money
  readonly byAsset: ReadonlyArray<CryptoAmount>
}

export class PaymentRepo extends Context.Tag("@tokenshop/domain/PaymentRepo")<PaymentRepo, {
  /** Stores a pending request unless the user already has `limit` pending ones unexpired at `createdAt`. */
  readonly create: (request: NewPaymentRequest, limit: number) => Effect.Effect<PaymentRequest, TooManyPendingPayments>
  readonly get: (id: PaymentId) => Effect.Effect<Option.Option<PaymentRequest>>
  readonly findByExternalId: (provider: string, externalId: string) => Effect.Effect<Option.Option<PaymentRequest>>
  /** Pending and unexpired at `now`, newest first. */
  readonly pending: (user: TelegramId, now: Date) => Effect.Effect<ReadonlyArray<PaymentRequest>>
  /** pending or expired -> paid; false when it was paid already. */
  readonly markPaid: (id: PaymentId, at: Date) => Effect.Effect<boolean>
  /** pending -> expired; false otherwise. */
  readonly markExpired: (id: PaymentId, at: Date) => Effect.Effect<boolean>
  /** Expires every pending request whose time is up; returns those it changed. */
  readonly expireDue: (now: Date) => Effect.Effect<ReadonlyArray<PaymentRequest>>
}>() {}

export class DepositRepo extends Context.Tag("@tokenshop/domain/DepositRepo")<DepositRepo, {
  /** Idempotent per source key: a replay returns the first deposit with `created: false`. */
  readonly record: (deposit: NewDeposit) => Effect.Effect<{ readonly deposit: Deposit; readonly created: boolean }>
  readonly findBySource: (source: DepositSource) => Effect.Effect<Option.Option<Deposit>>
  /** Newest first. */
  readonly listByUser: (user: TelegramId, page: PageRequest) => Effect.Effect<Page<Deposit>>
  readonly summarize: (window: TimeWindow, currency: FiatCurrency) => Effect.Effect<DepositSummary>
}>() {}

/** What a gateway answers when asked for a top-up address. */
export interface Invoice {
  readonly provider: string
  readonly externalId: string | null
  readonly address: string
  readonly cryptoAmount: CryptoAmount | null
  /** null: the shop's paymentTtl applies. */
  readonly expiresAt: Date | null
  readonly secret: string | null
}

/** What a gateway reports about one payment, from a signed callback or when asked. */
export interface PaymentObservation {
  readonly paid: boolean
  /** The gateway's own deadline has passed. */
  readonly expired: boolean
  /** What was received, when the gateway says. */
  readonly amount: CryptoAmount | null
  /** What the received amount is worth in fiat, as the gateway valued it. */
  readonly fiat: Money | null
}

/** Issues deposit addresses or invoices: a payment processor, or the shop's own HD wallet. */
export class PaymentGateway extends Context.Tag("@tokenshop/domain/PaymentGateway")<PaymentGateway, {
  readonly assets: ReadonlyArray<Asset>
  /** Assets for which a fiat amount must be given (the gateway then fixes the crypto amount). */
  readonly fixedAmountAssets: ReadonlyArray<Asset>
  readonly open: (request: {
    readonly user: TelegramId
    readonly asset: Asset
    readonly fiatAmount: Money | null
  }) => Effect.Effect<Invoice, ServiceUnavailable | InvalidInput>
  /** Asks the gateway about a payment it issued. */
  readonly check: (payment: PaymentRequest) => Effect.Effect<PaymentObservation, ServiceUnavailable>
}>() {}

export interface CreditInput {
  readonly user: TelegramId
  readonly source: DepositSource
  readonly amount: CryptoAmount
  /** The fiat value: at a rate, or as quoted by the processor (its implied rate is recorded). */
  readonly valuation: { readonly rate: Rate } | { readonly fiat: Money }
  readonly paymentId?: PaymentId
}

export interface CreditResult {
  readonly deposit: Deposit
  /** True when this source had been credited before: nothing changed. */
  readonly replayed: boolean
  readonly balance: Balance
}

export const depositKey = (source: DepositSource) => idempotencyKey("deposit", sourceKey(source))

export class Payments extends Context.Tag("@tokenshop/domain/Payments")<Payments, {
  readonly assets: ReadonlyArray<Asset>
  /** Assets whose top-ups need a fiat amount (the gateway then fixes the crypto amount). */
  readonly fixedAmountAssets: ReadonlyArray<Asset>
  /** Opens a top-up: at most `maxPendingPayments` pending per user. */
  readonly open: (user: TelegramId, asset: Asset, fiatAmount: Money | null) => Effect.Effect<
    PaymentRequest,
    UserNotFound | UserBanned | TooManyPendingPayments | ServiceUnavailable | InvalidInput | InvalidAmount | CurrencyMismatch
  >
  readonly pending: (user: TelegramId) => Effect.Effect<ReadonlyArray<PaymentRequest>>
  /** A user's own payment; another user's id is reported as not found. */
  readonly get: (user: TelegramId, id: PaymentId) => Effect.Effect<PaymentRequest, PaymentNotFound>
  readonly findByExternalId: (provider: string, externalId: string) => Effect.Effect<PaymentRequest, PaymentNotFound>
  /** Credits a deposit exactly once per source; marks the linked payment paid, even if it had expired. */
  readonly credit: (input: CreditInput) => Effect.Effect<CreditResult, UserNotFound | InvalidAmount | CurrencyMismatch | InvalidInput>
  /** Announces a deposit seen on chain but not yet confirmed; changes nothing. */
  readonly reportSeen: (user: TelegramId, amount: CryptoAmount, txid: string, confirmations: number) => Effect.Effect<void>
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
    const ledger = yield* LedgerRepo
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
      if (input.amount.units <= 0n) {
        return yield* new InvalidAmount({ input: input.amount.units.toString(), reason: "zero", maxDecimals: 0 })
      }
      if (input.source.kind === "chain" && input.source.asset !== input.amount.asset) {
        return yield* new InvalidInput({ field: "asset", problem: "the source and the amount name different assets" })
      }
      const at = yield* now
      let fiat: Money
      let rate: Rate
      if ("rate" in input.valuation) {
        rate = input.valuation.rate
        if (rate.asset !== input.amount.asset) {
          return yield* new InvalidInput({ field: "rate", problem: `is for ${rate.asset}, not ${input.amount.asset}` })
        }
        if (!BigDecimal.isPositive(rate.price)) return yield* new InvalidInput({ field: "rate", problem: "must be positive" })
        fiat = toFiat(input.amount, rate)
      } else {
        fiat = input.valuation.fiat
        if (fiat.amount < 0n) {
          return yield* new InvalidAmount({ input: fiat.amount.toString(), reason: "negative", maxDecimals: 0 })
        }
        rate = impliedRate(fiat, input.amount, at)
      }
      if (fiat.currency !== config.currency) {
        return yield* new CurrencyMismatch({ expected: config.currency, got: fiat.currency })
      }
      yield* users.get(input.user)
      if (input.paymentId !== undefined) {
        const payment = yield* repo.get(input.paymentId)
        if (Option.isNone(payment) || payment.value.user !== input.user || payment.value.asset !== input.amount.asset) {
          return yield* new InvalidInput({ field: "paymentId", problem: "does not match this user and asset" })
        }
      }
      const result = yield* tx.withTransaction(Effect.gen(function*() {
        const { created, deposit } = yield* depositsRepo.record({
          user: input.user,
          paymentId: input.paymentId ?? null,
          source: input.source,
          amount: input.amount,
          fiat,
          rate: rate.price,
          createdAt: at
        })
        if (!created) return { deposit, replayed: true, balance: yield* ledger.balance(deposit.user, config.currency) }
        if (deposit.paymentId !== null) yield* repo.markPaid(deposit.paymentId, at)
        if (fiat.amount === 0n) return { deposit, replayed: false, balance: yield* ledger.balance(deposit.user, config.currency) }
        const { balance } = yield* ledger.append({
          user: deposit.user,
          kind: "deposit",
          amount: fiat,
          key: depositKey(input.source),
          reason: null,
          actor: null,
          ref: `deposit:${deposit.id}`,
          createdAt: at
        }).pipe(Effect.orDie) // a credit never lacks funds
        return { deposit, replayed: false, balance }
      }))
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
      reportSeen: (user, amount, txid, confirmations) =>
        notifier.publish(DomainEvent.DepositSeen({ user, amount, txid, confirmations })),
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
