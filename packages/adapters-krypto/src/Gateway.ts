/**
 * The domain's PaymentGateway, WalletProcessor and PriceSource over KryptoExpress.
 * Native coins open a DEPOSIT (any amount, valued by the processor); stablecoins open a PAYMENT
 * for a fiat amount. Each payment gets its own callback secret, derived from the master callback key
 * and a random reference at the end of its callback URL (see CallbackKey.ts); none is stored.
 */
import {
  type Asset, assetInfo, crypto, type CryptoAmount, decimalsOf, digitsOf, type FiatCurrency, InvalidInput, money,
  PaymentGateway, type PaymentObservation, type PaymentRequest, PriceSource, rate, ServiceUnavailable, ShopConfig,
  unitsToDecimal, WalletProcessor, type WithdrawalQuote, WithdrawalRejected, type WithdrawalRequest
} from "@tokenshop/domain"
import * as BigDecimal from "effect/BigDecimal"
import * as Cache from "effect/Cache"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import type * as Redacted from "effect/Redacted"
import { CallbackKey, callbackSecret, newReference } from "./CallbackKey.js"
import { KryptoExpress, type KryptoExpressError } from "./Client.js"
import * as Wire from "./Wire.js"

export const PROVIDER = "kryptoexpress"

export interface GatewaySettings {
  /** The public URL of `POST {WEBHOOK_PATH}/cryptoprocessing/event` on this shop's HTTP server; each payment appends `/{reference}`. */
  readonly callbackUrl: string
  /** The master callback key (KRYPTOEXPRESS_CALLBACK_KEY). */
  readonly callbackKey: Redacted.Redacted<string>
  /** Assets offered to buyers; default every asset the processor handles. */
  readonly assets?: ReadonlyArray<Asset> | undefined
  /** How long a price is reused, default 60 seconds. */
  readonly priceTtl?: Duration.DurationInput | undefined
}

const cryptoOf = (text: string | undefined, asset: Asset): CryptoAmount | null => {
  if (text === undefined) return null
  const units = Wire.unitsOf(text, decimalsOf(asset))
  return units === null ? null : crypto(units, asset)
}

/** What a payment object says, in the domain's terms. */
export const observe = (p: Wire.Payment, now: Date): PaymentObservation => {
  const asset = Wire.asAsset(p.cryptoCurrency)
  const fiatCurrency = Wire.asFiat(p.fiatCurrency)
  const fiatUnits = p.fiatAmount === undefined || fiatCurrency === null ? null : Wire.unitsOf(p.fiatAmount, digitsOf(fiatCurrency))
  return {
    paid: p.isPaid,
    expired: !p.isPaid && p.expireDatetime <= now.getTime(),
    amount: asset === null ? null : cryptoOf(p.cryptoAmount, asset),
    fiat: fiatUnits === null || fiatCurrency === null ? null : money(fiatUnits, fiatCurrency)
  }
}

/**
 * What makes a status answer another payment than the one asked about, as the callback checks it:
 * its hash, its address, its type (a fixed PAYMENT or an open DEPOSIT) and its currency.
 */
const differences = (asked: PaymentRequest, p: Wire.Payment): ReadonlyArray<string> => [
  ...(p.hash.toLowerCase() === asked.externalId?.toLowerCase() ? [] : ["hash"]),
  ...(p.address === asked.address ? [] : ["address"]),
  ...(p.paymentType === (asked.fiatAmount === null ? "DEPOSIT" : "PAYMENT") ? [] : ["type"]),
  ...(Wire.asAsset(p.cryptoCurrency) === asked.asset ? [] : ["currency"])
]

const unavailable = (service: ServiceUnavailable["service"]) => (e: KryptoExpressError) =>
  new ServiceUnavailable({ service, detail: e.message })

const walletFailure = (e: KryptoExpressError) =>
  e.refused ? new WithdrawalRejected({ reason: e.detail }) : new ServiceUnavailable({ service: "wallet", detail: e.message })

