import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as TestClock from "effect/TestClock"
import {
  ApprovalRunner, Cart, type ChainObservation, ChainDeposits, Checkout, idempotencyKey, DepositAddresses, Ledger, ShopConfig, ShopLive, step, type Progress
} from "../src/index.js"
import {
  AddressDeriverMemory, AddressValidatorMemory, BroadcasterMemory, chainDepositProperties, EventLog, NotifierMemory, PaymentGatewayMemory,
  PriceSourceMemory, StorageMemory, WalletProcessorMemory
} from "../src/testing/index.js"
import { ADMIN, admin, buyer, stock } from "./support.js"

const chainShop = (prices: Parameters<typeof PriceSourceMemory>[0] = { LTC: "80", BTC: "60000", SOL: "150" }) =>
  ShopLive.pipe(
    Layer.provideMerge(StorageMemory),
    Layer.provideMerge(Layer.mergeAll(BroadcasterMemory, ApprovalRunner.inline, NotifierMemory, PaymentGatewayMemory(), WalletProcessorMemory(), AddressValidatorMemory, AddressDeriverMemory(), PriceSourceMemory(prices))),
    Layer.provideMerge(ShopConfig.layer({
      admins: new Set([ADMIN]),
      chain: { ...ShopConfig.defaults.chain, assets: ["BTC", "LTC", "SOL"], confirmations: { LTC: 3 }, minDeposit: { LTC: 100_000n }, poolWarning: 3 }
    }))
  )

const ltc = (address: string, over: Partial<ChainObservation> = {}): ChainObservation => ({
  asset: "LTC", txid: "aa01", index: 0, address, units: 50_000_000n, confirmations: 1, final: false, block: { height: 100, hash: "h100" }, ...over
})
const balance = (user: Parameters<Ledger["Type"]["balance"]>[0]) => Effect.map(Effect.flatMap(Ledger, (l) => l.balance(user)), (b) => b.available.amount)

describe("the confirmation policy, step by step", () => {
  const rules = { required: 3, minimum: 10n, priced: true } as const
  const o = (confirmations: number, units = 100n): ChainObservation => ({
    asset: "LTC", txid: "t", index: 0, address: "a", units, confirmations, final: false, block: confirmations === 0 ? null : { height: 1, hash: "h" }
  })
  const after = (...sightings: ReadonlyArray<ChainObservation | "gone">) => {
    let current: Progress | null = null
    const actions: Array<string> = []
    for (const s of sightings) {
      const r = step(current, s === "gone" ? { _tag: "Vanished" } : { _tag: "Seen", observation: s }, rules)
      current = r.next
      actions.push(r.action)
    }
    return { status: current?.status ?? null, actions, holds: current?.holds ?? 0 }
  }
  it("seen, then credited once at the required depth", () => {
    expect(after(o(0), o(1), o(3), o(4), o(3))).toEqual({ status: "credited", actions: ["none", "none", "credit", "none", "none"], holds: 0 })
  })
  it("below the minimum: recorded, never credited", () => {
    expect(after(o(5, 9n), o(20, 9n)).status).toBe("below_minimum")
  })
  it("credited, back in the mempool or gone: held; confirmed again: released; and again", () => {
    expect(after(o(3), o(0), o(2), o(3), "gone", o(5))).toEqual({
      status: "credited", actions: ["credit", "hold", "none", "release", "hold", "release"], holds: 2
    })
  })
  it("never credited and gone: vanished; seen again, it starts over", () => {
    expect(after(o(1), "gone", o(0), o(3)).actions).toEqual(["none", "none", "none", "credit"])
    expect(after("gone").status).toBe(null)
  })
  it("no price: waits, and a later sighting with a price credits", () => {
    expect(step(null, { _tag: "Seen", observation: o(3) }, { ...rules, priced: false }).next?.status).toBe("waiting_price")
  })
  it("a chain with finality credits on final only when the policy says final", () => {
    const final = { ...o(1), final: true }
    expect(step(null, { _tag: "Seen", observation: o(50) }, { ...rules, required: "final" }).action).toBe("none")
    expect(step(null, { _tag: "Seen", observation: final }, { ...rules, required: "final" }).action).toBe("credit")
  })
})

