/**
 * The two scanning strategies against in-memory chains: block scanning with reorganisations and a
 * restart, and per-address scanning whose cost per poll does not grow with the number of buyers.
 */
import { describe, expect, it } from "@effect/vitest"
import { ChainDeposits, DepositAddresses, TelegramId, Users } from "@tokenshop/domain"
import { EventLog, memoryAddress } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import * as TestClock from "effect/TestClock"
import { makeAddressScanner } from "../src/watchers/AddressScanner.js"
import { makeBlockScanner } from "../src/watchers/BlockScanner.js"
import type { AddressSource } from "../src/watchers/Sources.js"
import { balance, buyerOf, chainShop } from "./support/chainShop.js"
import { memoryChain } from "../src/testing/MemoryChain.js"

const shop = chainShop({ assets: ["LTC", "SOL"], confirmations: { LTC: 3 } })

const buyerWithAddress = (id: number) => buyerOf(id, "LTC")

describe("block scanning", () => {
  it.effect("two outputs to one address in one transaction are two credits, each once, after 3 confirmations; a restart repeats nothing", () =>
    Effect.gen(function*() {
      const c = memoryChain()
      c.mine([])
      const { address, user } = yield* buyerWithAddress(7001)
      let scanner = yield* makeBlockScanner(c.source, { startHeight: 0 })
      c.send("t1", [{ address, units: 50_000_000n }, { address: "ltc1qstranger", units: 1n }, { address: address.toUpperCase(), units: 25_000_000n }])
      c.mine()
      yield* scanner.cycle
      expect((yield* (yield* ChainDeposits).mine(user, "LTC", { offset: 0, limit: 10 })).items.map((d) => [d.index, d.confirmations, d.status]))
        .toEqual([[2, 1, "pending"], [0, 1, "pending"]])
      c.mine([])
      c.mine([])
      const read = c.calls.block
      scanner = yield* makeBlockScanner(c.source, { startHeight: 0 }) // a restart: resumes from the stored cursor
      yield* scanner.cycle
      expect(c.calls.block - read).toBe(2) // only the two new blocks
      expect(yield* balance(user)).toBe(6000n) // 0.75 LTC at 80 USD
      yield* scanner.cycle
      expect(yield* balance(user)).toBe(6000n)
      expect(yield* (yield* EventLog).ofTag("DepositCredited")).toHaveLength(2)
    }).pipe(Effect.provide(shop)))

  it.effect("a reorganisation that drops a credited transaction holds it; mined again and confirmed, it is released", () =>
    Effect.gen(function*() {
      const c = memoryChain()
      c.mine([])
      const { address, user } = yield* buyerWithAddress(7002)
      const scanner = yield* makeBlockScanner(c.source, { startHeight: 0 })
      c.send("t2", [{ address, units: 10_000_000n }])
      c.mine()
      c.mine([])
      c.mine([])
      yield* scanner.cycle
      expect(yield* balance(user)).toBe(800n)
      c.reorg(1) // t2's block is replaced; t2 is back in the mempool
      yield* scanner.cycle
      expect(yield* balance(user)).toBe(0n)
      expect(yield* (yield* EventLog).ofTag("DepositHeld")).toHaveLength(1)
      c.mine()
      c.mine([])
      c.mine([])
      yield* scanner.cycle
      expect(yield* balance(user)).toBe(800n)
      expect(yield* (yield* EventLog).ofTag("DepositReleased")).toHaveLength(1)
      c.reorg(2, ["t2"]) // dropped for good (a double spend)
      yield* scanner.cycle
      expect(yield* balance(user)).toBe(0n)
      const [d] = (yield* (yield* ChainDeposits).mine(user, "LTC", { offset: 0, limit: 1 })).items
      expect(d!.status).toBe("held")
    }).pipe(Effect.provide(shop)))
})

describe("per-address scanning", () => {
  const perAddress = (calls: { history: number }) => ({
    name: "sol-memory", network: "solana", assets: ["SOL"],
    begin: Effect.succeed({
      history: () => Effect.sync(() => (calls.history++, { observations: [], mark: "m" })),
      locate: () => Effect.succeed("gone" as const)
    })
  }) satisfies AddressSource

  const withBuyers = (n: number, open: number) =>
    Effect.gen(function*() {
      const addresses = yield* DepositAddresses
      const users = yield* Users
      const pool = Array.from({ length: n }, (_, i) => memoryAddress("solana", 500_000 + i))
      yield* addresses.importPool({ kind: "operator", name: "test" }, "solana", pool)
      for (let i = 0; i < n; i++) {
        const user = (yield* users.register({ id: TelegramId.make(10_000 + i), username: null, language: "en" })).id
        yield* addresses.addressFor(user, "SOL")
      }
      // every window closed, then `open` buyers open Top up again
      yield* TestClock.adjust("25 hours")
      for (let i = n - open; i < n; i++) yield* addresses.addressFor(TelegramId.make(10_000 + i), "SOL")
    })

  it.effect("a poll asks about the open windows only, plus the slow pass's share: the same for 100 or 600 buyers", () =>
    Effect.gen(function*() {
      const counts: Array<number> = []
      for (const n of [100, 600]) {
        const calls = { history: 0 }
        yield* Effect.gen(function*() {
          yield* withBuyers(n, 10)
          const scanner = yield* makeAddressScanner(perAddress(calls), { interval: "30 seconds", passEvery: "24 hours" })
          yield* scanner.cycle // the first poll starts the slow pass: 10 open + ceil(n / 2880)
          const first = calls.history
          yield* scanner.cycle
          counts.push(first, calls.history - first)
        }).pipe(Effect.provide(shop))
      }
      expect(counts).toEqual([11, 11, 11, 11]) // 10 open windows + the slow pass's one address a poll
    }), 60_000)
})
