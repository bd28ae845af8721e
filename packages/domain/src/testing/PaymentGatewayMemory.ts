import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Ref from "effect/Ref"
import { type Asset, allAssets } from "../Currency.js"
import { ServiceUnavailable } from "../Errors.js"
import { type Invoice, PaymentGateway } from "../Payments.js"

/** Switches and records of the in-memory gateway. */
export class GatewayControl extends Context.Tag("@tokenshop/domain/testing/GatewayControl")<GatewayControl, {
  readonly setAvailable: (available: boolean) => Effect.Effect<void>
  readonly invoices: Effect.Effect<ReadonlyArray<Invoice>>
}>() {}

/** Issues predictable addresses ("mem-BTC-1", ...) and never-expiring, unsigned invoices. */
export const PaymentGatewayMemory = (assets: ReadonlyArray<Asset> = allAssets): Layer.Layer<PaymentGateway | GatewayControl> =>
  Layer.effectContext(Effect.gen(function*() {
    const available = yield* Ref.make(true)
    const issued = yield* Ref.make<ReadonlyArray<Invoice>>([])
    const gateway = PaymentGateway.of({
      assets,
      open: ({ asset }) =>
        Effect.gen(function*() {
          if (!(yield* Ref.get(available))) {
            return yield* new ServiceUnavailable({ service: "payments", detail: "switched off by the test" })
          }
          return yield* Ref.modify(issued, (all) => {
            const n = all.length + 1
            const invoice: Invoice = {
              provider: "memory",
              externalId: `mem-${n}`,
              address: `mem-${asset}-${n}`,
              cryptoAmount: null,
              expiresAt: null,
              secret: `secret-${n}`
            }
            return [invoice, [...all, invoice]] as const
          })
        })
    })
    return Context.make(PaymentGateway, gateway).pipe(
      Context.add(GatewayControl, GatewayControl.of({ setAvailable: (a) => Ref.set(available, a), invoices: Ref.get(issued) }))
    )
  }))
