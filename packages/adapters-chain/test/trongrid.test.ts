/**
 * The TronGrid USDT source against a local fake of the API, through the per-address scanner into an
 * in-memory shop whose buyers get real TRON addresses (m/44'/195'/0'/0/i): 20 confirmations or
 * solidification, batch payouts, fingerprint paging and the mark, faults (500, 429, hangs,
 * malformed and spoiled answers, odd pages, a lagging event index), a payment that disappears or is
 * reorganised away, a restart, and the API key header.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { sha256 } from "@noble/hashes/sha2.js"
import { base58check } from "@scure/base"
import { describe, expect, it } from "@effect/vitest"
import { ChainDeposits, type ConfirmationPolicy, DepositAddresses, Ledger, ShopConfig, ShopLive, TelegramId, Users } from "@tokenshop/domain"
import {
  AddressValidatorMemory, EventLog, NotifierMemory, PaymentGatewayMemory, PriceSourceMemory, StorageMemory, WalletProcessorMemory
} from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Tracer from "effect/Tracer"
import { HdAddressDeriver } from "../src/derive/HdDeriver.js"
import { accountPublicKey } from "../src/derive/Offline.js"
import { ChainSourceError } from "../src/http/ChainHttp.js"
import { FakeTronGrid, tronHex } from "../src/testing/FakeTronGrid.js"
import { makeAddressScanner } from "../src/watchers/AddressScanner.js"
import { makeTronGridSource, type TronGridSettings, usdtTrc20Contract } from "../src/watchers/tron/TronGrid.js"
import { tronBase58 } from "../src/watchers/tron/TronGridJson.js"

const mnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
const shopWith = (confirmations: ConfirmationPolicy) =>
  ShopLive.pipe(
    Layer.provideMerge(StorageMemory),
    Layer.provideMerge(Layer.mergeAll(
      NotifierMemory, PaymentGatewayMemory(), WalletProcessorMemory(), AddressValidatorMemory, PriceSourceMemory(),
      Layer.orDie(HdAddressDeriver({ tron: { key: Either.getOrThrow(accountPublicKey(mnemonic, "", "tron")) } }))
    )),
    Layer.provideMerge(ShopConfig.layer({ chain: { ...ShopConfig.defaults.chain, assets: ["USDT_TRC20"], confirmations: { USDT_TRC20: confirmations } } })),
    Layer.provideMerge(FetchHttpClient.layer)
  )
const b58 = base58check(sha256)
const addressOf = (byte: number) => b58.encode(Uint8Array.from([0x41, ...new Array<number>(20).fill(byte)]))
const stranger = addressOf(0x33)
const otherToken = addressOf(0x44)
const usdt = (n: number) => BigInt(n) * 1_000_000n

const fakeTronGrid = Effect.acquireRelease(
  Effect.promise(async () => {
    const fake = new FakeTronGrid()
    await fake.start()
    return fake
  }),
  (fake) => Effect.promise(() => fake.stop())
)
const scannerOf = (fake: FakeTronGrid, extra: Partial<TronGridSettings> = {}) =>
  Effect.flatMap(
    makeTronGridSource({ name: "tron-trongrid", baseUrl: fake.url, requestsPerSecond: 1000, timeout: "250 millis", retries: 2, backoff: "10 millis", ...extra }),
    (source) => makeAddressScanner(source)
  )
const buyer = (id: number) =>
  Effect.gen(function*() {
    const user = (yield* (yield* Users).register({ id: TelegramId.make(id), username: null, language: "en" })).id
    const { address } = yield* (yield* DepositAddresses).addressFor(user, "USDT_TRC20")
    return { user, address }
  })
const deposits = (user: TelegramId) =>
  Effect.map(Effect.flatMap(ChainDeposits, (c) => c.mine(user, "USDT_TRC20", { offset: 0, limit: 100 })), (p) =>
    [...p.items].sort((a, b) => a.txid.localeCompare(b.txid) || a.index - b.index))
const balance = (user: TelegramId) => Effect.map(Effect.flatMap(Ledger, (l) => l.balance(user)), (b) => b.available.amount)
const events = <T extends "DepositSeen" | "DepositCredited" | "DepositHeld" | "DepositReleased">(tag: T) => Effect.flatMap(EventLog, (log) => log.ofTag(tag))
const listRequests = (fake: FakeTronGrid) => fake.requests.filter((r) => r.path.endsWith("/transactions/trc20"))

describe("TRON addresses", () => {
  it("are compared in Base58Check whether given as T…, 41… or 0x…", () => {
    const hex = tronHex(usdtTrc20Contract)
    expect(hex).toBe("0xa614f803b6fd780986a42c78ec9c7f77e6ded13c")
    expect(tronBase58(hex)).toBe(usdtTrc20Contract)
    expect(tronBase58("41" + hex.slice(2))).toBe(usdtTrc20Contract)
    expect(tronBase58(usdtTrc20Contract)).toBe(usdtTrc20Contract)
    expect(tronBase58("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u")).toBeNull() // checksum
    expect(tronBase58("0x1234")).toBeNull()
  })
})

describe("TronGrid per-address source", () => {
  it.scopedLive("with 20 confirmations: seen at 1 of 20, pending at 19, credited once at 20 (before it is solidified)", () =>
    Effect.gen(function*() {
      const fake = yield* fakeTronGrid
      fake.solidLag = 30
      const scanner = yield* scannerOf(fake)
      const a = yield* buyer(9001)
      expect(a.address).toBe("TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH") // m/44'/195'/0'/0/0 of the test mnemonic
      fake.send([{ to: a.address, value: usdt(5) }])
      fake.mine()
      yield* scanner.cycle
      expect((yield* deposits(a.user)).map((d) => [d.index, d.confirmations, d.final, d.status])).toEqual([[0, 1, false, "pending"]])
      expect((yield* events("DepositSeen")).map((e) => [e.confirmations, e.required])).toEqual([[1, 20]])
      fake.mine(18)
      yield* scanner.cycle
      expect((yield* deposits(a.user)).map((d) => [d.confirmations, d.status])).toEqual([[19, "pending"]])
      fake.mine()
      yield* scanner.cycle
      expect((yield* deposits(a.user)).map((d) => [d.confirmations, d.final, d.status])).toEqual([[20, false, "credited"]])
      expect(yield* balance(a.user)).toBe(500n)
      yield* scanner.cycle
      expect(yield* events("DepositCredited")).toHaveLength(1)
    }).pipe(Effect.provide(shopWith(20))))

  it.scopedLive("with \"final\": credited once its block is solidified, whatever the count", () =>
    Effect.gen(function*() {
      const fake = yield* fakeTronGrid
      fake.solidLag = 5
      const scanner = yield* scannerOf(fake)
      const a = yield* buyer(9002)
      fake.send([{ to: a.address, value: usdt(5) }])
      fake.mine(5)
      yield* scanner.cycle
      expect((yield* deposits(a.user)).map((d) => [d.confirmations, d.final, d.status])).toEqual([[5, false, "pending"]])
      fake.mine()
      yield* scanner.cycle
      expect((yield* deposits(a.user)).map((d) => [d.confirmations, d.final, d.status])).toEqual([[6, true, "credited"]])
      expect(yield* balance(a.user)).toBe(500n)
    }).pipe(Effect.provide(shopWith("final"))))

  it.scopedLive("a batch payout: each buyer once, two transfers to one address twice; other tokens and addresses are ignored; amounts exact", () =>
    Effect.gen(function*() {
      const fake = yield* fakeTronGrid
      const scanner = yield* scannerOf(fake)
      const a = yield* buyer(9003)
      const b = yield* buyer(9004)
      const c = yield* buyer(9005)
      const batch = fake.send([{ to: a.address, value: usdt(5) }, { to: b.address, value: usdt(7) }, { to: stranger, value: usdt(1) }, { to: a.address, value: usdt(3) }])
      // another token's transfer to the same address in a transaction that also pays USDT
      const mixed = fake.send([{ to: a.address, value: usdt(100), contract: otherToken }, { to: a.address, value: usdt(2) }, { to: c.address, value: 2n ** 64n + 1n }])
      fake.mine(20)
      yield* scanner.cycle
      const named = (d: { readonly txid: string; readonly index: number; readonly units: bigint }) =>
        `${d.txid === batch ? "batch" : d.txid === mixed ? "mixed" : d.txid}:${d.index}:${d.units}`
      expect((yield* deposits(a.user)).map(named).sort()).toEqual(["batch:0:5000000", "batch:3:3000000", "mixed:1:2000000"])
      expect((yield* deposits(b.user)).map(named)).toEqual(["batch:1:7000000"])
      expect((yield* deposits(c.user)).map(named)).toEqual(["mixed:2:18446744073709551617"])
      expect(yield* balance(a.user)).toBe(1000n)
      expect(yield* balance(b.user)).toBe(700n)
      yield* scanner.cycle
      expect(yield* events("DepositCredited")).toHaveLength(5)
    }).pipe(Effect.provide(shopWith(20))))

  it.scopedLive("every page is read by its fingerprint; the next poll starts an hour before the mark", () =>
    Effect.gen(function*() {
      const fake = yield* fakeTronGrid
      fake.pageCap = 10
      const scanner = yield* scannerOf(fake)
      const a = yield* buyer(9006)
      for (let i = 0; i < 25; i++) {
        fake.send([{ to: a.address, value: usdt(1) }])
        fake.mine()
      }
      fake.mine(20)
      yield* scanner.cycle
      expect(yield* deposits(a.user)).toHaveLength(25)
      expect(yield* balance(a.user)).toBe(2500n)
      expect(listRequests(fake).map((r) => r.query.has("fingerprint"))).toEqual([false, true, true])
      expect(listRequests(fake)[0]!.query.get("limit")).toBe("200")
      const [watched] = yield* (yield* ChainDeposits).watchedAddresses("tron")
      const newest = 1_700_000_000_000 + 3000 * 25 // the block time of the last transfer
      expect(watched?.mark).toBe(String(newest))
      yield* scanner.cycle
      expect(listRequests(fake)[3]!.query.get("min_timestamp")).toBe(String(newest - 3_600_000))
      expect(yield* events("DepositCredited")).toHaveLength(25)
    }).pipe(Effect.provide(shopWith(20))))

  it.scopedLive("the API key is sent in TRON-PRO-API-KEY only when one is set, and redacted in trace spans", () =>
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
      const headerAttributes = spans.flatMap((s) => [...s.attributes].filter(([k]) => k === "http.request.header.tron-pro-api-key"))
      expect(headerAttributes.length).toBeGreaterThan(0)
      expect(spans.flatMap((s) => [...s.attributes.values()]).map(String)).not.toContain("key-123")
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
      for (const spoil of spoilers) {
        spoil()
        const error = yield* Effect.flip(scanner.cycle)
        expect(error instanceof ChainSourceError && error.kind).toBe("decode")
      }
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
