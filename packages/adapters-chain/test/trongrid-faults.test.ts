/**
 * The TronGrid source's faults: the API key header, 500, 429, hangs, malformed and spoiled answers,
 * odd pages, a lagging event index, a payment that disappears or is reorganised away, and a restart.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Tracer from "effect/Tracer"
import { ChainSourceError } from "../src/http/ChainHttp.js"
import { balance, buyer, deposits, events, fakeTronGrid, listRequests, scannerOf, shopWith, usdt } from "./support/tronShop.js"
import { failsToDecodeAfterEach } from "./support/chainShop.js"

describe("TronGrid per-address source: faults", () => {
  it.scopedLive("the API key is sent in TRON-PRO-API-KEY only when one is set, and never in a trace span", () =>
    Effect.gen(function*() {
      const fake = yield* fakeTronGrid
      yield* buyer(9007)
      const native = yield* Effect.tracer
      const spans: Array<Tracer.Span> = []
      const recording = Tracer.make({ span: (...args) => {
        const span = native.span(...args)
        spans.push(span)
        return span
      }, context: native.context })
      yield* (yield* scannerOf(fake, { apiKey: Redacted.make("key-123") })).cycle.pipe(Effect.withTracer(recording))
      const keyed = fake.requests.length
      expect(fake.requests.map((r) => r.headers["tron-pro-api-key"])).toEqual(new Array(keyed).fill("key-123"))
      const requestSpans = spans.filter((s) => s.name.startsWith("tron-trongrid "))
      expect(requestSpans.length).toBeGreaterThan(0)
      expect(requestSpans.map((s) => s.attributes.get("server.address"))).toContain(new URL(fake.url).origin)
      expect(spans.flatMap((s) => [...s.attributes]).map(String).join("\n")).not.toContain("key-123")
      yield* (yield* scannerOf(fake)).cycle
      expect(fake.requests.slice(keyed).map((r) => r.headers["tron-pro-api-key"])).toEqual(new Array(fake.requests.length - keyed).fill(undefined))
    }).pipe(Effect.provide(shopWith(20))))

  it.scopedLive("a 500 is retried; a 429 waits for its Retry-After; a hang times out, fails the cycle and changes nothing", () =>
    Effect.gen(function*() {
      const fake = yield* fakeTronGrid
      const scanner = yield* scannerOf(fake)
      const a = yield* buyer(9008)
      fake.send([{ to: a.address, value: usdt(5) }])
      fake.mine(20)
      fake.server.faults.hangs = 3
      const error = yield* Effect.flip(scanner.cycle)
      expect(error instanceof ChainSourceError && error.kind).toBe("timeout")
      expect(yield* deposits(a.user)).toEqual([])
      fake.server.faults.serverErrors = 1
      yield* scanner.cycle
      expect(yield* balance(a.user)).toBe(500n)
      fake.send([{ to: a.address, value: usdt(5) }])
      fake.mine(20)
      fake.server.faults.rateLimited = 1
      fake.server.faults.retryAfterSeconds = 1
      const started = Date.now()
      yield* scanner.cycle
      expect(Date.now() - started).toBeGreaterThanOrEqual(950)
      expect(yield* balance(a.user)).toBe(1000n)
    }).pipe(Effect.provide(shopWith(20))))

  it.scopedLive("a malformed or spoiled answer is a decode error and nothing is recorded", () =>
    Effect.gen(function*() {
      const fake = yield* fakeTronGrid
      const scanner = yield* scannerOf(fake)
      const a = yield* buyer(9009)
      fake.send([{ to: a.address, value: usdt(5) }])
      fake.mine(20)
      const spoilers: Array<() => void> = [
        () => void (fake.server.faults.malformed = 1),
        ...(["negative", "address", "txid"] as const).map((c) => () => void fake.faults.corrupt.push(c))
      ]
      yield* failsToDecodeAfterEach(scanner.cycle, spoilers)
      expect(yield* deposits(a.user)).toEqual([])
      yield* scanner.cycle
      expect(yield* balance(a.user)).toBe(500n)
    }).pipe(Effect.provide(shopWith(20))))

  it.scopedLive("duplicated and reordered pages credit each payment once", () =>
    Effect.gen(function*() {
      const fake = yield* fakeTronGrid
      fake.pageCap = 10
      const scanner = yield* scannerOf(fake)
      const a = yield* buyer(9010)
      for (let i = 0; i < 25; i++) fake.send([{ to: a.address, value: usdt(1) }, { to: a.address, value: usdt(1) }])
      fake.mine(20)
      fake.faults.duplicates = 2
      fake.faults.reorders = 2
      yield* scanner.cycle
      yield* scanner.cycle
      expect(yield* deposits(a.user)).toHaveLength(50)
      expect(yield* events("DepositCredited")).toHaveLength(50)
      expect(yield* balance(a.user)).toBe(5000n)
    }).pipe(Effect.provide(shopWith(20))))

  it.scopedLive("a lagging event index holds nothing; a payment that disappears or is reorganised away is held, mined again released", () =>
    Effect.gen(function*() {
      const fake = yield* fakeTronGrid
      const scanner = yield* scannerOf(fake)
      const a = yield* buyer(9011)
      const first = fake.send([{ to: a.address, value: usdt(5) }])
      fake.mine(3)
      yield* scanner.cycle
      expect(yield* balance(a.user)).toBe(500n)
      fake.faults.unindexed.add(first) // the node still has it in a block
      yield* scanner.cycle
      expect(yield* events("DepositHeld")).toHaveLength(0)
      expect(fake.requests.some((r) => r.path === "/wallet/gettransactioninfobyid")).toBe(true)
      fake.faults.unindexed.clear()
      fake.drop(first)
      yield* scanner.cycle
      expect(yield* balance(a.user)).toBe(0n)
      const second = fake.send([{ to: a.address, value: usdt(5) }])
      fake.mine(3)
      yield* scanner.cycle
      expect(yield* balance(a.user)).toBe(500n)
      fake.reorg(3) // its block is replaced; it waits for a block again
      yield* scanner.cycle
      expect(yield* balance(a.user)).toBe(0n)
      expect(yield* events("DepositHeld")).toHaveLength(2)
      fake.mine(3)
      expect(fake.blockOf(second)).not.toBeNull()
      yield* scanner.cycle
      expect(yield* balance(a.user)).toBe(500n)
      expect(yield* events("DepositReleased")).toHaveLength(1)
    }).pipe(Effect.provide(shopWith(3))))

  it.scopedLive("a restart (a new source and scanner over the same shop) resumes from the marks and credits nothing twice", () =>
    Effect.gen(function*() {
      const fake = yield* fakeTronGrid
      const a = yield* buyer(9012)
      for (let i = 0; i < 3; i++) fake.send([{ to: a.address, value: usdt(5) }])
      fake.mine(20)
      yield* (yield* scannerOf(fake)).cycle
      expect(yield* balance(a.user)).toBe(1500n)
      const read = listRequests(fake).length
      yield* (yield* scannerOf(fake)).cycle
      expect(listRequests(fake).slice(read).map((r) => r.query.has("min_timestamp"))).toEqual([true])
      expect(yield* balance(a.user)).toBe(1500n)
      expect(yield* events("DepositCredited")).toHaveLength(3)
    }).pipe(Effect.provide(shopWith(20))))
})
