/**
 * The Solana back-end through the per-address scanner against a local fake node and an in-memory
 * shop: real pool addresses, SOL credited only when finalized, each transfer once, failed and
 * vanished transactions never credited, the node's faults, a restart, and a poll's cost.
 */
import { describe, expect, it } from "@effect/vitest"
import { ChainDeposits, DepositAddresses, TelegramId, Users } from "@tokenshop/domain"
import { EventLog } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as TestClock from "effect/TestClock"
import { solanaAddresses } from "../src/derive/Offline.js"
import { FakeSolanaRpc } from "../src/testing/FakeSolanaRpc.js"
import { makeAddressScanner } from "../src/watchers/AddressScanner.js"
import { makeSolanaSource, type SolanaSourceSettings } from "../src/watchers/solana/Solana.js"
import { balance, chainShop, mnemonic, serving } from "./support/chainShop.js"

const pool = Either.getOrThrow(solanaAddresses(mnemonic, "", 0, 64))
const stranger = Either.getOrThrow(solanaAddresses(mnemonic, "", 100, 1))[0]!

const shop = chainShop({ assets: ["SOL"] }) // SOL: "final", minimum 0.01 SOL

const SOL = 1_000_000_000n

/** A fake node and `n` buyers holding the first `n` pool addresses; the fake stops with the scope. */
const setup = (n: number, settings: Partial<SolanaSourceSettings> = {}) =>
  Effect.gen(function*() {
    const fake = yield* serving(new FakeSolanaRpc())
    const addresses = yield* DepositAddresses
    yield* addresses.importPool({ kind: "operator", name: "test" }, "solana", pool.slice(0, n))
    const buyers: Array<{ readonly user: TelegramId; readonly address: string }> = []
    for (let i = 0; i < n; i++) {
      const user = (yield* (yield* Users).register({ id: TelegramId.make(20_000 + i), username: null, language: "en" })).id
      buyers.push({ user, address: (yield* addresses.addressFor(user, "SOL")).address })
    }
    const sourceOf = (more: Partial<SolanaSourceSettings> = {}) =>
      makeSolanaSource({ name: "sol-rpc", rpcUrl: fake.url, requestsPerSecond: 1000, timeout: "2 seconds", retries: 2, backoff: "20 millis", ...settings, ...more })
    const start = (more: Partial<SolanaSourceSettings> = {}) =>
      Effect.flatMap(sourceOf(more), (source) => makeAddressScanner(source, { interval: "30 seconds", passEvery: "24 hours" }))
    return { fake, buyers, scanner: yield* start(), start, sourceOf }
  })

const deposits = (user: TelegramId) =>
  Effect.map(Effect.flatMap(ChainDeposits, (c) => c.mine(user, "SOL", { offset: 0, limit: 20 })), (p) =>
    p.items.map((d) => ({ index: d.index, status: d.status, units: d.units, final: d.final })).sort((a, b) => a.index - b.index))
const credits = Effect.map(Effect.flatMap(EventLog, (l) => l.ofTag("DepositCredited")), (e) => e.length)
const run = <A, E, R>(effect: Effect.Effect<A, E, R>) => effect.pipe(Effect.provide(shop))

