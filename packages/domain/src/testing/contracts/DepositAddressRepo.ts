import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { DepositAddressRepo } from "../../DepositAddresses.js"
import { Transactor } from "../../Transactor.js"
import { freshName, freshTime, plus, registered, type ContractLayer, type StoragePorts } from "./support.js"

const address = (prefix: string) => freshName(prefix).replace(/\W/g, "")

/** The DepositAddressRepo contract: one index per buyer, one address per buyer and network, windows, marks, pools. */
export const depositAddressRepoContract = (name: string, layer: ContractLayer<StoragePorts>) =>
  describe(`DepositAddressRepo contract: ${name}`, () => {
    it.live("gives each buyer one index, the same ever after, and never one twice, also when asked at once", () =>
      Effect.gen(function*() {
        const repo = yield* DepositAddressRepo
        const users = yield* Effect.forEach(Array.from({ length: 8 }), () => registered())
        const first = yield* Effect.forEach(users, (u) => repo.indexOf(u), { concurrency: "unbounded" })
        const again = yield* Effect.forEach([...users].reverse(), (u) => repo.indexOf(u), { concurrency: "unbounded" })
        expect(new Set(first).size).toBe(users.length)
        expect([...again].reverse()).toEqual(first)
        for (const i of first) expect(Number.isSafeInteger(i) && i >= 0).toBe(true)
      }).pipe(Effect.provide(layer)))

    it.live("stores one address per buyer and network; finds it by user and by address; a repeat keeps the first", () =>
      Effect.gen(function*() {
        const repo = yield* DepositAddressRepo
        const user = yield* registered()
        const t = freshTime()
        const a = address("bc1q")
        const saved = yield* repo.save({ user, network: "bitcoin", index: 7, address: a, createdAt: t, watchUntil: plus(t, 1000) })
        expect(saved).toMatchObject({ user, network: "bitcoin", index: 7, address: a, mark: null })
        const again = yield* repo.save({ user, network: "bitcoin", index: 8, address: address("bc1q"), createdAt: t, watchUntil: t })
        expect(again).toEqual(saved)
        expect(yield* repo.find(user, "bitcoin")).toEqual(Option.some(saved))
        expect(yield* repo.find(user, "litecoin")).toEqual(Option.none())
        expect(yield* repo.byAddress("bitcoin", a)).toEqual(Option.some(saved))
        expect(yield* repo.byAddress("litecoin", a)).toEqual(Option.none())
        const eth = yield* repo.save({ user, network: "ethereum", index: 7, address: address("0x"), createdAt: t, watchUntil: t })
        expect((yield* repo.forUser(user)).map((x) => x.network)).toEqual(["bitcoin", "ethereum"])
        expect(eth.id > saved.id).toBe(true)
      }).pipe(Effect.provide(layer)))

    it.live("watch windows only grow; watched lists open windows; list pages by id; marks are kept per address", () =>
      Effect.gen(function*() {
        const repo = yield* DepositAddressRepo
        const t = freshTime()
        const [u1, u2] = [yield* registered(), yield* registered()]
        const a1 = yield* repo.save({ user: u1, network: "tron", index: 1, address: address("T"), createdAt: t, watchUntil: plus(t, 10) })
        const a2 = yield* repo.save({ user: u2, network: "tron", index: 2, address: address("T"), createdAt: t, watchUntil: plus(t, 10) })
        yield* repo.watch(u2, plus(t, 5_000))
        yield* repo.watch(u2, plus(t, 1_000)) // never shortens
        const open = (yield* repo.watched("tron", plus(t, 100))).map((a) => a.address)
        expect(open).toContain(a2.address)
        expect(open).not.toContain(a1.address)
        const after = yield* repo.list("tron", a1.id, 1000)
        expect(after.map((a) => a.address)).toContain(a2.address)
        expect(after.map((a) => a.address)).not.toContain(a1.address)
        expect((yield* repo.list("tron", 0, 1)).length).toBe(1)
        expect(yield* repo.count("tron")).toBeGreaterThanOrEqual(2)
        yield* repo.setMark("tron", a1.address, "mark-1")
        expect(Option.map(yield* repo.byAddress("tron", a1.address), (a) => a.mark)).toEqual(Option.some("mark-1"))
        expect(Option.map(yield* repo.byAddress("tron", a2.address), (a) => a.mark)).toEqual(Option.some(null))
      }).pipe(Effect.provide(layer)))

    it.live("a pool hands out its addresses oldest first, each to one buyer, and counts what is left", () =>
      Effect.gen(function*() {
        const repo = yield* DepositAddressRepo
        const tx = yield* Transactor
        const t = freshTime()
        const pool = Array.from({ length: 5 }, () => address("So"))
        const left0 = yield* repo.poolLeft("solana")
        expect(yield* repo.addToPool("solana", [...pool, pool[0]!])).toEqual({ added: 5, skipped: 1 })
        expect(yield* repo.addToPool("solana", pool.slice(0, 2))).toEqual({ added: 0, skipped: 2 })
        expect(yield* repo.poolLeft("solana")).toBe(left0 + 5)
        // Drain what other tests left first, so that this test's addresses come out in order.
        for (let i = 0; i < left0; i++) yield* tx.withTransaction(repo.takeFromPool(yield* registered(), "solana", t, t))
        const users = yield* Effect.forEach(pool, () => registered())
        const taken = yield* Effect.forEach(users, (u) => tx.withTransaction(repo.takeFromPool(u, "solana", t, plus(t, 1))), { concurrency: "unbounded" })
        expect(new Set(taken.map((o) => Option.getOrThrow(o).address))).toEqual(new Set(pool))
        expect(yield* repo.poolLeft("solana")).toBe(0)
        const again = yield* repo.takeFromPool(users[0]!, "solana", t, t)
        expect(Option.map(again, (a) => a.address)).toEqual(Option.map(taken[0]!, (a) => a.address))
        expect(yield* repo.takeFromPool(yield* registered(), "solana", t, t)).toEqual(Option.none())
        // an address given to a buyer is not taken into the pool again
        expect(yield* repo.addToPool("solana", [Option.getOrThrow(taken[1]!).address])).toEqual({ added: 0, skipped: 1 })
      }).pipe(Effect.provide(layer)))
  })
