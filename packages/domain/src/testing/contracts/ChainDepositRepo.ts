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
        const open = (yield* repo.open(asset, 10_000)).map((d) => d.id)
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