describe("DepositAddresses", () => {
  it.effect("a buyer's address is made when they first pick the asset, kept for good, one index for every derived chain; a pool address for Solana", () =>
    Effect.gen(function*() {
      const addresses = yield* DepositAddresses
      const [a, b] = [yield* buyer(), yield* buyer()]
      expect(yield* addresses.open(a)).toEqual([])
      const first = [yield* addresses.addressFor(a, "BTC"), yield* addresses.addressFor(a, "LTC")]
      expect(first[0]!.index).toBe(first[1]!.index)
      expect((yield* addresses.open(a)).map((x) => x.address)).toEqual(first.map((x) => x.address))
      expect((yield* addresses.addressFor(a, "BTC")).address).toBe(first[0]!.address)
      const other = yield* addresses.addressFor(b, "LTC")
      expect(other.index).not.toBe(first[0]!.index)
      expect((yield* Effect.flip(addresses.addressFor(a, "SOL")))._tag).toBe("AddressPoolEmpty")
      expect((yield* (yield* EventLog).ofTag("AddressPoolLow")).map((e) => e.left)).toEqual([0])
      const pool = ["So11111111111111111111111111111111111111112", "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV", "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T", "8kfqCo6pfNfxMqPNgn8xzDqBqYuhgMTzPG3Tt8DjM1Xg"]
      expect((yield* Effect.flip(addresses.importPool({ kind: "telegram", id: a }, "solana", pool)))._tag).toBe("NotAdmin")
      expect((yield* Effect.flip(addresses.importPool(admin, "solana", ["0xnot-solana"])))._tag).toBe("InvalidInput")
      expect(yield* addresses.importPool(admin, "solana", pool)).toEqual({ added: 4, skipped: 0, left: 4 })
      const sol = yield* addresses.addressFor(a, "SOL")
      expect(sol.address).toBe(pool[0])
      expect((yield* addresses.addressFor(a, "SOL")).address).toBe(pool[0])
      expect((yield* addresses.addressFor(b, "SOL")).address).toBe(pool[1])
      expect((yield* (yield* EventLog).ofTag("AddressPoolLow")).map((e) => e.left)).toEqual([0, 2])
      expect((yield* Effect.flip(addresses.addressFor(a, "ETH")))._tag).toBe("InvalidInput")
      expect((yield* Effect.flip(addresses.preview("solana", 0)))._tag).toBe("InvalidInput")
    }).pipe(Effect.provide(chainShop())))
})

