import { describe, expect, it } from "@effect/vitest"
import * as BigDecimal from "effect/BigDecimal"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import type * as Layer from "effect/Layer"
import type { Asset, FiatCurrency } from "../../Currency.js"
import { DomainEvent, Notifier } from "../../Events.js"
import { BuyId, DepositId, IdempotencyKey, PaymentId, TelegramId, WithdrawalId } from "../../Ids.js"
import { crypto, money } from "../../Money.js"
import { PaymentGateway } from "../../PaymentGateway.js"
import type { PaymentRequest } from "../../PaymentRequests.js"
import { PriceSource } from "../../Prices.js"
import { operator } from "../../Users.js"
import { AddressValidator, WalletProcessor, type WithdrawalRequest } from "../../Withdrawals.js"
import type { ContractLayer } from "./support.js"

const balance = { topUp: money(0n, "USD"), consumed: money(0n, "USD"), available: money(0n, "USD") }
const user = TelegramId.make(1)

const samplePayment: PaymentRequest = {
  id: PaymentId.make(1), user, asset: "BTC", address: "a", fiatAmount: null, cryptoAmount: null, status: "expired",
  provider: "p", externalId: "x", secret: null, createdAt: new Date(0), expiresAt: new Date(0), settledAt: null
}

/** One event of every kind. */
export const sampleEvents: ReadonlyArray<DomainEvent> = [
  DomainEvent.UserRegistered({ user: { id: user, username: "a", language: "en", banned: false, registeredAt: new Date(0) } }),
  DomainEvent.BuyCompleted({ buyId: BuyId.make(1), user, total: money(100n, "USD"), lines: [], balance }),
  DomainEvent.DepositSeen({ user, amount: crypto(1n, "BTC"), txid: "t", confirmations: 0, required: 2 }),
  DomainEvent.Refunded({ buyId: BuyId.make(1), user, amount: money(1n, "USD"), admin: operator(), balance }),
  DomainEvent.BalanceAdjusted({ user, direction: "credit", amount: money(1n, "USD"), reason: "r", admin: operator(), balance }),
  DomainEvent.DepositCredited({
    deposit: {
      id: DepositId.make(1), user, paymentId: PaymentId.make(1), source: { kind: "processor", provider: "p", externalId: "x" },
      amount: crypto(1000n, "BTC"), fiat: money(100n, "USD"), rate: BigDecimal.unsafeFromString("100000"), createdAt: new Date(0)
    },
    balance
  }),
  DomainEvent.PaymentExpired({ payment: samplePayment }),
  DomainEvent.PaymentMismatched({ payment: samplePayment, reason: "r" }),
  DomainEvent.PaymentUnderpaid({ payment: samplePayment, credited: { amount: 1n, currency: "USD" }, asked: { amount: 2n, currency: "USD" } }),
  DomainEvent.ForwardingFailed({ payment: samplePayment, destination: "d", reason: "r" }),
  DomainEvent.WithdrawalExecuted({
    asset: "BTC",
    withdrawal: {
      id: WithdrawalId.make(1), key: IdempotencyKey.make("k"), asset: "BTC", destination: "d", scope: { kind: "all" },
      txIds: ["t"], admin: "forwarding", createdAt: new Date(0), total: crypto(3n, "BTC"), networkFee: crypto(1n, "BTC"),
      serviceFee: crypto(1n, "BTC"), receiving: crypto(1n, "BTC")
    }
  })
]

/** The Notifier contract: publishing never fails, whatever the event. */
export const notifierContract = (name: string, layer: ContractLayer<Notifier>) =>
  describe(`Notifier contract: ${name}`, () => {
    it.live("publishes every kind of event without failing", () =>
      Effect.gen(function*() {
        const notifier = yield* Notifier
        for (const event of sampleEvents) yield* notifier.publish(event)
      }).pipe(Effect.provide(layer)))
  })

