/**
 * The Esplora source against a local fake of the API, through the per-address scanner into an
 * in-memory shop whose buyers get real BIP84 addresses: confirmations, several outputs, paging,
 * the mark, faults (500, 429, hangs, malformed and spoiled answers, odd pages), a payment that
 * disappears or goes back to the mempool, and a restart.
 */
import { describe, expect, it } from "@effect/vitest"
import { ChainDeposits, type TelegramId } from "@tokenshop/domain"
import { EventLog } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import { ChainSourceError } from "../src/http/ChainHttp.js"
import { FakeEsplora } from "../src/testing/FakeEsplora.js"
import { makeAddressScanner } from "../src/watchers/AddressScanner.js"
import { type EsploraSettings, makeEsploraSource } from "../src/watchers/bitcoin/Esplora.js"
import { accountKey, balance, buyerOf, chainShop, depositsIn, failsToDecodeAfterEach, hdDeriver, serving } from "./support/chainShop.js"

const shop = chainShop({ assets: ["BTC"] }, hdDeriver({ bitcoin: { key: accountKey("bitcoin") } })) // BTC: 2 confirmations by default
const stranger = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"

const fakeEsplora = Effect.suspend(() => serving(new FakeEsplora()))
const scannerOf = (fake: FakeEsplora, extra: Partial<EsploraSettings> = {}) =>
  Effect.flatMap(
    makeEsploraSource({
      name: "btc-esplora", baseUrl: fake.url, network: "bitcoin", asset: "BTC",
      requestsPerSecond: 1000, timeout: "250 millis", retries: 2, backoff: "10 millis", ...extra
    }),
    (source) => makeAddressScanner(source)
  )

const buyer = (id: number) => buyerOf(id, "BTC")
const deposits = (user: TelegramId) => depositsIn(user, "BTC")
const events = <T extends "DepositSeen" | "DepositCredited" | "DepositHeld" | "DepositReleased">(tag: T) => Effect.flatMap(EventLog, (log) => log.ofTag(tag))
const chainPages = (fake: FakeEsplora) => fake.requests.filter((r) => r.path.includes("/txs/chain/")).length

