import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { type ChainDepositDraft, ChainDepositRepo, WatcherRepo } from "../../ChainDepositRepo.js"
import { freshName, freshTime, plus, registered, type ContractLayer, type StoragePorts } from "./support.js"

const draft = (user: ChainDepositDraft["user"], at: Date, over: Partial<ChainDepositDraft> = {}): ChainDepositDraft => ({
  asset: "LTC",
  txid: freshName("tx").replace(/\W/g, ""),
  index: 0,
  user,
  address: "ltc1qaddress",
  units: 123_456_789_012_345_678_901_234_567_890n,
  status: "pending",
  confirmations: 0,
  final: false,
  blockHeight: null,
  blockHash: null,
  depositId: null,
  holds: 0,
  settled: false,
  firstSeenAt: at,
  updatedAt: at,
  ...over
})

/** The ChainDepositRepo and WatcherRepo contracts. */
export const chainDepositRepoContract = (name: string, layer: ContractLayer<StoragePorts>) =>
  describe(`ChainDepositRepo contract: ${name}`, () => {
    it.live("put inserts or replaces by (asset, txid, index) and keeps exact amounts", () =>
      Effect.gen(function*() {
        const repo = yield* ChainDepositRepo
        const user = yield* registered()
        const t = freshTime()
        const a = yield* repo.put(draft(user, t))
        expect(a).toMatchObject({ ...draft(user, t, { txid: a.txid }), id: a.id })
        const b = yield* repo.put({ ...a, index: 1 })
        expect(b.id).not.toBe(a.id)
        const updated = yield* repo.put({ ...a, status: "credited", confirmations: 6, blockHeight: 100, blockHash: "h100", holds: 1, final: true, updatedAt: plus(t, 5) })
        expect(updated.id).toBe(a.id)
        expect(yield* repo.get(a)).toEqual(Option.some(updated))
        expect(yield* repo.get({ ...a, asset: "BTC" })).toEqual(Option.none())
        expect(updated.units).toBe(123_456_789_012_345_678_901_234_567_890n)
      }).pipe(Effect.provide(layer)))

    it.live("lists open ones, those in blocks from a height, by status, by user and newest first", () =>
      Effect.gen(function*() {
        const repo = yield* ChainDepositRepo
        const user = yield* registered()
        const t = freshTime()
        const asset = "BTC"
        const pending = yield* repo.put(draft(user, t, { asset, blockHeight: 10, blockHash: "a" }))
        const settled = yield* repo.put(draft(user, t, { asset, status: "credited", settled: true, blockHeight: 20, blockHash: "b" }))
        const fresh = yield* repo.put(draft(user, t, { asset, status: "credited", settled: false, blockHeight: 30, blockHash: "c" }))
        const gone = yield* repo.put(draft(user, t, { asset, status: "vanished" }))
        const open = (yield* repo.open(asset, { after: 0, limit: 10_000, heldSince: t })).map((d) => d.id)
        expect(open).toEqual(expect.arrayContaining([pending.id, fresh.id]))
        expect(open).not.toContain(settled.id)
        expect(open).not.toContain(gone.id)
        const high = (yield* repo.inBlocksFrom(asset, 20)).map((d) => d.id)
        expect(high).toEqual(expect.arrayContaining([settled.id, fresh.id]))
        expect(high).not.toContain(pending.id)
        expect((yield* repo.withStatus("vanished", 10_000)).map((d) => d.id)).toContain(gone.id)
        const mine = yield* repo.byUser(user, null, { offset: 0, limit: 3 })
        expect(mine.total).toBe(4)
        expect(mine.items.map((d) => d.id)).toEqual([gone.id, fresh.id, settled.id])
        expect((yield* repo.byUser(user, "LTC", { offset: 0, limit: 10 })).total).toBe(0)
        expect((yield* repo.recent({ offset: 0, limit: 1 })).items[0]!.id).toBeGreaterThanOrEqual(gone.id)
      }).pipe(Effect.provide(layer)))

    it.live("open ones are read in keyset pages by id, each once, all of them; a held one out of every block since before heldSince is left out", () =>
      Effect.gen(function*() {
        const repo = yield* ChainDepositRepo
        const user = yield* registered()
        const t = freshTime()
        const asset = "LTC"
        const mine: Array<number> = []
        for (let i = 0; i < 7; i++) mine.push((yield* repo.put(draft(user, t, { asset, status: i % 2 === 0 ? "pending" : "waiting_price" }))).id)
        const settled = yield* repo.put(draft(user, t, { asset, status: "credited", settled: true, blockHeight: 5, blockHash: "s" }))
        const old = plus(t, -8 * 86_400_000)
        const deadHeld = yield* repo.put(draft(user, old, { asset, status: "held", holds: 1 }))
        const heldInBlock = yield* repo.put(draft(user, old, { asset, status: "held", holds: 1, blockHeight: 7, blockHash: "b7" }))
        const heldLately = yield* repo.put(draft(user, t, { asset, status: "held", holds: 1 }))
        mine.push(heldInBlock.id, heldLately.id)
        const read: Array<number> = []
        let after = 0
        for (let pages = 0; pages < 10_000; pages++) {
          const page = yield* repo.open(asset, { after, limit: 3, heldSince: plus(t, -7 * 86_400_000) })
          expect(page.length).toBeLessThanOrEqual(3)
          read.push(...page.map((d) => d.id))
          if (page.length < 3) break
          after = page[page.length - 1]!.id
        }
        expect(read).toEqual([...read].sort((a, b) => a - b)) // oldest first, no page repeats another
        expect(new Set(read).size).toBe(read.length)
        expect(read).toEqual(expect.arrayContaining(mine))
        expect(read).not.toContain(settled.id)
        expect(read).not.toContain(deadHeld.id)
        expect((yield* repo.open(asset, { after: mine[6]!, limit: 1_000, heldSince: old })).map((d) => d.id)).toContain(heldLately.id)
        expect((yield* repo.open(asset, { after: mine[6]!, limit: 1_000, heldSince: old })).map((d) => d.id)).not.toContain(mine[6]!)
        expect((yield* repo.open(asset, { after: 0, limit: 100_000, heldSince: plus(old, 1) })).map((d) => d.id)).not.toContain(deadHeld.id)
        expect((yield* repo.open(asset, { after: 0, limit: 100_000, heldSince: old })).map((d) => d.id)).toContain(deadHeld.id)
        expect((yield* repo.withStatus("held", 100_000)).map((d) => d.id)).toContain(deadHeld.id) // the admins still see it
      }).pipe(Effect.provide(layer)))

    it.live("a watcher's cursor and last error are kept apart and listed by name", () =>
      Effect.gen(function*() {
        const repo = yield* WatcherRepo
        const name = freshName("watcher")
        const t = freshTime()
        expect(yield* repo.get(name)).toEqual(Option.none())
        yield* repo.recordError(name, "timeout", t)
        yield* repo.saveCursor(name, "{\"height\":5}", 5, plus(t, 1))
        yield* repo.saveCursor(name, "{\"height\":6}", null, plus(t, 2))
        const w = Option.getOrThrow(yield* repo.get(name))
        expect(w).toMatchObject({ name, cursor: "{\"height\":6}", height: 5, lastError: "timeout", lastErrorAt: t, updatedAt: plus(t, 2) })
        yield* repo.recordError(name, null, plus(t, 3))
        expect(Option.getOrThrow(yield* repo.get(name))).toMatchObject({ lastError: null, lastErrorAt: t, cursor: "{\"height\":6}" })
        expect((yield* repo.list).map((x) => x.name)).toContain(name)
      }).pipe(Effect.provide(layer)))
  })