export const KryptoExpressGateway = (settings: GatewaySettings) =>
  Layer.effectContext(Effect.gen(function*() {
    const api = yield* KryptoExpress
    const { currency } = yield* ShopConfig
    const offered = settings.assets ?? Wire.processorAssets
    const fixedAmountAssets = offered.filter((a) => assetInfo(a).stablecoin)

    const gateway = PaymentGateway.of({
      assets: offered,
      fixedAmountAssets,
      open: ({ asset, fiatAmount }) =>
        Effect.gen(function*() {
          if (!offered.includes(asset)) return yield* new InvalidInput({ field: "asset", problem: `${asset} is not offered` })
          if (fiatAmount === null && fixedAmountAssets.includes(asset)) {
            return yield* new InvalidInput({ field: "fiatAmount", problem: `${asset} needs an amount` })
          }
          const reference = newReference()
          const p = yield* api.createPayment({
            paymentType: fiatAmount === null ? "DEPOSIT" : "PAYMENT",
            fiatCurrency: fiatAmount?.currency ?? currency,
            cryptoCurrency: asset,
            callbackUrl: `${settings.callbackUrl.replace(/\/+$/, "")}/${reference}`,
            callbackSecret: callbackSecret(settings.callbackKey, reference),
            fiatAmount: fiatAmount === null ? undefined : unitsToDecimal(fiatAmount.amount, digitsOf(fiatAmount.currency))
          }).pipe(Effect.mapError(unavailable("payments")))
          if (p.cryptoCurrency !== asset) {
            return yield* new ServiceUnavailable({ service: "payments", detail: `asked for ${asset}, the processor answered ${p.cryptoCurrency}` })
          }
          const amount = cryptoOf(p.cryptoAmount, asset)
          if (fiatAmount !== null && (amount === null || amount.units <= 0n)) {
            return yield* new ServiceUnavailable({ service: "payments", detail: "the processor named no amount to pay" })
          }
          return {
            provider: PROVIDER,
            externalId: p.hash.toLowerCase(),
            address: p.address,
            cryptoAmount: fiatAmount === null ? null : amount,
            expiresAt: new Date(p.expireDatetime),
            secret: null
          }
        }),
      check: (payment: PaymentRequest) =>
        Effect.gen(function*() {
          if (payment.provider !== PROVIDER || payment.externalId === null) {
            return yield* new ServiceUnavailable({ service: "payments", detail: "not a KryptoExpress payment" })
          }
          const p = yield* api.getPayment(payment.externalId).pipe(Effect.mapError(unavailable("payments")))
          const differs = differences(payment, p)
          if (differs.length > 0) {
            return yield* new ServiceUnavailable({ service: "payments", detail: `the processor's status answer is for another payment (${differs.join(", ")} differ): nothing changed` })
          }
          return observe(p, new Date())
        })
    })

    /** The processor's numeric id, which SINGLE withdrawals name; the shop keeps the hash. */
    const paymentNumber = (hash: string) =>
      api.getPayment(hash).pipe(Effect.map((p) => p.id), Effect.mapError(walletFailure))

    const quoteOf = (w: Wire.Withdrawal, asset: Asset) =>
      Effect.gen(function*() {
        const amount = (text: string) => cryptoOf(text, asset)
        const total = amount(w.totalWithdrawalAmount)
        const networkFee = amount(w.blockchainFeeAmount)
        const serviceFee = amount(w.serviceFeeAmount)
        const receiving = amount(w.receivingAmount)
        if (total === null || networkFee === null || serviceFee === null || receiving === null) {
          return yield* new ServiceUnavailable({ service: "wallet", detail: "the processor's fee answer has unreadable amounts" })
        }
        if (receiving.units + networkFee.units + serviceFee.units !== total.units) {
          return yield* new ServiceUnavailable({ service: "wallet", detail: "the processor's fee answer does not add up" })
        }
        return { total, networkFee, serviceFee, receiving } satisfies WithdrawalQuote
      })

    const withdraw = (request: WithdrawalRequest, onlyCalculate: boolean) =>
      Effect.gen(function*() {
        const paymentId = request.scope.kind === "single" ? yield* paymentNumber(request.scope.payment) : undefined
        const w = yield* api.withdraw({
          withdrawType: request.scope.kind === "all" ? "ALL" : "SINGLE",
          cryptoCurrency: request.asset,
          toAddress: request.destination,
          onlyCalculate,
          paymentId
        }).pipe(Effect.mapError(walletFailure))
        return { quote: yield* quoteOf(w, request.asset), txIds: w.txIdList }
      })

    const wallet = WalletProcessor.of({
      balances: api.wallet.pipe(
        Effect.mapError(unavailable("wallet")),
        Effect.map((held) =>
          Object.entries(held).flatMap(([name, text]) => {
            const asset = Wire.asAsset(name)
            const amount = asset === null ? null : cryptoOf(text, asset)
            return amount === null ? [] : [amount]
          }))
      ),
      quote: (request) => Effect.map(withdraw(request, true), (r) => r.quote),
      execute: (request) =>
        Effect.flatMap(withdraw(request, false), (r) =>
          r.txIds.length === 0
            ? Effect.fail(new ServiceUnavailable({ service: "wallet", detail: "the processor named no transaction; check the wallet before trying again" }))
            : Effect.succeed(r))
    })

    const prices = yield* Cache.makeWith({
      capacity: 256,
      lookup: (key: `${Asset}/${FiatCurrency}`) =>
        Effect.gen(function*() {
          const [asset, fiat] = key.split("/") as [Asset, FiatCurrency]
          const answer = yield* api.prices([asset], fiat).pipe(Effect.mapError(unavailable("prices")))
          const found = answer.find((p) => p.cryptoCurrency === asset && p.fiatCurrency === fiat)
          const price = found === undefined ? undefined : BigDecimal.fromString(found.price)
          if (price === undefined || price._tag === "None" || !BigDecimal.isPositive(price.value)) {
            return yield* new ServiceUnavailable({ service: "prices", detail: `no ${asset} price in ${fiat}` })
          }
          return rate(asset, fiat, price.value, new Date())
        }),
      timeToLive: (exit) => Exit.isSuccess(exit) ? Duration.decode(settings.priceTtl ?? "60 seconds") : Duration.zero
    })

    return Context.make(PaymentGateway, gateway).pipe(
      Context.add(CallbackKey, settings.callbackKey),
      Context.add(WalletProcessor, wallet),
      Context.add(PriceSource, PriceSource.of({
        rate: (asset, fiat) => {
          const key = `${asset}/${fiat}` as const
          // a failure is not remembered: the next caller asks again
          return prices.get(key).pipe(Effect.tapError(() => prices.invalidate(key)))
        }
      }))
    )
  }))
