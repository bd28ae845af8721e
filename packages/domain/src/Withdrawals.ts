import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Duration from "effect/Duration"
import { AddressBook } from "./AddressBook.js"
import { type Approval, type ApprovalReason, ApprovalRepo, ApprovalRunner } from "./ApprovalRepo.js"
import { toFiat } from "./Conversion.js"
import type { Asset } from "./Currency.js"
import type { DestinationNotTrusted, InvalidAddress, NotAdmin, ServiceUnavailable, WithdrawalChanged, WithdrawalRejected } from "./Errors.js"
import { DomainEvent, Notifier } from "./Events.js"
import { idempotencyKey, type IdempotencyKey, type WithdrawalId } from "./Ids.js"
import { makeSender } from "./internal/withdrawalSend.js"
import { type CryptoAmount, type Money, money } from "./Money.js"
import type { Page, PageRequest } from "./Paging.js"
import type { PaymentRequest } from "./PaymentRequests.js"
import { PriceSource } from "./Prices.js"
import { ShopConfig, withdrawalGuard } from "./ShopConfig.js"
import { now } from "./Time.js"
import { type AdminRef, describeAdmin, Users } from "./Users.js"

/** Checks an address for an asset's network (format and checksum) and returns its canonical form. */
export class AddressValidator extends Context.Tag("@tokenshop/domain/AddressValidator")<AddressValidator, {
  readonly validate: (asset: Asset, address: string) => Effect.Effect<string, InvalidAddress>
}>() {}

/** All paid payments of the asset, or one payment by the processor's id. */
export type WithdrawalScope = { readonly kind: "all" } | { readonly kind: "single"; readonly payment: string }

export interface WithdrawalRequest {
  readonly asset: Asset
  readonly destination: string
  readonly scope: WithdrawalScope
}

export interface WithdrawalQuote {
  readonly total: CryptoAmount
  readonly networkFee: CryptoAmount
  readonly serviceFee: CryptoAmount
  /** What arrives at the destination: total less both fees. */
  readonly receiving: CryptoAmount
}

/** The custodian of received funds (the payment processor's wallet). */
export class WalletProcessor extends Context.Tag("@tokenshop/domain/WalletProcessor")<WalletProcessor, {
  readonly balances: Effect.Effect<ReadonlyArray<CryptoAmount>, ServiceUnavailable>
  /** The fee preview; sends nothing. */
  readonly quote: (request: WithdrawalRequest) => Effect.Effect<WithdrawalQuote, ServiceUnavailable | WithdrawalRejected>
  readonly execute: (request: WithdrawalRequest) => Effect.Effect<
    { readonly quote: WithdrawalQuote; readonly txIds: ReadonlyArray<string> },
    ServiceUnavailable | WithdrawalRejected
  >
}>() {}

export interface Withdrawal extends WithdrawalQuote {
  readonly id: WithdrawalId
  readonly key: IdempotencyKey
  readonly asset: Asset
  readonly destination: string
  readonly scope: WithdrawalScope
  readonly txIds: ReadonlyArray<string>
  readonly admin: string
  readonly createdAt: Date
}
export type NewWithdrawal = Omit<Withdrawal, "id">

/** A claim's part in the daily approval total: the withdrawal's value in the shop's currency when claimed, null when unpriced. */
export interface DailyShare {
  readonly value: Money | null
}

/** A claim that counts toward the daily approval total. */
export interface CountedClaim extends DailyShare {
  readonly key: IdempotencyKey
  readonly at: Date
}

export class WithdrawalRepo extends Context.Tag("@tokenshop/domain/WithdrawalRepo")<WithdrawalRepo, {
  /** Idempotent per key: a replay returns the first record with `created: false`. */
  readonly record: (withdrawal: NewWithdrawal) => Effect.Effect<{ readonly withdrawal: Withdrawal; readonly created: boolean }>
  readonly findByKey: (key: IdempotencyKey) => Effect.Effect<Option.Option<Withdrawal>>
  /**
   * Reserves a key before anything is sent: true for exactly one of any number of concurrent callers.
   * With `share` the claim counts toward the daily approval total (an admin's withdrawal; forwarding's do not).
   */
  readonly claim: (key: IdempotencyKey, at: Date, share?: DailyShare) => Effect.Effect<boolean>
  /** Gives a claimed key back, when the processor refused and nothing was sent. */
  readonly release: (key: IdempotencyKey) => Effect.Effect<void>
  /** The claims with a share made after `after` (strictly), oldest first; a key given back is gone. */
  readonly countedAfter: (after: Date) => Effect.Effect<ReadonlyArray<CountedClaim>>
  /** Newest first. */
  readonly list: (page: PageRequest) => Effect.Effect<Page<Withdrawal>>
}>() {}

