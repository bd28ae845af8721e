/**
 * The TronGrid USDT source against a local fake of the API, through the per-address scanner into an
 * in-memory shop whose buyers get real TRON addresses (m/44'/195'/0'/0/i): 20 confirmations or
 * solidification, batch payouts, fingerprint paging and the mark, faults (500, 429, hangs,
 * malformed and spoiled answers, odd pages, a lagging event index), a payment that disappears or is
 * reorganised away, a restart, and the API key header.
 */
import { describe, expect, it } from "@effect/vitest"
import { ChainDeposits } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import { tronHex } from "../src/testing/FakeTronGrid.js"
import { makeAddressScanner } from "../src/watchers/AddressScanner.js"
import { makeTronGridSource, usdtTrc20Contract } from "../src/watchers/tron/TronGrid.js"
import { tronBase58 } from "../src/watchers/tron/TronGridJson.js"
import { balance, buyer, deposits, events, fakeTronGrid, listRequests, otherToken, scannerOf, shopWith, stranger, usdt } from "./support/tronShop.js"

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

  it.scopedLive("more transfers than an address's budget: read in pieces, each poll going on from the last solidified one read", () =>
    Effect.gen(function*() {
      const fake = yield* fakeTronGrid
      fake.pageCap = 2
      const source = yield* makeTronGridSource({ name: "tron-trongrid", baseUrl: fake.url, requestsPerSecond: 1000 })
      const scanner = yield* makeAddressScanner(source, { requestsPerAddress: 4 }) // a page, then events and block of one or two transfers
      const a = yield* buyer(9007)
      for (let i = 0; i < 6; i++) {
        fake.send([{ to: a.address, value: usdt(1) }])
        fake.mine()
      }
      fake.mine(20)
      const marks: Array<string | null> = []
      for (let i = 0; i < 12 && !/^\d+$/.test(marks.at(-1) ?? ""); i++) {
        yield* scanner.cycle
        marks.push((yield* (yield* ChainDeposits).watchedAddresses("tron"))[0]!.mark)
      }
      expect(marks.length).toBeGreaterThanOrEqual(3)
      expect(marks.slice(0, -1).every((m) => m?.endsWith(":piece"))).toBe(true)
      expect(marks.at(-1)).toBe(String(1_700_000_000_000 + 3000 * 6))
      expect(listRequests(fake).slice(1).map((r) => r.query.get("min_timestamp"))).toContain(marks[0]!.replace(":piece", "")) // no hour before it
      expect(yield* deposits(a.user)).toHaveLength(6)
      expect(yield* events("DepositCredited")).toHaveLength(6)
    }).pipe(Effect.provide(shopWith(20))))
})