describe("Esplora per-address source", () => {
  it.scopedLive("seen, then 1 of 2 confirmations, then credited once; two outputs to one address and a batch to two buyers", () =>
    Effect.gen(function*() {
      const fake = yield* fakeEsplora
      const scanner = yield* scannerOf(fake)
      const a = yield* buyer(8001)
      const b = yield* buyer(8002)
      expect(a.address).toBe("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu") // BIP84 m/84'/0'/0'/0/0 of the test mnemonic
      expect(b.address).toMatch(/^bc1q[02-9ac-hj-np-z]{38}$/)
      fake.send([{ address: a.address, value: 30_000n }, { address: b.address, value: 100_000n }, { address: stranger, value: 5_000n }, { address: a.address, value: 20_000n }])
      yield* scanner.cycle
      expect((yield* deposits(a.user)).map((d) => [d.index, d.confirmations, d.status])).toEqual([[0, 0, "pending"], [3, 0, "pending"]])
      expect((yield* events("DepositSeen")).map((e) => [e.confirmations, e.required])).toEqual([[0, 2], [0, 2], [0, 2]])
      fake.mine()
      yield* scanner.cycle
      expect((yield* deposits(a.user)).map((d) => [d.confirmations, d.status, d.blockHeight])).toEqual([[1, "pending", 1], [1, "pending", 1]])
      expect(yield* balance(a.user)).toBe(0n)
      fake.mine()
      yield* scanner.cycle
      expect(yield* balance(a.user)).toBe(3000n) // 0.0005 BTC at 60000 USD
      expect(yield* balance(b.user)).toBe(6000n)
      yield* scanner.cycle
      expect(yield* events("DepositCredited")).toHaveLength(3)
    }).pipe(Effect.provide(shop)))

  it.scopedLive("amounts are read exactly, beyond 2^53 satoshi", () =>
    Effect.gen(function*() {
      const fake = yield* fakeEsplora
      const scanner = yield* scannerOf(fake)
      const a = yield* buyer(8003)
      fake.send([{ address: a.address, value: 9_007_199_254_740_993n }])
      yield* scanner.cycle
      expect((yield* deposits(a.user)).map((d) => d.units)).toEqual([9_007_199_254_740_993n])
    }).pipe(Effect.provide(shop)))

  it.scopedLive("more than 25 confirmed transactions are read in pages of 25; a later poll stops at the mark", () =>
    Effect.gen(function*() {
      const fake = yield* fakeEsplora
      const scanner = yield* scannerOf(fake)
      const a = yield* buyer(8004)
      for (let i = 1; i <= 30; i++) {
        fake.send([{ address: a.address, value: 10_000n * BigInt(i) }])
        fake.mine()
      }
      fake.mine()
      yield* scanner.cycle
      expect(yield* deposits(a.user)).toHaveLength(30)
      expect(yield* events("DepositCredited")).toHaveLength(30)
      expect(chainPages(fake)).toBe(1)
      fake.mine(120) // tip 151: the mark becomes 51, above every payment
      yield* scanner.cycle
      expect(chainPages(fake)).toBe(2)
      const [watched] = yield* (yield* ChainDeposits).watchedAddresses("bitcoin")
      expect(watched?.mark).toBe("51")
      yield* scanner.cycle
      expect(chainPages(fake)).toBe(2) // the first answer already reaches the mark
      expect(yield* events("DepositCredited")).toHaveLength(30)
    }).pipe(Effect.provide(shop)))

  it.scopedLive("more transactions than an address's budget: read in pieces, each poll going on below where the last stopped", () =>
    Effect.gen(function*() {
      const fake = yield* fakeEsplora
      const source = yield* makeEsploraSource({ name: "btc-esplora", baseUrl: fake.url, network: "bitcoin", asset: "BTC", requestsPerSecond: 1000 })
      const scanner = yield* makeAddressScanner(source, { requestsPerAddress: 2 }) // the newest page and one more a poll
      const a = yield* buyer(8011)
      for (let i = 1; i <= 70; i++) {
        fake.send([{ address: a.address, value: 10_000n * BigInt(i) }])
        fake.mine()
      }
      fake.mine(150) // tip 220
      const mark = Effect.map((yield* ChainDeposits).watchedAddresses("bitcoin"), (w) => w[0]!.mark)
      yield* scanner.cycle
      expect(yield* deposits(a.user)).toHaveLength(50)
      const piece = JSON.parse((yield* mark)!) as { floor: number | null; top: number; after: string }
      expect([piece.floor, piece.top]).toEqual([null, 220])
      fake.mine(5) // newer blocks while it is read in pieces
      yield* scanner.cycle
      expect(yield* deposits(a.user)).toHaveLength(70)
      expect(yield* mark).toBe("120") // the tip the read began at, less 100
      expect(yield* events("DepositCredited")).toHaveLength(70)
      expect(chainPages(fake)).toBe(2)
    }).pipe(Effect.provide(shop)))

  it.scopedLive("a 500 is retried; a 429 waits for its Retry-After", () =>
    Effect.gen(function*() {
      const fake = yield* fakeEsplora
      const scanner = yield* scannerOf(fake)
      const a = yield* buyer(8005)
      fake.send([{ address: a.address, value: 50_000n }])
      fake.mine(2)
      fake.server.faults.serverErrors = 1
      yield* scanner.cycle
      expect(yield* balance(a.user)).toBe(3000n)
      expect(fake.requests.filter((r) => r.path === "/blocks/tip/height")).toHaveLength(2)
      fake.send([{ address: a.address, value: 50_000n }])
      fake.mine(2)
      fake.server.faults.rateLimited = 1
      fake.server.faults.retryAfterSeconds = 1
      const started = Date.now()
      yield* scanner.cycle
      expect(Date.now() - started).toBeGreaterThanOrEqual(950)
      expect(yield* balance(a.user)).toBe(6000n)
    }).pipe(Effect.provide(shop)))

  it.scopedLive("a hang times out: the cycle fails with a ChainSourceError and changes nothing; the next cycle recovers", () =>
    Effect.gen(function*() {
      const fake = yield* fakeEsplora
      const scanner = yield* scannerOf(fake)
      const a = yield* buyer(8006)
      fake.send([{ address: a.address, value: 50_000n }])
      fake.server.faults.hangs = 3 // the first attempt and both retries
      const error = yield* Effect.flip(scanner.cycle)
      expect(error).toBeInstanceOf(ChainSourceError)
      expect(error instanceof ChainSourceError && error.kind).toBe("timeout")
      expect(yield* deposits(a.user)).toEqual([])
      yield* scanner.cycle
      expect((yield* deposits(a.user)).map((d) => d.status)).toEqual(["pending"])
    }).pipe(Effect.provide(shop)))

  it.scopedLive("a malformed or spoiled answer is a decode error and nothing is recorded", () =>
    Effect.gen(function*() {
      const fake = yield* fakeEsplora
      const scanner = yield* scannerOf(fake)
      const a = yield* buyer(8007)
      fake.send([{ address: a.address, value: 50_000n }])
      fake.mine(2)
      const spoilers: Array<() => void> = [
        () => void (fake.server.faults.malformed = 1),
        ...(["negative", "hex", "missing", "fraction"] as const).map((c) => () => void fake.faults.corrupt.push(c))
      ]
      yield* failsToDecodeAfterEach(scanner.cycle, spoilers)
      expect(yield* deposits(a.user)).toEqual([])
      yield* scanner.cycle
      expect(yield* balance(a.user)).toBe(3000n)
    }).pipe(Effect.provide(shop)))

  it.scopedLive("duplicated and reordered pages credit each payment once", () =>
    Effect.gen(function*() {
      const fake = yield* fakeEsplora
      const scanner = yield* scannerOf(fake)
      const a = yield* buyer(8008)
      for (let i = 0; i < 30; i++) fake.send([{ address: a.address, value: 10_000n }, { address: a.address, value: 10_000n }])
      fake.mine(2)
      fake.faults.duplicates = 2
      fake.faults.reorders = 2
      yield* scanner.cycle
      yield* scanner.cycle
      expect(yield* deposits(a.user)).toHaveLength(60)
      expect(yield* events("DepositCredited")).toHaveLength(60)
      expect(yield* balance(a.user)).toBe(36000n)
    }).pipe(Effect.provide(shop)))

  it.scopedLive("a payment that disappears vanishes, or is held once credited; back in the mempool it is held, mined again released", () =>
    Effect.gen(function*() {
      const fake = yield* fakeEsplora
      const scanner = yield* scannerOf(fake)
      const a = yield* buyer(8009)
      for (const unknownStatus of ["404", "unconfirmed"] as const) { // mempool.space and Blockstream's electrs
        fake.unknownStatus = unknownStatus
        const unconfirmed = fake.send([{ address: a.address, value: 70_000n }])
        yield* scanner.cycle
        fake.drop(unconfirmed) // never credited: it vanishes
        yield* scanner.cycle
        expect((yield* deposits(a.user)).filter((d) => d.txid === unconfirmed).map((d) => d.status)).toEqual(["vanished"])
        const txid = fake.send([{ address: a.address, value: 50_000n }])
        fake.mine(2)
        yield* scanner.cycle
        expect(yield* balance(a.user)).toBe(3000n)
        fake.drop(txid)
        yield* scanner.cycle
        expect(yield* balance(a.user)).toBe(0n)
      }
      expect(yield* events("DepositHeld")).toHaveLength(2)
      const txid = fake.send([{ address: a.address, value: 50_000n }])
      fake.mine(2)
      yield* scanner.cycle
      expect(yield* balance(a.user)).toBe(3000n)
      fake.reorg(2) // its block is replaced: it is unconfirmed again
      yield* scanner.cycle
      expect(yield* balance(a.user)).toBe(0n)
      expect(yield* events("DepositHeld")).toHaveLength(3)
      fake.mine(2)
      expect(fake.heightOf(txid)).not.toBeNull()
      yield* scanner.cycle
      expect(yield* balance(a.user)).toBe(3000n)
      expect(yield* events("DepositReleased")).toHaveLength(1)
    }).pipe(Effect.provide(shop)))

  it.scopedLive("a restart (a new source and scanner over the same shop) resumes from the marks and credits nothing twice", () =>
    Effect.gen(function*() {
      const fake = yield* fakeEsplora
      const a = yield* buyer(8010)
      for (let i = 0; i < 3; i++) fake.send([{ address: a.address, value: 50_000n }])
      fake.mine(2)
      yield* (yield* scannerOf(fake)).cycle
      fake.mine(150)
      yield* (yield* scannerOf(fake)).cycle
      expect(yield* balance(a.user)).toBe(9000n)
      const before = fake.requests.length
      yield* (yield* scannerOf(fake)).cycle
      expect(fake.requests.slice(before).map((r) => r.path)).toEqual(["/blocks/tip/height", `/address/${a.address}/txs`])
      expect(yield* balance(a.user)).toBe(9000n)
      expect(yield* events("DepositCredited")).toHaveLength(3)
    }).pipe(Effect.provide(shop)))
})