export interface WithdrawalPreview {
  readonly request: WithdrawalRequest
  readonly quote: WithdrawalQuote
  /** The quote in the shop's currency at the current price; null when no price could be had. */
  readonly fiat: { readonly [K in keyof WithdrawalQuote]: Money } | null
}

/** What the admin saw before confirming: the execution is bound to it. */
export interface Previewed {
  readonly total: CryptoAmount
  readonly networkFee: CryptoAmount
}

/** A withdrawal sent, or waiting for a second admin. */
export type WithdrawalOutcome =
  | { readonly _tag: "Sent"; readonly withdrawal: Withdrawal }
  | { readonly _tag: "AwaitingApproval"; readonly approval: Approval }

export class Withdrawals extends Context.Tag("@tokenshop/domain/Withdrawals")<Withdrawals, {
  readonly balances: (admin: AdminRef) => Effect.Effect<ReadonlyArray<CryptoAmount>, NotAdmin | ServiceUnavailable>
  /** Validates the destination, checks it against the address book and asks for the fees; moves nothing. */
  readonly preview: (admin: AdminRef, request: WithdrawalRequest) => Effect.Effect<
    WithdrawalPreview,
    NotAdmin | InvalidAddress | DestinationNotTrusted | ServiceUnavailable | WithdrawalRejected
  >
  /**
   * Sends the funds once per key and records the transaction ids, to an address of the address book
   * past its waiting period. With `previewed` (the preview the admin confirmed), the processor is asked
   * again first and nothing is sent when the total moved by more than the preview's network fee. A
   * withdrawal worth the guard's `approvalAbove` or more (or of unknown value) is not sent: it waits
   * for a second admin (`WithdrawalApprovals`), once per key, with the reason `amount`. Nor is one that,
   * with what the withdrawals of the last 24 hours are worth (sent, being sent or approved, each at the
   * value recorded when it was sent or asked for; see `internal/withdrawalDaily.ts`), reaches the
   * guard's `approvalDaily`: it waits the same way, with the reason `daily`, and counts once approved.
   */
  readonly execute: (admin: AdminRef, request: WithdrawalRequest, key: IdempotencyKey, previewed?: Previewed) => Effect.Effect<
    WithdrawalOutcome,
    NotAdmin | InvalidAddress | DestinationNotTrusted | ServiceUnavailable | WithdrawalRejected | WithdrawalChanged
  >
  readonly history: (admin: AdminRef, page: PageRequest) => Effect.Effect<Page<Withdrawal>, NotAdmin>
  /** The withdrawal made with `key`, if any (a repeated Send shows it instead of sending again). */
  readonly find: (admin: AdminRef, key: IdempotencyKey) => Effect.Effect<Option.Option<Withdrawal>, NotAdmin>
  /**
   * Sends a credited payment on to the forwarding address configured for its asset, once per
   * payment; null when the asset has no forwarding address. The configuration is the owner's own
   * (it needs the server), so neither the address book nor approval applies.
   */
  readonly forward: (payment: PaymentRequest) => Effect.Effect<
    Withdrawal | null,
    InvalidAddress | ServiceUnavailable | WithdrawalRejected
  >
}>() {
  static readonly layer = Layer.effect(Withdrawals, Effect.gen(function*() {
    const users = yield* Users
    const validator = yield* AddressValidator
    const wallet = yield* WalletProcessor
    const repo = yield* WithdrawalRepo
    const prices = yield* PriceSource
    const notifier = yield* Notifier
    const book = yield* AddressBook
    const approvals = yield* ApprovalRepo
    const runner = yield* ApprovalRunner
    const sender = yield* makeSender
    const config = yield* ShopConfig
    const { currency, forwarding } = config
    const guard = withdrawalGuard(config)
    const guarded = guard.approvalAbove !== null || guard.approvalDaily !== null

    const validated = (admin: AdminRef, request: WithdrawalRequest) =>
      users.ensureAdmin(admin).pipe(
        Effect.zipRight(validator.validate(request.asset, request.destination)),
        Effect.map((destination) => ({ ...request, destination })),
        Effect.tap((valid) => book.check(valid.asset, valid.destination))
      )
    const sent = (withdrawal: Withdrawal): WithdrawalOutcome => ({ _tag: "Sent", withdrawal })

    /** Parks the withdrawal for a second admin, once per key, and tells the admins. */
    const park = (admin: AdminRef, request: WithdrawalRequest, key: IdempotencyKey, previewed: Previewed, value: Money | null, reason: ApprovalReason) =>
      Effect.gen(function*() {
        const at = yield* now
        const { approval, created } = yield* approvals.create({
          key, request, previewed: { total: previewed.total, networkFee: previewed.networkFee }, value, reason,
          requestedBy: describeAdmin(admin), createdAt: at, expiresAt: new Date(at.getTime() + Duration.toMillis(guard.approvalTtl))
        })
        if (created) {
          yield* notifier.publish(DomainEvent.WithdrawalApprovalChanged({ approval }))
          yield* runner.start(approval.id)
        }
        return { _tag: "AwaitingApproval", approval } satisfies WithdrawalOutcome
      })

    return Withdrawals.of({
      balances: (admin) => users.ensureAdmin(admin).pipe(Effect.zipRight(wallet.balances)),
      preview: Effect.fn("Withdrawals.preview")(function*(admin: AdminRef, request: WithdrawalRequest) {
        const valid = yield* validated(admin, request)
        const quote = yield* wallet.quote(valid)
        const rate = yield* Effect.option(prices.rate(valid.asset, currency))
        const fiat = Option.match(rate, {
          onNone: () => null,
          // Each fee is valued and rounded once; what arrives is the rest of the total, so that the
          // parts shown always add up to the total shown (rounding each part alone could miss by a cent).
          onSome: (r) => {
            const total = toFiat(quote.total, r)
            const networkFee = toFiat(quote.networkFee, r)
            const serviceFee = toFiat(quote.serviceFee, r)
            return { total, networkFee, serviceFee, receiving: money(total.amount - networkFee.amount - serviceFee.amount, total.currency) }
          }
        })
        return { request: valid, quote, fiat }
      }),
      execute: Effect.fn("Withdrawals.execute")(function*(admin: AdminRef, request: WithdrawalRequest, key: IdempotencyKey, previewed?: Previewed) {
        const valid = yield* validated(admin, request)
        const previous = yield* repo.findByKey(key) // a repeated Send: the first record, nothing asked again
        if (Option.isSome(previous)) return sent(previous.value)
        const by = describeAdmin(admin)
        // Bound to what the admin confirmed: asked again first, and refused when it moved.
        const quote = previewed !== undefined ? yield* sender.quoteWithin(valid, previewed) : guarded ? yield* wallet.quote(valid) : null
        if (!guarded || quote === null) return sent(yield* sender.send(valid, key, by))
        const rate = yield* Effect.option(prices.rate(valid.asset, currency))
        const value = Option.getOrNull(Option.map(rate, (r) => toFiat(quote.total, r)))
        if (value === null || (guard.approvalAbove !== null && value.amount >= guard.approvalAbove)) {
          return yield* park(admin, valid, key, previewed ?? quote, value, "amount")
        }
        // The daily total: the window's sum and this claim in one transaction (see withdrawalDaily.ts).
        if ((yield* sender.claim(key, { value }, guard.approvalDaily)) === "over") return yield* park(admin, valid, key, previewed ?? quote, value, "daily")
        return sent(yield* sender.sendClaimed(valid, key, by))
      }),
      history: (admin, page) => users.ensureAdmin(admin).pipe(Effect.zipRight(repo.list(page))),
      find: (admin, key) => users.ensureAdmin(admin).pipe(Effect.zipRight(repo.findByKey(key))),
      forward: Effect.fn("Withdrawals.forward")(function*(payment: PaymentRequest) {
        const configured = forwarding[payment.asset]
        if (configured === undefined || payment.externalId === null) return null
        const destination = yield* validator.validate(payment.asset, configured)
        const key = idempotencyKey("forward", payment.id)
        const previous = yield* repo.findByKey(key)
        if (Option.isSome(previous)) return previous.value
        return yield* sender.send({ asset: payment.asset, destination, scope: { kind: "single", payment: payment.externalId } }, key, "forwarding")
      })
    })
  }))
}
