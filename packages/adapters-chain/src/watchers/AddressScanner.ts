/**
 * Reads a chain that can only be asked per address (Esplora, TronGrid, Solana) at a cost that does
 * not grow with the number of buyers: every poll asks only about the addresses with an open window
 * (a buyer opened Top up lately, or a payment to it is not settled) and re-checks the payments not
 * yet settled; a slow pass reads every address once per `passEvery` (a day by default), a few per
 * poll, so that a late payment is never lost, only delayed. Each address's mark and the pass's
 * position are saved in the same transaction as what was found, so a restart repeats and misses nothing.
 *
 * One address must not hold up the others: each gets a budget per poll (requests and a time box, see
 * Budget.ts); past it its source stops where it got to and saves a partial mark, from which the next
 * poll goes on (the slow pass waits at it). An address the source fails for is retried next poll and
 * the others go on, up to three failures a poll (then the source itself is failing). Every open payment
 * is re-checked every poll whatever the addresses did, read from the shop in pages.
 */
import { ChainDeposits, type ChainObservation, type ChainTxKey, chainKeyText, type DepositAddress } from "@tokenshop/domain"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { ChainSourceError } from "../http/ChainHttp.js"
import { defaultAddressTimeBox, defaultRequestsPerAddress, makeBudget } from "./Budget.js"
import { allOpen } from "./OpenDeposits.js"
import type { AddressSource } from "./Sources.js"

export interface AddressScanOptions {
  /** Time between polls, to spread the slow pass over (default 30 s). */
  readonly interval?: Duration.DurationInput | undefined
  /** Every address is read once in this time (default 24 h). */
  readonly passEvery?: Duration.DurationInput | undefined
  /** Requests one address may cost in one poll (default 100). */
  readonly requestsPerAddress?: number | undefined
  /** The time one address may take in one poll (default 15 s). */
  readonly addressTimeBox?: Duration.DurationInput | undefined
}

/** Failures in one poll after which the source is taken as failing and the rest waits for the next poll. */
const maxFailures = 3

const Cursor = Schema.parseJson(Schema.Struct({ passStartedAt: Schema.Number, after: Schema.Int }))
type Cursor = typeof Cursor.Type

export const makeAddressScanner = (source: AddressSource, options: AddressScanOptions = {}) =>
  Effect.gen(function*() {
    const chain = yield* ChainDeposits
    const interval = Duration.toMillis(options.interval ?? "30 seconds")
    const passEvery = Duration.toMillis(options.passEvery ?? "24 hours")
    const cyclesPerPass = Math.max(1, Math.floor(passEvery / Math.max(1, interval)))
    const requestsPerAddress = Math.max(1, options.requestsPerAddress ?? defaultRequestsPerAddress)
    const timeBox = Duration.toMillis(options.addressTimeBox ?? defaultAddressTimeBox)

    const cursorNow = Effect.gen(function*() {
      const saved = yield* chain.cursor(source.name)
      const decoded = saved._tag === "Some" ? Schema.decodeEither(Cursor)(saved.value) : Either.left(null)
      return Either.getOrElse(decoded, (): Cursor => ({ passStartedAt: 0, after: 0 }))
    })

    const cycle = Effect.gen(function*() {
      const session = yield* source.begin
      let cursor = yield* cursorNow
      const now = yield* Clock.currentTimeMillis
      // The slow pass: this poll's share of every address, continuing where the last poll stopped.
      let pass: ReadonlyArray<DepositAddress> = []
      let share = 0
      const passDue = cursor.after > 0 || now - cursor.passStartedAt >= passEvery
      if (passDue) {
        share = Math.max(1, Math.ceil((yield* chain.addressCount(source.network)) / cyclesPerPass))
        if (cursor.after === 0) cursor = { passStartedAt: now, after: 0 }
        pass = yield* chain.addresses(source.network, cursor.after, share)
      }
      const watched = yield* chain.watchedAddresses(source.network)
      const addresses = new Map<string, DepositAddress>()
      for (const a of [...watched, ...pass]) addresses.set(a.address, a)

      const seen = new Map<string, ChainObservation>()
      const marks: Array<{ readonly network: typeof source.network; readonly address: string; readonly mark: string }> = []
      const vanished: Array<ChainTxKey> = []
      const read = new Set<number>()
      const failures: Array<ChainSourceError> = []
      let partial = false
      // One address the source cannot answer for (a timeout, a throttled address, a transaction it cannot
      // read) is retried next poll; the others go on. A read cut short by its budget saves where it got to.
      for (const a of addresses.values()) {
        if (failures.length >= maxFailures) break
        const budget = yield* makeBudget(requestsPerAddress, timeBox)
        const history = yield* Effect.either(session.history(a.address, a.mark, budget).pipe(
          Effect.timeoutFail({ duration: timeBox + 5_000, onTimeout: () => new ChainSourceError({ source: source.name, kind: "timeout", detail: "an address's history overran its time box" }) })
        ))
        if (history._tag === "Left") {
          failures.push(history.left)
          continue
        }
        for (const o of history.right.observations) seen.set(chainKeyText(o), o)
        if (history.right.mark !== null && history.right.mark !== a.mark) marks.push({ network: source.network, address: a.address, mark: history.right.mark })
        if (history.right.partial === true) {
          partial = true
          yield* Effect.logInfo(`${source.name}: ${a.address} read in part (${budget.used()} requests); the next poll goes on`)
        } else read.add(a.id)
      }
      // Every open payment, every poll: a source failing here stops the re-checks until the next poll.
      const recheck = Effect.gen(function*() {
        for (const d of yield* allOpen(source.assets)) {
          if (seen.has(chainKeyText(d))) continue
          const now = yield* session.locate(d)
          if (now === "gone") vanished.push(d)
          else seen.set(chainKeyText(d), now)
        }
      })
      const done = yield* Effect.either(recheck)
      // The pass goes on from the last address read without a gap before it; it ends when it reaches the last address.
      let after = cursor.after
      for (const a of pass) {
        if (!read.has(a.id)) break
        after = a.id
      }
      const finished = Either.isRight(done) && failures.length === 0 && !partial && pass.length < share
      const next: Cursor = passDue ? { passStartedAt: cursor.passStartedAt, after: finished ? 0 : after } : cursor
      yield* chain.observe({ watcher: source.name, seen: [...seen.values()], vanished, marks, cursor: { value: Schema.encodeSync(Cursor)(next), height: null } })
      if (Either.isLeft(done)) return yield* done.left
      if (failures.length > 0) return yield* failures[0]!
    })

    return { name: source.name, cycle }
  })
