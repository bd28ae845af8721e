import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Ref from "effect/Ref"
import type { Asset } from "../Currency.js"
import { ServiceUnavailable, WithdrawalRejected } from "../Errors.js"
import { crypto } from "../Money.js"
import { WalletProcessor, type WithdrawalQuote, type WithdrawalRequest } from "../Withdrawals.js"

export class WalletControl extends Context.Tag("@tokenshop/domain/testing/WalletControl")<WalletControl, {
  readonly setAvailable: (available: boolean) => Effect.Effect<void>
  readonly fund: (asset: Asset, units: bigint) => Effect.Effect<void>
  readonly sent: Effect.Effect<ReadonlyArray<WithdrawalRequest & { readonly quote: WithdrawalQuote }>>
}>() {}

/**
 * Holds balances in memory. Fees: network 1% and service 0.5% of the total (rounded down),
 * the rest is received. A withdrawal empties the asset's balance.
 */
export const WalletProcessorMemory = (initial: Partial<Record<Asset, bigint>> = {}): Layer.Layer<WalletProcessor | WalletControl> =>
  Layer.effectContext(Effect.gen(function*() {
    const balances = yield* Ref.make(new Map<Asset, bigint>(Object.entries(initial) as Array<[Asset, bigint]>))
    const available = yield* Ref.make(true)
    const sent = yield* Ref.make<ReadonlyArray<WithdrawalRequest & { readonly quote: WithdrawalQuote }>>([])
    const up = Effect.flatMap(Ref.get(available), (ok) =>
      ok ? Effect.void : Effect.fail(new ServiceUnavailable({ service: "wallet", detail: "switched off by the test" })))
    const quote = (request: WithdrawalRequest) =>
      Effect.gen(function*() {
        yield* up
        const total = (yield* Ref.get(balances)).get(request.asset) ?? 0n
        if (total <= 0n) return yield* new WithdrawalRejected({ reason: `no ${request.asset} to withdraw` })
        const networkFee = total / 100n
        const serviceFee = total / 200n
        return {
          total: crypto(total, request.asset),
          networkFee: crypto(networkFee, request.asset),
          serviceFee: crypto(serviceFee, request.asset),
          receiving: crypto(total - networkFee - serviceFee, request.asset)
        } satisfies WithdrawalQuote
      })
    const wallet = WalletProcessor.of({
      balances: Effect.zipRight(up, Effect.map(Ref.get(balances), (m) => [...m].map(([asset, units]) => crypto(units, asset)))),
      quote,
      execute: (request) =>
        Effect.gen(function*() {
          const q = yield* quote(request)
          yield* Ref.update(balances, (m) => new Map(m).set(request.asset, 0n))
          const n = (yield* Ref.modify(sent, (all) => [all.length + 1, [...all, { ...request, quote: q }]] as const))
          return { quote: q, txIds: [`memtx-${n}`] }
        })
    })
    return Context.make(WalletProcessor, wallet).pipe(Context.add(WalletControl, WalletControl.of({
      setAvailable: (a) => Ref.set(available, a),
      fund: (asset, units) => Ref.update(balances, (m) => new Map(m).set(asset, (m.get(asset) ?? 0n) + units)),
      sent: Ref.get(sent)
    })))
  }))
