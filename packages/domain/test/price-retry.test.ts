/**
 * The price retry credits a deposit that waited for a price from the record it read. A watcher may
 * move that record while the retry waits for its price: then the retry must leave it to the watcher.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Ref from "effect/Ref"
import {
  ApprovalRunner, type ChainObservation, ChainDeposits, DepositAddresses, Ledger, PriceSource, rate, ServiceUnavailable, ShopConfig
} from "../src/index.js"
import {
  AddressDeriverMemory, AddressValidatorMemory, BroadcasterMemory, NotifierMemory, PaymentGatewayMemory, ShopMemory, WalletProcessorMemory
} from "../src/testing/index.js"
import { ADMIN, buyer } from "./support.js"

/** No LTC price until `open`; then the first request waits for `release` after saying it was asked. */
const gatedPrices = Effect.gen(function*() {
  const priced = yield* Ref.make(false)
  const asked = yield* Deferred.make<void>()
  const release = yield* Deferred.make<void>()
  const source = PriceSource.of({
    rate: (asset, fiat) =>
      Effect.flatMap(Ref.get(priced), (on) =>
        !on
          ? Effect.fail(new ServiceUnavailable({ service: "prices", detail: "none yet" }))
          : Deferred.succeed(asked, undefined).pipe(
            Effect.flatMap((first) => first ? Deferred.await(release) : Effect.void),
            Effect.zipRight(Effect.clockWith((c) => c.currentTimeMillis)),
            Effect.map((ms) => rate(asset, fiat, "80", new Date(ms)))
          ))
  })
  return { source, open: Ref.set(priced, true), asked: Deferred.await(asked), release: Deferred.succeed(release, undefined) }
})

const ltc = (address: string, over: Partial<ChainObservation> = {}): ChainObservation => ({
  asset: "LTC", txid: "dd01", index: 0, address, units: 50_000_000n, confirmations: 3, final: false, block: { height: 100, hash: "h100" }, ...over
})

const run = <A, E>(scenario: (gate: Effect.Effect.Success<typeof gatedPrices>) => Effect.Effect<A, E, ChainDeposits | DepositAddresses | Ledger | import("../src/index.js").Users>) =>
  Effect.gen(function*() {
    const gate = yield* gatedPrices
    const shop = ShopMemory({
      admins: new Set([ADMIN]),
      chain: { ...ShopConfig.defaults.chain, assets: ["LTC"], confirmations: { LTC: 3 } }
    }, {
      services: Layer.mergeAll(
        NotifierMemory, AddressDeriverMemory(), PaymentGatewayMemory(), WalletProcessorMemory(), AddressValidatorMemory,
        Layer.succeed(PriceSource, gate.source), BroadcasterMemory, ApprovalRunner.inline
      )
    })
    return yield* scenario(gate).pipe(Effect.provide(shop))
  })

/** A deposit confirmed without a price, the retry started and waiting for its price, then `meanwhile`. */
const retryAfter = (meanwhile: (chain: ChainDeposits["Type"], address: string) => Effect.Effect<unknown>) =>
  run((gate) =>
    Effect.gen(function*() {
      const chain = yield* ChainDeposits
      const user = yield* buyer()
      const { address } = yield* (yield* DepositAddresses).addressFor(user, "LTC")
      const [waiting] = yield* chain.observe({ watcher: "w", seen: [ltc(address)], vanished: [] })
      expect(waiting!.status).toBe("waiting_price")
      yield* gate.open
      const retry = yield* Effect.fork(chain.retryWaiting)
      yield* gate.asked
      yield* meanwhile(chain, address)
      yield* gate.release
      const credited = yield* Fiber.join(retry)
      const [record] = (yield* chain.mine(user, "LTC", { offset: 0, limit: 5 })).items
      return { credited, record: record!, balance: (yield* (yield* Ledger).balance(user)).available.amount }
    }))

describe("the price retry", () => {
  it.effect("credits a deposit nobody moved meanwhile", () =>
    Effect.gen(function*() {
      const out = yield* retryAfter(() => Effect.void)
      expect([out.credited, out.record.status, out.balance]).toEqual([1, "credited", 4000n])
    }))

  it.effect("does not credit a deposit whose transaction left the chain meanwhile", () =>
    Effect.gen(function*() {
      const out = yield* retryAfter((chain) => chain.observe({ watcher: "w", seen: [], vanished: [{ asset: "LTC", txid: "dd01", index: 0 }] }))
      expect([out.credited, out.record.status, out.balance]).toEqual([0, "vanished", 0n])
    }))

  it.effect("does not credit from the old block a deposit that a reorganisation moved, still waiting for its price", () =>
    Effect.gen(function*() {
      const out = yield* retryAfter((chain, address) =>
        chain.observe({ watcher: "w", seen: [ltc(address, { confirmations: 3, block: { height: 101, hash: "h101b" } })], vanished: [] }))
      // The watcher's own sighting asked for the price too (and got it once released); whatever it did, the
      // record holds the block the watcher saw last, never the old one.
      expect(out.record.blockHash).toBe("h101b")
    }))

  it.effect("does not credit a deposit a reorganisation put back to fewer confirmations", () =>
    Effect.gen(function*() {
      const out = yield* retryAfter((chain, address) =>
        chain.observe({ watcher: "w", seen: [ltc(address, { confirmations: 1, block: { height: 102, hash: "h102c" } })], vanished: [] }))
      expect([out.credited, out.record.status, out.record.blockHash, out.balance]).toEqual([0, "pending", "h102c", 0n])
    }))
})
