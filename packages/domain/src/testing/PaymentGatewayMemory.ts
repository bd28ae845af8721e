import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Ref from "effect/Ref"
import { type Asset, allAssets, assetInfo } from "../Currency.js"
import { InvalidInput, ServiceUnavailable } from "../Errors.js"
import { crypto, digitsOf } from "../Money.js"
import { type Invoice, PaymentGateway, type PaymentObservation } from "../PaymentGateway.js"

/** Switches and records of the in-memory gateway. */
export class GatewayControl extends Context.Tag("@tokenshop/domain/testing/GatewayControl")<GatewayControl, {
  readonly setAvailable: (available: boolean) => Effect.Effect<void>
  readonly invoices: Effect.Effect<ReadonlyArray<Invoice>>
  /** What `check` will answer for the invoice with this external id (by default: not paid). */
  readonly report: (externalId: string, observation: PaymentObservation) => Effect.Effect<void>
}>() {}

const notPaid: PaymentObservation = { paid: false, expired: false, amount: null, fiat: null }

/**
 * Issues predictable addresses ("mem-BTC-1", ...) and invoices without expiry, each with a secret;
 * stablecoins take a fiat amount (and get a crypto amount of one coin per fiat unit). `check` answers what the test reported through GatewayControl.
 */
export const PaymentGatewayMemory = (assets: ReadonlyArray<Asset> = allAssets): Layer.Layer<PaymentGateway | GatewayControl> =>
  Layer.effectContext(Effect.gen(function*() {
    const available = yield* Ref.make(true)
    const issued = yield* Ref.make<ReadonlyArray<Invoice>>([])
    const reports = yield* Ref.make(new Map<string, PaymentObservation>())
    const gateway = PaymentGateway.of({
      assets,
      fixedAmountAssets: assets.filter((a) => assetInfo(a).stablecoin),
      check: (payment) =>
        Effect.gen(function*() {
          if (!(yield* Ref.get(available))) {
            return yield* new ServiceUnavailable({ service: "payments", detail: "switched off by the test" })
          }
          return (yield* Ref.get(reports)).get(payment.externalId ?? "") ?? notPaid
        }),
      open: ({ asset, fiatAmount }) =>
        Effect.gen(function*() {
          if (!(yield* Ref.get(available))) {
            return yield* new ServiceUnavailable({ service: "payments", detail: "switched off by the test" })
          }
          if (fiatAmount === null && assetInfo(asset).stablecoin) {
            return yield* new InvalidInput({ field: "fiatAmount", problem: `${asset} needs an amount` })
          }
          return yield* Ref.modify(issued, (all) => {
            const n = all.length + 1
            const invoice: Invoice = {
              provider: "memory",
              externalId: `mem-${n}`,
              address: `mem-${asset}-${n}`,
              // a fixed amount at one coin per fiat unit, e.g. 25.50 USD = 25.5 USDT
              cryptoAmount: fiatAmount === null
                ? null
                : crypto(fiatAmount.amount * 10n ** BigInt(Math.max(0, assetInfo(asset).decimals - digitsOf(fiatAmount.currency))), asset),
              expiresAt: null,
              secret: `secret-${n}`
            }
            return [invoice, [...all, invoice]] as const
          })
        })
    })
    return Context.make(PaymentGateway, gateway).pipe(
      Context.add(GatewayControl, GatewayControl.of({
        setAvailable: (a) => Ref.set(available, a),
        invoices: Ref.get(issued),
        report: (externalId, observation) => Ref.update(reports, (m) => new Map(m).set(externalId, observation))
      }))
    )
  }))
