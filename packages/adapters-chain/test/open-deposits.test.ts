/**
 * The open payments every scanner re-checks are read from the shop in pages, never capped: 1,500 of
 * them (one cheap transaction with 1,500 outputs, left in the mempool) do not keep a new payment from
 * being confirmed and credited in the next cycle, by either scanner. A held payment out of every
 * block for a week is no longer asked about, and the admins still see it among the held.
 */
import { describe, expect, it } from "@effect/vitest"
import { ChainDeposits, type ChainObservation, operator } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as TestClock from "effect/TestClock"
import { makeAddressScanner } from "../src/watchers/AddressScanner.js"
import { makeBlockScanner } from "../src/watchers/BlockScanner.js"
import type { AddressSource } from "../src/watchers/Sources.js"
import { balance, buyerOf, chainShop, depositsIn } from "./support/chainShop.js"
import { memoryChain } from "../src/testing/MemoryChain.js"

const shop = chainShop({ assets: ["LTC"], confirmations: { LTC: 3 } })
const flood = 1_500

/** A spammer's transaction with `flood` outputs to `address`, seen in the mempool: all of them open, for good. */
const openMany = (c: ReturnType<typeof memoryChain>, address: string) =>
  Effect.gen(function*() {
    c.send("flood", Array.from({ length: flood }, () => ({ address, units: 200_000n })))
    const seen = Array.from({ length: flood }, (_, index): ChainObservation => ({
      asset: "LTC", txid: "flood", index, address, units: 200_000n, confirmations: 0, final: false, block: null
    }))
    yield* (yield* ChainDeposits).observe({ watcher: "test", seen, vanished: [] })
    expect((yield* (yield* ChainDeposits).open("LTC", 0, 10_000)).length).toBe(flood)
  })

/** The memory chain asked per address: an address's payments in blocks above its mark (a height); the mark moves to the tip. */
const perAddress = (c: ReturnType<typeof memoryChain>): AddressSource => ({
  name: "ltc-addresses", network: "litecoin", assets: ["LTC"],
  begin: Effect.map(c.source.tip, (tip) => {
    const sighting = (o: Omit<ChainObservation, "asset" | "confirmations" | "final" | "block">, height: number | null, hash: string | null): ChainObservation => ({
      ...o, asset: "LTC", final: false, confirmations: height === null ? 0 : tip - height + 1, block: height === null ? null : { height, hash: hash! }
    })
    return {
      history: (address, mark) =>
        Effect.gen(function*() {
          const observations: Array<ChainObservation> = []
          for (let h = mark === null ? 0 : Number(mark) + 1; h <= tip; h++) {
            const block = yield* c.source.block(h, (a) => a === address ? a : null)
            for (const p of block.payments) observations.push(sighting(p, h, block.hash))
          }
          return { observations, mark: String(tip) }
        }),
      locate: (d) =>
        Effect.map(c.source.locate(d.txid), (place) =>
          place._tag === "Gone" ? "gone" as const : sighting(d, place._tag === "Block" ? place.height : null, place._tag === "Block" ? place.hash : null))
    }
  })
})

const statuses = (user: Parameters<typeof depositsIn>[0]) => Effect.map(depositsIn(user, "LTC"), (ds) => ds.map((d) => [d.txid, d.status, d.confirmations]))

describe("open payments are read in pages", () => {
  it.effect("block scanner: with 1,500 open payments, a new one is credited in the cycle after it is confirmed", () =>
    Effect.gen(function*() {
      const c = memoryChain()
      c.mine([])
      const spammer = yield* buyerOf(7101, "LTC")
      const buyer = yield* buyerOf(7102, "LTC")
      const scanner = yield* makeBlockScanner(c.source, { startHeight: 0 })
      yield* openMany(c, spammer.address)
      c.send("pay", [{ address: buyer.address, units: 10_000_000n }])
      c.mine(["pay"])
      yield* scanner.cycle
      expect(yield* statuses(buyer.user)).toEqual([["pay", "pending", 1]])
      c.mine([])
      c.mine([])
      yield* scanner.cycle // its block was read last cycle: only the re-check of the open payments sees it confirmed
      expect(yield* statuses(buyer.user)).toEqual([["pay", "credited", 3]])
      expect(yield* balance(buyer.user)).toBe(800n) // 0.1 LTC at 80 USD
    }).pipe(Effect.provide(shop)), 60_000)

  it.effect("per-address scanner: with 1,500 open payments, a new one is credited in the cycle after it is confirmed", () =>
    Effect.gen(function*() {
      const c = memoryChain()
      c.mine([])
      const spammer = yield* buyerOf(7201, "LTC")
      const buyer = yield* buyerOf(7202, "LTC")
      const scanner = yield* makeAddressScanner(perAddress(c))
      yield* openMany(c, spammer.address)
      c.send("pay", [{ address: buyer.address, units: 10_000_000n }])
      c.mine(["pay"])
      yield* scanner.cycle
      expect(yield* statuses(buyer.user)).toEqual([["pay", "pending", 1]])
      c.mine([])
      c.mine([])
      yield* scanner.cycle // past the buyer's mark: only the re-check of the open payments sees it confirmed
      expect(yield* statuses(buyer.user)).toEqual([["pay", "credited", 3]])
      expect(yield* balance(buyer.user)).toBe(800n)
    }).pipe(Effect.provide(shop)), 60_000)

  it.effect("a held payment out of every block for 7 days is no longer asked about; the admins still see it held", () =>
    Effect.gen(function*() {
      const c = memoryChain()
      c.mine([])
      const buyer = yield* buyerOf(7301, "LTC")
      const scanner = yield* makeBlockScanner(c.source, { startHeight: 0 })
      c.send("t", [{ address: buyer.address, units: 10_000_000n }])
      c.mine()
      c.mine([])
      c.mine([])
      yield* scanner.cycle
      expect(yield* balance(buyer.user)).toBe(800n)
      c.reorg(1, ["t"]) // dropped for good: a dead leftover of the abandoned branch
      yield* scanner.cycle
      expect(yield* statuses(buyer.user)).toEqual([["t", "held", 0]])
      const asked = (days: number) =>
        Effect.gen(function*() {
          yield* TestClock.adjust(`${days} days`)
          const before = c.calls.locate
          yield* scanner.cycle
          return c.calls.locate - before
        })
      expect(yield* asked(0)).toBe(1)
      expect(yield* asked(6)).toBe(1) // still asked within the week
      expect(yield* asked(2)).toBe(0) // 8 days since it was last in a block
      expect(yield* asked(1)).toBe(0)
      const overview = yield* (yield* ChainDeposits).overview(operator("test"), { offset: 0, limit: 10 })
      expect(overview.held.map((d) => d.txid)).toEqual(["t"])
      expect(yield* balance(buyer.user)).toBe(0n)
    }).pipe(Effect.provide(shop)), 60_000)
})