describe("Solana per-address source", () => {
  it.scopedLive("confirmed is pending; finalized is credited once; two transfers to one address in one transaction are two credits", () =>
    run(Effect.gen(function*() {
      const { buyers: [a], fake, scanner } = yield* setup(1)
      fake.send([
        { kind: "transfer", to: a!.address, lamports: SOL / 10n },
        { kind: "memo", text: "order 17" },
        { kind: "transfer", to: a!.address, lamports: SOL / 20n, withSeed: true }
      ])
      yield* scanner.cycle // processed only: not listed yet
      expect(yield* deposits(a!.user)).toEqual([])
      fake.advance()
      yield* scanner.cycle
      expect(yield* deposits(a!.user)).toEqual([
        { index: 0, status: "pending", units: 100_000_000n, final: false },
        { index: 2, status: "pending", units: 50_000_000n, final: false }
      ])
      expect(yield* balance(a!.user)).toBe(0n)
      fake.finalize()
      yield* scanner.cycle
      expect((yield* deposits(a!.user)).map((d) => [d.index, d.status])).toEqual([[0, "credited"], [2, "credited"]])
      expect(yield* balance(a!.user)).toBe(2250n) // 0.15 SOL at 150 USD
      const reads = fake.calls("getTransaction")
      yield* scanner.cycle
      yield* scanner.cycle
      expect(fake.calls("getTransaction")).toBe(reads) // past the mark: never read again
      expect(yield* balance(a!.user)).toBe(2250n)
      expect(yield* credits).toBe(2)
    })))

  it.scopedLive("a batch pays two buyers (inner instructions) once each; a failed transaction is never credited; u64 amounts stay exact", () =>
    run(Effect.gen(function*() {
      const { buyers: [a, b], fake, scanner } = yield* setup(2)
      fake.send([
        { kind: "payout", transfers: [{ to: a!.address, lamports: SOL / 10n }, { to: stranger, lamports: SOL }, { to: b!.address, lamports: SOL / 5n }] },
        { kind: "transfer", to: b!.address, lamports: SOL / 10n }
      ])
      fake.send([{ kind: "transfer", to: a!.address, lamports: 5n * SOL }], { failed: true })
      fake.finalize()
      yield* scanner.cycle
      yield* scanner.cycle
      expect(yield* deposits(a!.user)).toEqual([{ index: 1000, status: "credited", units: 100_000_000n, final: true }])
      expect((yield* deposits(b!.user)).map((d) => [d.index, d.status, d.units])).toEqual([[1, "credited", 100_000_000n], [1002, "credited", 200_000_000n]])
      expect([yield* balance(a!.user), yield* balance(b!.user)]).toEqual([1500n, 4500n])
      expect(yield* credits).toBe(3)
      fake.send([{ kind: "transfer", to: a!.address, lamports: 2n ** 53n + 1n }])
      fake.advance()
      yield* scanner.cycle
      expect((yield* deposits(a!.user))[0]).toEqual({ index: 0, status: "pending", units: 9_007_199_254_740_993n, final: false })
    })))

  it.scopedLive("500s are retried with backoff; a 429's Retry-After is waited for", () =>
    run(Effect.gen(function*() {
      const { buyers: [a], fake, scanner } = yield* setup(1)
      fake.send([{ kind: "transfer", to: a!.address, lamports: SOL / 10n }])
      fake.finalize()
      fake.faults.serverErrors = 2
      yield* scanner.cycle
      expect(yield* balance(a!.user)).toBe(1500n)
      expect(fake.calls("getSlot")).toBe(3) // two 500s, then the answer
      fake.send([{ kind: "transfer", to: a!.address, lamports: SOL / 10n }])
      fake.finalize()
      fake.faults.rateLimited = 1
      fake.faults.retryAfterSeconds = 1
      const started = Date.now()
      yield* scanner.cycle
      expect(Date.now() - started).toBeGreaterThanOrEqual(950) // the backoff alone would be 20 ms
      expect(yield* balance(a!.user)).toBe(3000n)
      expect(yield* credits).toBe(2)
    })))

  it.scopedLive("a node that does not answer: the cycle times out and fails, nothing changes, the next cycle recovers", () =>
    run(Effect.gen(function*() {
      const { buyers: [a], fake, scanner } = yield* setup(1, { timeout: "300 millis", retries: 1 })
      fake.send([{ kind: "transfer", to: a!.address, lamports: SOL / 10n }])
      fake.finalize()
      fake.hang("getTransaction", 2) // the attempt and its retry
      const error = yield* Effect.flip(scanner.cycle)
      expect([error._tag, error.kind]).toEqual(["ChainSourceError", "timeout"])
      expect(yield* deposits(a!.user)).toEqual([])
      expect((yield* (yield* ChainDeposits).addresses("solana", 0, 10))[0]!.mark).toBeNull()
      yield* scanner.cycle
      expect(yield* balance(a!.user)).toBe(1500n)
    })))

  it.scopedLive("malformed answers fail the cycle as decode errors and credit nothing", () =>
    run(Effect.gen(function*() {
      const { buyers: [a], fake, scanner } = yield* setup(1)
      fake.send([{ kind: "transfer", to: a!.address, lamports: SOL / 10n }])
      fake.finalize()
      fake.faults.malformed = 1
      expect((yield* Effect.flip(scanner.cycle)).kind).toBe("decode")
      for (const lamports of [0.1, "100000000", -1]) {
        fake.tamper = (method, result) => {
          if (method !== "getTransaction" || result === null) return result
          const tx = result as { transaction: { message: { instructions: Array<{ parsed?: { info?: Record<string, unknown> } }> } } }
          tx.transaction.message.instructions[0]!.parsed!.info!.lamports = lamports
          return tx
        }
        expect((yield* Effect.flip(scanner.cycle)).kind).toBe("decode")
      }
      fake.tamper = (method, result) => method === "getSignaturesForAddress" ? [{ signature: "not a signature", slot: 1, err: null }] : result
      expect((yield* Effect.flip(scanner.cycle)).kind).toBe("decode")
      expect(yield* deposits(a!.user)).toEqual([])
      fake.tamper = undefined
      yield* scanner.cycle
      expect(yield* balance(a!.user)).toBe(1500n)
    })))

  it.scopedLive("duplicated and reordered signature pages: each payment once", () =>
    run(Effect.gen(function*() {
      const { buyers: [a], fake, scanner, sourceOf } = yield* setup(1, { pageSize: 2 })
      const sent = Array.from({ length: 5 }, () => fake.send([{ kind: "transfer", to: a!.address, lamports: SOL / 50n }]))
      fake.finalize()
      Object.assign(fake.pageFaults, { duplicated: 2, reordered: 3 })
      const history = yield* Effect.flatMap((yield* sourceOf()).begin, (session) => session.history(a!.address, null))
      expect(history.observations.map((o) => o.txid)).toEqual([...sent].reverse()) // newest first, each once
      expect(history.mark).toBe(sent[4])
      Object.assign(fake.pageFaults, { duplicated: 2, reordered: 3 })
      yield* scanner.cycle
      expect(fake.calls("getSignaturesForAddress")).toBeGreaterThanOrEqual(3) // paged with `before`
      expect((yield* deposits(a!.user)).map((d) => d.status)).toEqual(["credited", "credited", "credited", "credited", "credited"])
      fake.send([{ kind: "transfer", to: a!.address, lamports: SOL / 50n }])
      fake.finalize()
      Object.assign(fake.pageFaults, { duplicated: 1, reordered: 1 })
      yield* scanner.cycle
      yield* scanner.cycle
      expect(yield* credits).toBe(6)
      expect(yield* balance(a!.user)).toBe(1800n) // 6 × 0.02 SOL at 150 USD
    })))

  it.scopedLive("a transaction that vanishes before it is final is vanished, never credited", () =>
    run(Effect.gen(function*() {
      const { buyers: [a], fake, scanner } = yield* setup(1)
      const sig = fake.send([{ kind: "transfer", to: a!.address, lamports: SOL / 10n }])
      fake.advance()
      yield* scanner.cycle
      expect((yield* deposits(a!.user)).map((d) => d.status)).toEqual(["pending"])
      fake.drop(sig)
      fake.finalize()
      yield* scanner.cycle
      yield* scanner.cycle
      expect((yield* deposits(a!.user)).map((d) => d.status)).toEqual(["vanished"])
      expect(yield* balance(a!.user)).toBe(0n)
    })))

  it.scopedLive("a restart resumes from each address's mark: nothing is read or credited twice", () =>
    run(Effect.gen(function*() {
      const { buyers: [a], fake, scanner, start } = yield* setup(1)
      const final = fake.send([{ kind: "transfer", to: a!.address, lamports: SOL / 10n }])
      fake.finalize()
      const pending = fake.send([{ kind: "transfer", to: a!.address, lamports: SOL / 5n }])
      fake.advance()
      yield* scanner.cycle
      expect((yield* deposits(a!.user)).map((d) => d.status).sort()).toEqual(["credited", "pending"])
      const reads = fake.calls("getTransaction")
      const again = yield* start() // a new process: a new source and scanner over the same storage
      yield* again.cycle
      expect(fake.calls("getTransaction") - reads).toBe(1) // only the one not final yet
      expect(fake.server.requests.at(-2)?.body).toContain(`"until":"${final}"`)
      expect(fake.server.requests.at(-1)?.body).toContain(pending)
      fake.finalize()
      yield* again.cycle
      yield* (yield* start()).cycle
      expect(yield* balance(a!.user)).toBe(4500n)
      expect(yield* credits).toBe(2)
    })))

  it.scoped("the requests of a poll do not grow with the number of buyers: only open windows are asked", () =>
    Effect.gen(function*() {
      const counts: Array<number> = []
      for (const n of [4, 48]) {
        yield* run(Effect.scoped(Effect.gen(function*() {
          const { buyers, fake, scanner } = yield* setup(n)
          yield* TestClock.adjust("25 hours") // every window closed
          for (const b of buyers.slice(-2)) yield* (yield* DepositAddresses).addressFor(b.user, "SOL") // two buyers open Top up
          for (let i = 0; i < 2; i++) {
            const before = fake.calls()
            yield* scanner.cycle
            counts.push(fake.calls() - before)
          }
        })))
      }
      expect(counts).toEqual([4, 4, 4, 4]) // the tip, 2 open windows, the slow pass's one address
    }))
})