/** The PaymentGateway contract: an address for every asset it lists, in that asset. */
export const paymentGatewayContract = (name: string, layer: ContractLayer<PaymentGateway>, currency: FiatCurrency = "USD") =>
  describe(`PaymentGateway contract: ${name}`, () => {
    it.live("opens an invoice for every asset it accepts; a fresh one is not paid", () =>
      Effect.gen(function*() {
        const gateway = yield* PaymentGateway
        expect(gateway.assets.length).toBeGreaterThan(0)
        expect(gateway.fixedAmountAssets.every((a) => gateway.assets.includes(a))).toBe(true)
        for (const asset of gateway.assets) {
          const fixed = gateway.fixedAmountAssets.includes(asset)
          const fiatAmount = fixed ? money(10_00n, currency) : null
          const invoice = yield* gateway.open({ user, asset, fiatAmount })
          expect(invoice.address.length).toBeGreaterThan(0)
          expect(invoice.provider.length).toBeGreaterThan(0)
          if (invoice.cryptoAmount !== null) {
            expect(invoice.cryptoAmount.asset).toBe(asset)
            expect(invoice.cryptoAmount.units).toBeGreaterThan(0n)
          }
          const at = new Date()
          const observation = yield* gateway.check({
            id: PaymentId.make(1), user, asset, address: invoice.address, fiatAmount, cryptoAmount: invoice.cryptoAmount,
            status: "pending", provider: invoice.provider, externalId: invoice.externalId,
            secret: invoice.secret === null ? null : Redacted.make(invoice.secret),
            createdAt: at, expiresAt: invoice.expiresAt ?? at, settledAt: null
          })
          expect(observation.paid).toBe(false)
        }
      }).pipe(Effect.provide(layer)))

    it.live("refuses an open amount for an asset that needs a fiat amount", () =>
      Effect.gen(function*() {
        const gateway = yield* PaymentGateway
        for (const asset of gateway.fixedAmountAssets) {
          expect((yield* Effect.flip(gateway.open({ user, asset, fiatAmount: null })))._tag).toBe("InvalidInput")
        }
      }).pipe(Effect.provide(layer)))
  })

/** The WalletProcessor contract: quotes add up, in the asset asked for; execution returns transaction ids. */
export const walletProcessorContract = (
  name: string,
  layer: ContractLayer<WalletProcessor>,
  request: WithdrawalRequest
) =>
  describe(`WalletProcessor contract: ${name}`, () => {
    it.live("quotes total = receiving + network fee + service fee, then executes", () =>
      Effect.gen(function*() {
        const wallet = yield* WalletProcessor
        const balances = yield* wallet.balances
        expect(balances.every((b) => b.units >= 0n)).toBe(true)
        const quote = yield* wallet.quote(request)
        for (const part of [quote.total, quote.networkFee, quote.serviceFee, quote.receiving]) {
          expect(part.asset).toBe(request.asset)
          expect(part.units >= 0n).toBe(true)
        }
        expect(quote.receiving.units + quote.networkFee.units + quote.serviceFee.units).toBe(quote.total.units)
        const done = yield* wallet.execute(request)
        expect(done.txIds.length).toBeGreaterThan(0)
      }).pipe(Effect.provide(layer)))
  })

/** The AddressValidator contract over known good and bad addresses. */
export const addressValidatorContract = (
  name: string,
  layer: ContractLayer<AddressValidator>,
  samples: { readonly valid: ReadonlyArray<readonly [Asset, string]>; readonly invalid: ReadonlyArray<readonly [Asset, string]> }
) =>
  describe(`AddressValidator contract: ${name}`, () => {
    it.live("accepts valid addresses and refuses invalid ones with a reason", () =>
      Effect.gen(function*() {
        const validator = yield* AddressValidator
        for (const [asset, address] of samples.valid) {
          expect(yield* validator.validate(asset, ` ${address} `)).toBe(address)
        }
        for (const [asset, address] of samples.invalid) {
          const error = yield* Effect.flip(validator.validate(asset, address))
          expect(error._tag).toBe("InvalidAddress")
          expect(error.reason.length).toBeGreaterThan(0)
        }
      }).pipe(Effect.provide(layer)))
  })

/** The PriceSource contract: positive prices for the pair asked. */
export const priceSourceContract = (
  name: string,
  layer: Layer.Layer<PriceSource, unknown>,
  pairs: ReadonlyArray<readonly [Asset, FiatCurrency]>
) =>
  describe(`PriceSource contract: ${name}`, () => {
    it.live("answers a positive price for the pair asked", () =>
      Effect.gen(function*() {
        const prices = yield* PriceSource
        for (const [asset, fiat] of pairs) {
          const rate = yield* prices.rate(asset, fiat)
          expect(rate.asset).toBe(asset)
          expect(rate.fiat).toBe(fiat)
          expect(BigDecimal.isPositive(rate.price)).toBe(true)
        }
      }).pipe(Effect.provide(layer)))
  })
