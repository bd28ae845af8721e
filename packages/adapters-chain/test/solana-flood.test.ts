/**
 * One address must not hold up the others: an address flooded with 5,000 signatures that the node
 * throttles (429 with a long Retry-After) costs at most its time box a poll, another buyer's payment
 * is credited in the same poll, and the flooded address is read in bounded pieces across polls, its
 * mark saved after each, until it is read whole once the 429s stop.
 */
import { describe, expect, it } from "@effect/vitest"
import { ChainDeposits, DepositAddresses, TelegramId, Users } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { solanaAddresses } from "../src/derive/Offline.js"
import { FakeSolanaRpc } from "../src/testing/FakeSolanaRpc.js"
import { type AddressScanOptions, makeAddressScanner } from "../src/watchers/AddressScanner.js"
import { makeBudget } from "../src/watchers/Budget.js"
import { makeSolanaSource } from "../src/watchers/solana/Solana.js"
import { balance, chainShop, depositsIn, mnemonic, serving } from "./support/chainShop.js"

const pool = Either.getOrThrow(solanaAddresses(mnemonic, "", 0, 2))
const shop = chainShop({ assets: ["SOL"] }) // SOL: "final"
const SOL = 1_000_000_000n
const flood = 5_000

const setup = Effect.gen(function*() {
  const fake = yield* serving(new FakeSolanaRpc())
  const addresses = yield* DepositAddresses
  yield* addresses.importPool({ kind: "operator", name: "test" }, "solana", pool)
  const [flooded, other] = yield* Effect.forEach([30_001, 30_002], (id) =>
    Effect.gen(function*() {
      const user = (yield* (yield* Users).register({ id: TelegramId.make(id), username: null, language: "en" })).id
      return { user, address: (yield* addresses.addressFor(user, "SOL")).address }
    }))
  const source = yield* makeSolanaSource({ name: "sol-rpc", rpcUrl: fake.url, requestsPerSecond: 10_000, timeout: "5 seconds", retries: 2, backoff: "20 millis" })
  const scanner = (options: AddressScanOptions) => makeAddressScanner(source, { interval: "30 seconds", passEvery: "24 hours", ...options })
  const markOf = (address: string) => Effect.map(Effect.flatMap(ChainDeposits, (c) => c.addresses("solana", 0, 10)), (list) => list.find((a) => a.address === address)!.mark)
  return { fake, flooded: flooded!, other: other!, scanner, markOf }
})

/** Runs `cycle`, returning how long it took (ms) and how many transactions it read. */
const timed = <E, R>(fake: FakeSolanaRpc, cycle: Effect.Effect<void, E, R>) =>
  Effect.gen(function*() {
    const [started, reads] = [Date.now(), fake.calls("getTransaction")]
    yield* cycle
    return { ms: Date.now() - started, reads: fake.calls("getTransaction") - reads }
  })

