/**
 * Reads a chain that can only be asked per address (Esplora, TronGrid, Solana) at a cost that does
 * not grow with the number of buyers: every poll asks only about the addresses with an open window
 * (a buyer opened Top up lately, or a payment to it is not settled) and re-checks the payments not
 * yet settled; a slow pass reads every address once per `passEvery` (a day by default), a few per
 * poll, so that a late payment is never lost, only delayed. Each address's mark and the pass's
 * position are saved in the same transaction as what was found, so a restart repeats and misses nothing.
 */
import { ChainDeposits, type ChainObservation, type ChainTxKey, chainKeyText, type DepositAddress } from "@tokenshop/domain"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type { ChainSourceError } from "../http/ChainHttp.js"
import type { AddressSource } from "./Sources.js"

export interface AddressScanOptions {
  /** Time between polls, to spread the slow pass over (default 30 s). */
  readonly interval?: Duration.DurationInput | undefined
  /** Every address is read once in this time (default 24 h). */
  readonly passEvery?: Duration.DurationInput | undefined
}

const Cursor = Schema.parseJson(Schema.Struct({ passStartedAt: Schema.Number, after: Schema.Int }))
type Cursor = typeof Cursor.Type

export const makeAddressScanner = (source: AddressSource, options: AddressScanOptions = {}) =>
  Effect.gen(function*() {
    const chain = yield* ChainDeposits
    const interval = Duration.toMillis(options.interval ?? "30 seconds")
    const passEvery = Duration.toMillis(options.passEvery ?? "24 hours")
    const cyclesPerPass = Math.max(1, Math.floor(passEvery / Math.max(1, interval)))

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
      let budget = 0
      const passDue = cursor.after > 0 || now - cursor.passStartedAt >= passEvery
      if (passDue) {
        budget = Math.max(1, Math.ceil((yield* chain.addressCount(source.network)) / cyclesPerPass))
        if (cursor.after === 0) cursor = { passStartedAt: now, after: 0 }
        pass = yield* chain.addresses(source.network, cursor.after, budget)
      }
      const watched = yield* chain.watchedAddresses(source.network)
      const addresses = new Map<string, DepositAddress>()
      for (const a of [...watched, ...pass]) addresses.set(a.address, a)

      const seen = new Map<string, ChainObservation>()
      const marks: Array<{ readonly network: typeof source.network; readonly address: string; readonly mark: string }> = []
      const vanished: Array<ChainTxKey> = []
      const read = new Set<number>()
      const failures: Array<ChainSourceError> = []
      const work = Effect.gen(function*() {
        // One address the source cannot answer for (a timeout, a transaction it cannot read) is retried
        // next poll; the others go on.
        for (const a of addresses.values()) {
          const history = yield* Effect.either(session.history(a.address, a.mark))
          if (history._tag === "Left") {
            failures.push(history.left)
            if (history.left.kind !== "decode" || failures.length >= 3) return yield* history.left
            continue
          }
          for (const o of history.right.observations) seen.set(chainKeyText(o), o)
          if (history.right.mark !== null && history.right.mark !== a.mark) marks.push({ network: source.network, address: a.address, mark: history.right.mark })
          read.add(a.id)
        }
        for (const asset of source.assets) {
          for (const d of yield* chain.open(asset)) {
            if (seen.has(chainKeyText(d))) continue
            const now = yield* session.locate(d)
            if (now === "gone") vanished.push(d)
            else seen.set(chainKeyText(d), now)
          }
        }
      })
      const done = yield* Effect.either(work)
      // The pass goes on from the last address read without a gap before it; it ends when it reaches the last address.
      let after = cursor.after
      for (const a of pass) {
        if (!read.has(a.id)) break
        after = a.id
      }
      const finished = Either.isRight(done) && failures.length === 0 && pass.length < budget
      const next: Cursor = passDue ? { passStartedAt: cursor.passStartedAt, after: finished ? 0 : after } : cursor
      yield* chain.observe({ watcher: source.name, seen: [...seen.values()], vanished, marks, cursor: { value: Schema.encodeSync(Cursor)(next), height: null } })
      if (Either.isLeft(done)) return yield* done.left
      if (failures.length > 0) return yield* failures[0]!
    })

    return { name: source.name, cycle }
  })