describe("ChainDeposits", () => {
  it.effect("seen, then credited once at its depth at the rate of that moment; two outputs of one transaction are two credits", () =>
    Effect.gen(function*() {
      const chain = yield* ChainDeposits
      const user = yield* buyer()
      const { address } = yield* (yield* DepositAddresses).addressFor(user, "LTC")
      const events = yield* EventLog
      yield* chain.observe({ watcher: "w", seen: [ltc(address, { confirmations: 0, block: null })], vanished: [] })
      expect((yield* events.ofTag("DepositSeen")).map((e) => [e.confirmations, e.required])).toEqual([[0, 3]])
      yield* chain.observe({ watcher: "w", seen: [ltc(address, { confirmations: 2 })], vanished: [] })
      expect(yield* balance(user)).toBe(0n)
      const report = { watcher: "w", seen: [ltc(address, { confirmations: 3 }), ltc(address, { confirmations: 3, index: 1, units: 25_000_000n })], vanished: [], cursor: { value: "c1", height: 102 } }
      yield* Effect.all([chain.observe(report), chain.observe(report), chain.observe(report)], { concurrency: "unbounded" })
      expect(yield* balance(user)).toBe(4000n + 2000n) // 0.5 LTC and 0.25 LTC at 80 USD
      expect(yield* events.ofTag("DepositCredited")).toHaveLength(2)
      expect(Option.getOrNull(yield* chain.cursor("w"))).toBe("c1")
      const mine = yield* chain.mine(user, "LTC", { offset: 0, limit: 10 })
      expect(mine.items.map((d) => [d.index, d.status])).toEqual([[1, "credited"], [0, "credited"]])
    }).pipe(Effect.provide(chainShop())))

  it.effect("below the minimum: recorded and the buyer told, not credited; a foreign address or a malformed sighting changes nothing", () =>
    Effect.gen(function*() {
      const chain = yield* ChainDeposits
      const user = yield* buyer()
      const { address } = yield* (yield* DepositAddresses).addressFor(user, "LTC")
      const out = yield* chain.observe({
        watcher: "w",
        seen: [
          ltc(address, { units: 99_999n, confirmations: 9 }),
          ltc("ltc1qsomeoneelse", { txid: "bb" }),
          ltc(address, { txid: "", index: 3 }),
          ltc(address, { txid: "cc", units: -5n }),
          ltc(address, { txid: "dd", confirmations: -1 })
        ],
        vanished: [{ asset: "LTC", txid: "never-seen", index: 0 }]
      })
      expect(out.map((d) => d.status)).toEqual(["below_minimum"])
      expect(yield* balance(user)).toBe(0n)
      expect(yield* (yield* EventLog).ofTag("DepositBelowMinimum")).toHaveLength(1)
    }).pipe(Effect.provide(chainShop())))

  it.effect("no price, or a stale one: the deposit waits, and is credited once a fresh price comes", () =>
    Effect.gen(function*() {
      const chain = yield* ChainDeposits
      const user = yield* buyer()
      const { address } = yield* (yield* DepositAddresses).addressFor(user, "BTC")
      const btc = ltc(address, { asset: "BTC", units: 100_000n, confirmations: 2 })
      const [d] = yield* chain.observe({ watcher: "w", seen: [btc], vanished: [] })
      expect(d!.status).toBe("waiting_price")
      expect(yield* (yield* EventLog).ofTag("DepositAwaitingPrice")).toHaveLength(1)
      expect(yield* chain.retryWaiting).toBe(0)
      expect(yield* balance(user)).toBe(0n)
    }).pipe(Effect.provide(chainShop({ LTC: "80" }))))

  it.effect("a credited deposit that leaves the chain is held (the balance may go below zero, checkout refused), and released when it returns", () =>
    Effect.gen(function*() {
      const chain = yield* ChainDeposits
      const user = yield* buyer()
      const sub = yield* stock(["Games;Steam;key;30.00;K1", "Games;Steam;key;30.00;K2"])
      const { address } = yield* (yield* DepositAddresses).addressFor(user, "LTC")
      yield* chain.observe({ watcher: "w", seen: [ltc(address, { confirmations: 3 })], vanished: [] })
      expect(yield* balance(user)).toBe(4000n)
      const cart = yield* Cart
      yield* cart.add(user, sub("Games/Steam"), 1)
      yield* (yield* Checkout).checkout(user, idempotencyKey("k1"))
      expect(yield* balance(user)).toBe(1000n)
      yield* chain.observe({ watcher: "w", seen: [], vanished: [{ asset: "LTC", txid: "aa01", index: 0 }] })
      yield* chain.observe({ watcher: "w", seen: [], vanished: [{ asset: "LTC", txid: "aa01", index: 0 }] })
      expect(yield* balance(user)).toBe(-3000n)
      expect(yield* (yield* EventLog).ofTag("DepositHeld")).toHaveLength(1)
      yield* cart.add(user, sub("Games/Steam"), 1)
      expect((yield* Effect.flip((yield* Checkout).checkout(user, idempotencyKey("k2"))))._tag).toBe("InsufficientFunds")
      yield* chain.observe({ watcher: "w", seen: [ltc(address, { confirmations: 1, block: { height: 101, hash: "h101b" } })], vanished: [] })
      expect(yield* balance(user)).toBe(-3000n)
      yield* chain.observe({ watcher: "w", seen: [ltc(address, { confirmations: 3, block: { height: 101, hash: "h101b" } })], vanished: [] })
      expect(yield* balance(user)).toBe(1000n)
      expect(yield* (yield* EventLog).ofTag("DepositReleased")).toHaveLength(1)
      const overview = yield* chain.overview(admin, { offset: 0, limit: 10 })
      expect(overview.recent.items.map((d) => d.status)).toEqual(["credited"])
      expect((yield* Effect.flip(chain.overview({ kind: "telegram", id: user }, { offset: 0, limit: 10 })))._tag).toBe("NotAdmin")
    }).pipe(Effect.provide(chainShop())))

  it.effect("a price older than five minutes is not used", () =>
    Effect.gen(function*() {
      const chain = yield* ChainDeposits
      const user = yield* buyer()
      const { address } = yield* (yield* DepositAddresses).addressFor(user, "LTC")
      yield* TestClock.adjust("1 hour")
      // PriceSourceMemory stamps its prices with the current time, so they are fresh: credited.
      yield* chain.observe({ watcher: "w", seen: [ltc(address, { confirmations: 3 })], vanished: [] })
      expect(yield* balance(user)).toBe(4000n)
    }).pipe(Effect.provide(chainShop())))
})

describe("chain deposit properties (in memory)", () => {
  chainDepositProperties("memory", undefined, { numRuns: 300 })
})
