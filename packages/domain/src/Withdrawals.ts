import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { toFiat } from "./Conversion.js"
import type { Asset } from "./Currency.js"
import { type InvalidAddress, type NotAdmin, ServiceUnavailable, WithdrawalChanged, WithdrawalRejected } from "./Errors.js"
import { DomainEvent, Notifier } from "./Events.js"
import { idempotencyKey, type IdempotencyKey, type WithdrawalId } from "./Ids.js"
import { type CryptoAmount, type Money, money } from "./Money.js"
import type { Page, PageRequest } from "./Paging.js"
import type { PaymentRequest } from "./PaymentRequests.js"
import { PriceSource } from "./Prices.js"
import { ShopConfig } from "./ShopConfig.js"
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

export class WithdrawalRepo extends Context.Tag("@tokenshop/domain/WithdrawalRepo")<WithdrawalRepo, {
  /** Idempotent per key: a replay returns the first record with `created: false`. */
  readonly record: (withdrawal: NewWithdrawal) => Effect.Effect<{ readonly withdrawal: Withdrawal; readonly created: boolean }>
  readonly findByKey: (key: IdempotencyKey) => Effect.Effect<Option.Option<Withdrawal>>
  /** Reserves a key before anything is sent: true for exactly one of any number of concurrent callers. */
  readonly claim: (key: IdempotencyKey, at: Date) => Effect.Effect<boolean>
  /** Gives a claimed key back, when the processor refused and nothing was sent. */
  readonly release: (key: IdempotencyKey) => Effect.Effect<void>
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

export class Withdrawals extends Context.Tag("@tokenshop/domain/Withdrawals")<Withdrawals, {
  readonly balances: (admin: AdminRef) => Effect.Effect<ReadonlyArray<CryptoAmount>, NotAdmin | ServiceUnavailable>
  /** Validates the destination and asks for the fees; moves nothing. */
  readonly preview: (admin: AdminRef, request: WithdrawalRequest) => Effect.Effect<
    WithdrawalPreview,
    NotAdmin | InvalidAddress | ServiceUnavailable | WithdrawalRejected
  >
  /**
   * Sends the funds once per key and records the transaction ids. With `previewed` (the preview the
   * admin confirmed), the processor is asked again first and nothing is sent when the total moved by
   * more than the preview's network fee.
   */
  readonly execute: (admin: AdminRef, request: WithdrawalRequest, key: IdempotencyKey, previewed?: Previewed) => Effect.Effect<
    Withdrawal,
    NotAdmin | InvalidAddress | ServiceUnavailable | WithdrawalRejected | WithdrawalChanged
  >
  readonly history: (admin: AdminRef, page: PageRequest) => Effect.Effect<Page<Withdrawal>, NotAdmin>
  /** The withdrawal made with `key`, if any (a repeated Send shows it instead of sending again). */
  readonly find: (admin: AdminRef, key: IdempotencyKey) => Effect.Effect<Option.Option<Withdrawal>, NotAdmin>
  /**
   * Sends a credited payment on to the forwarding address configured for its asset, once per
   * payment; null when the asset has no forwarding address.
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
    const { currency, forwarding } = yield* ShopConfig

    const validated = (admin: AdminRef, request: WithdrawalRequest) =>
      users.ensureAdmin(admin).pipe(
        Effect.zipRight(validator.validate(request.asset, request.destination)),
        Effect.map((destination) => ({ ...request, destination }))
      )

    /** Executes once per key: a replay returns the first record. */
    const send = (request: WithdrawalRequest, key: IdempotencyKey, by: string) =>
      Effect.gen(function*() {
        const previous = yield* repo.findByKey(key)
        if (Option.isSome(previous)) return previous.value
        // Claimed before sending: two callers with one key (two taps, two processes) never both send.
        if (!(yield* repo.claim(key, yield* now))) {
          return yield* new WithdrawalRejected({ reason: "this withdrawal is already being sent; check the wallet" })
        }
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
        if (created) yield* notifier.publish(DomainEvent.WithdrawalExecuted({ withdrawal, asset: request.asset }))
        return withdrawal
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
        // Bound to what the admin confirmed: asked again first (unless this key already sent), and refused when it moved.
        if (previewed !== undefined && Option.isNone(yield* repo.findByKey(key))) {
          const fresh = yield* wallet.quote(valid)
          const drift = fresh.total.units - previewed.total.units
          if (fresh.total.asset !== previewed.total.asset || (drift < 0n ? -drift : drift) > previewed.networkFee.units) {
            return yield* new WithdrawalChanged({ previewed: previewed.total, now: fresh.total })
          }
        }
        return yield* send(valid, key, describeAdmin(admin))
      }),
      history: (admin, page) => users.ensureAdmin(admin).pipe(Effect.zipRight(repo.list(page))),
      find: (admin, key) => users.ensureAdmin(admin).pipe(Effect.zipRight(repo.findByKey(key))),
      forward: Effect.fn("Withdrawals.forward")(function*(payment: PaymentRequest) {
        const configured = forwarding[payment.asset]
        if (configured === undefined || payment.externalId === null) return null
        const destination = yield* validator.validate(payment.asset, configured)
        return yield* send(
          { asset: payment.asset, destination, scope: { kind: "single", payment: payment.externalId } },
          idempotencyKey("forward", payment.id),
          "forwarding"
        )
      })
    })
  }))
}
