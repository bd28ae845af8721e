/**
 * PostgreSQL runs a serializable transaction again when it loses a race. Under `StorageMemoryRetrying`
 * every transaction does: its first attempt is rolled back at its end. Whatever a use case tells or
 * remembers must come from the attempt that committed.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { ApprovalRunner, Cart, Catalog, type ChainObservation, ChainDeposits, Checkout, DepositAddresses, idempotencyKey, Ledger, ShopConfig } from "../src/index.js"
import {
  AddressDeriverMemory, AddressValidatorMemory, BroadcasterMemory, EventLog, NotifierMemory, PaymentGatewayMemory,
  PriceSourceMemory, ShopMemory, StorageMemoryRetrying, WalletProcessorMemory
} from "../src/testing/index.js"
import { ADMIN, buyer, cli, fund, stock } from "./support.js"

const retryingShop = () =>
  ShopMemory({
    admins: new Set([ADMIN]),
    chain: { ...ShopConfig.defaults.chain, assets: ["LTC"], confirmations: { LTC: 3 }, minDeposit: { LTC: 100_000n } }
  }, {
    storage: StorageMemoryRetrying,
    services: Layer.mergeAll(
      NotifierMemory, AddressDeriverMemory(), PaymentGatewayMemory(), WalletProcessorMemory(), AddressValidatorMemory,
      PriceSourceMemory({ LTC: "80" }), BroadcasterMemory, ApprovalRunner.inline
    )
  })

const ltc = (address: string, over: Partial<ChainObservation> = {}): ChainObservation => ({
  asset: "LTC", txid: "cc01", index: 0, address, units: 50_000_000n, confirmations: 1, final: false, block: { height: 100, hash: "h100" }, ...over
})

describe("a transaction run again", () => {
  it.effect("a chain deposit: the buyer is told once that it was seen, once that it was credited, once that it was held", () =>
    Effect.gen(function*() {
      const chain = yield* ChainDeposits
      const events = yield* EventLog
      const user = yield* buyer()
      const { address } = yield* (yield* DepositAddresses).addressFor(user, "LTC")
      yield* chain.observe({ watcher: "w", seen: [ltc(address, { confirmations: 0, block: null })], vanished: [] })
      yield* chain.observe({ watcher: "w", seen: [ltc(address, { confirmations: 3 })], vanished: [] })
      yield* chain.observe({ watcher: "w", seen: [], vanished: [{ asset: "LTC", txid: "cc01", index: 0 }] })
      expect(yield* events.ofTag("DepositSeen")).toHaveLength(1)
      expect(yield* events.ofTag("DepositCredited")).toHaveLength(1)
      expect(yield* events.ofTag("DepositHeld")).toHaveLength(1)
      expect((yield* (yield* Ledger).balance(user)).available.amount).toBe(0n)
    }).pipe(Effect.provide(retryingShop())))

  it.effect("a deposit below the minimum: told once", () =>
    Effect.gen(function*() {
      const chain = yield* ChainDeposits
      const user = yield* buyer()
      const { address } = yield* (yield* DepositAddresses).addressFor(user, "LTC")
      yield* chain.observe({ watcher: "w", seen: [ltc(address, { asset: "LTC", units: 20_000n })], vanished: [] })
      expect(yield* (yield* EventLog).ofTag("DepositBelowMinimum")).toHaveLength(1)
    }).pipe(Effect.provide(retryingShop())))

  it.effect("an import: its report counts each line once, and every item is on sale under a subcategory that exists", () =>
    Effect.gen(function*() {
      const report = yield* (yield* Catalog).importFile(cli, "txt", ["Films;Noir;key;1.00;F1", "Films;Noir;key;1.00;F2"].join("\n"))
      expect(report).toEqual({ imported: 2, lines: [{ category: "Films", subcategory: "Noir", count: 2 }] })
      const user = yield* buyer()
      yield* fund(user, 10_000n)
      const sub = yield* stock(["Games;Steam;key;1.00;K1", "Games;Steam;key;1.00;K2", "Games;Origin;key;2.00;K3"])
      const cart = yield* Cart
      yield* cart.add(user, sub("Games/Steam"), 2)
      yield* cart.add(user, sub("Games/Origin"), 1)
      const bought = yield* (yield* Checkout).checkout(user, idempotencyKey("k1"))
      expect(bought.buy.items.map((i) => i.privateData).sort()).toEqual(["K1", "K2", "K3"])
      expect(yield* (yield* EventLog).ofTag("BuyCompleted")).toHaveLength(1)
    }).pipe(Effect.provide(retryingShop())))
})