describe("Solana: one flooded, throttled address", () => {
  it.scopedLive("costs its time box a poll; another buyer is credited meanwhile; it is read in pieces, its mark saved, until whole", () =>
    Effect.gen(function*() {
      const { fake, flooded, markOf, other, scanner } = yield* setup
      fake.send([{ kind: "transfer", to: flooded.address, lamports: SOL / 10n }])
      fake.finalize()
      const first = yield* scanner({})
      yield* first.cycle
      const start = yield* markOf(flooded.address)
      expect(start).not.toBeNull()
      // 5,000 transactions to the address (zero-lamport spam, four in five failed: listed, not read), one real payment among them
      let n = 0
      const spam = () => fake.send([{ kind: "transfer", to: flooded.address, lamports: 0n }], { failed: n++ % 5 !== 0 })
      for (let i = 0; i < flood / 2; i++) spam()
      const hidden = fake.send([{ kind: "transfer", to: flooded.address, lamports: SOL / 5n }])
      for (let i = 0; i < flood / 2 - 1; i++) spam()
      const last = spam()
      fake.send([{ kind: "transfer", to: other.address, lamports: SOL / 10n }])
      fake.finalize()
      fake.server.throttle = (r) => fake.touching(flooded.address)(r) ? 100 : undefined // within maxRetryAfter: waited out in the request

      const boxed = yield* scanner({ addressTimeBox: "1 second", requestsPerAddress: 200 })
      const throttled = yield* timed(fake, boxed.cycle)
      expect(throttled.ms).toBeLessThan(10_000) // not 100 s and more
      expect(yield* balance(other.user)).toBe(1500n) // 0.1 SOL at 150 USD, in the usual poll
      expect(yield* markOf(flooded.address)).toBe(start) // nothing read of it yet

      fake.server.throttle = undefined
      const bounded = yield* scanner({ addressTimeBox: "60 seconds", requestsPerAddress: 200 })
      const marks: Array<string | null> = []
      const reads: Array<number> = []
      for (let i = 0; i < 12 && (marks.at(-1) ?? null) !== last; i++) {
        reads.push((yield* timed(fake, bounded.cycle)).reads)
        marks.push(yield* markOf(flooded.address))
      }
      expect(marks.at(-1)).toBe(last) // read whole
      expect(marks.length).toBeGreaterThanOrEqual(5) // in pieces: 200 requests a poll at most (1,000 transactions to read)
      expect(new Set(marks).size).toBe(marks.length) // each poll went on from the mark the last one saved
      for (const r of reads) expect(r).toBeLessThanOrEqual(200)
      expect(reads.reduce((a, b) => a + b, 0)).toBeLessThan(flood / 5 + 50) // each transaction read about once; failed ones not at all
      expect((yield* depositsIn(flooded.user, "SOL")).find((d) => d.txid === hidden)?.status).toBe("credited")
      expect(yield* balance(flooded.user)).toBe(1500n + 3000n)
      expect((yield* timed(fake, bounded.cycle)).reads).toBe(0) // past the mark: never read again
    }).pipe(Effect.provide(shop)), 120_000)

  it.scopedLive("a read cut short goes on below where it stopped; the mark stops below a transaction not final yet", () =>
    Effect.gen(function*() {
      const { fake, flooded } = yield* setup
      const source = yield* makeSolanaSource({ name: "sol-rpc", rpcUrl: fake.url, requestsPerSecond: 10_000, pageSize: 2 })
      const start = fake.send([{ kind: "transfer", to: flooded.address, lamports: SOL / 10n }])
      const sent = Array.from({ length: 10 }, () => fake.send([{ kind: "transfer", to: flooded.address, lamports: 0n }], { failed: true }))
      fake.finalize()
      fake.send([{ kind: "transfer", to: flooded.address, lamports: 0n }], { failed: true })
      fake.advance() // the newest is confirmed, not final
      const read = (mark: string | null) => Effect.flatMap(source.begin, (s) => Effect.flatMap(makeBudget(3, "1 minute"), (b) => s.history(flooded.address, mark, b)))
      const one = yield* read(start) // 3 pages of 2, newest first: 6 read, not yet down to the mark
      expect(one).toMatchObject({ observations: [], partial: true })
      expect(JSON.parse(one.mark!)).toEqual({ until: start, before: sent[5], run: sent[9], read: 6 })
      expect(yield* read(one.mark)).toEqual({ observations: [], mark: sent[9] }) // the 5 below sent[5], down to the mark
    }).pipe(Effect.provide(shop)), 60_000)

  it.scopedLive("a Retry-After too long to wait fails that address only: the others are read and credited in the same poll", () =>
    Effect.gen(function*() {
      const { fake, flooded, markOf, other, scanner } = yield* setup
      fake.send([{ kind: "transfer", to: flooded.address, lamports: SOL / 10n }])
      fake.send([{ kind: "transfer", to: other.address, lamports: SOL / 10n }])
      fake.finalize()
      fake.server.throttle = (r) => fake.touching(flooded.address)(r) ? 600 : undefined // above maxRetryAfter (120 s)
      const s = yield* scanner({})
      const error = yield* Effect.flip(s.cycle) // the poll reports the failure...
      expect(error.message).toContain("asked to wait 600 s")
      expect(yield* balance(other.user)).toBe(1500n) // ...and the other buyer is credited in it
      expect(yield* markOf(flooded.address)).toBeNull()
      fake.server.throttle = undefined
      yield* s.cycle
      expect(yield* balance(flooded.user)).toBe(1500n)
    }).pipe(Effect.provide(shop)), 60_000)
})
