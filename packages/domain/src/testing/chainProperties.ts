/**
 * Chain deposits under random interleavings of what watchers report: sightings at any depth, in any
 * order, repeated, in batches with duplicates, vanishing and returning transactions, many outputs per
 * transaction, prices that come and go. Checked after every step: each payment is credited at most
 * once; a credited payment that left the chain is held; holds and releases pair up; the ledger adds
 * up; and in the end every payment that is confirmed and large enough is credited exactly once.
 */
import { ApprovalRunner } from "../ApprovalRepo.js"
import { expect, it } from "@effect/vitest"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Option from "effect/Option"
import * as Ref from "effect/Ref"
import { ChainDepositRepo } from "../ChainDepositRepo.js"
import { type ChainReport, ChainDeposits } from "../ChainDeposits.js"
import type { ChainObservation } from "../ChainDepositState.js"
import { rate } from "../Conversion.js"
import { DepositAddresses } from "../DepositAddresses.js"
import { DepositRepo } from "../Deposits.js"
import { ServiceUnavailable } from "../Errors.js"
import { TelegramId } from "../Ids.js"
import { LedgerRepo, signedAmount } from "../Ledger.js"
import { PriceSource } from "../Prices.js"
import type { StoragePorts } from "../Shop.js"
import { ShopConfig } from "../ShopConfig.js"
import { now } from "../Time.js"
import { Users } from "../Users.js"
import {
  AddressDeriverMemory, AddressValidatorMemory, BroadcasterMemory, NotifierMemory, PaymentGatewayMemory, ShopMemory, StorageMemory, WalletProcessorMemory
} from "./memory.js"
import { yieldToHost } from "./yieldToHost.js"

export type ChainCommand =
  | { readonly _tag: "Seen"; readonly tx: number; readonly output: number; readonly confirmations: number }
  | { readonly _tag: "Vanish"; readonly tx: number; readonly output: number }
  | { readonly _tag: "Batch"; readonly parts: ReadonlyArray<{ readonly tx: number; readonly output: number; readonly confirmations: number }> }
  | { readonly _tag: "Replay" }
  | { readonly _tag: "Prices"; readonly on: boolean }
  | { readonly _tag: "Retry" }

const TXS = 4
const OUTPUTS = 3
const USERS = 3
const REQUIRED = 3
const MINIMUM = 20_000n
const tx = fc.integer({ min: 0, max: TXS - 1 })
const output = fc.integer({ min: 0, max: OUTPUTS - 1 })
const depth = fc.integer({ min: 0, max: 2 * REQUIRED + 8 })

export const chainCommandArbitrary: fc.Arbitrary<ChainCommand> = fc.oneof(
  { arbitrary: fc.record({ _tag: fc.constant("Seen" as const), tx, output, confirmations: depth }), weight: 8 },
  { arbitrary: fc.record({ _tag: fc.constant("Vanish" as const), tx, output }), weight: 3 },
  { arbitrary: fc.record({ _tag: fc.constant("Batch" as const), parts: fc.array(fc.record({ tx, output, confirmations: depth }), { maxLength: 6 }) }), weight: 3 },
  { arbitrary: fc.constant({ _tag: "Replay" as const }), weight: 2 },
  { arbitrary: fc.record({ _tag: fc.constant("Prices" as const), on: fc.boolean() }), weight: 2 },
  { arbitrary: fc.constant({ _tag: "Retry" as const }), weight: 1 }
)

/** Who each output pays and how much: fixed per run, as on a real chain. */
export const chainWorldArbitrary = fc.array(
  fc.record({ user: fc.integer({ min: 0, max: USERS - 1 }), units: fc.bigInt({ min: 1n, max: 5_000_000n }) }),
  { minLength: TXS * OUTPUTS, maxLength: TXS * OUTPUTS }
)

/** A price source that the test switches on and off. */
class PriceSwitch extends Context.Tag("@tokenshop/domain/testing/PriceSwitch")<PriceSwitch, Ref.Ref<boolean>>() {}
export const switchablePrices = Layer.effectContext(Effect.gen(function*() {
  const on = yield* Ref.make(true)
  return Context.make(PriceSwitch, on).pipe(Context.add(PriceSource, PriceSource.of({
    rate: (asset, fiat) =>
      Effect.flatMap(Ref.get(on), (up) =>
        up ? Effect.map(now, (at) => rate(asset, fiat, "80.5", at)) : Effect.fail(new ServiceUnavailable({ service: "prices", detail: "switched off" })))
  })))
}))

export const chainSettings = { assets: ["LTC" as const], confirmations: { LTC: REQUIRED }, minDeposit: { LTC: MINIMUM } }

export const runChainCommands = (world: ReadonlyArray<{ readonly user: number; readonly units: bigint }>, commands: ReadonlyArray<ChainCommand>) =>
  Effect.gen(function*() {
    const chain = yield* ChainDeposits
    const repo = yield* ChainDepositRepo
    const deposits = yield* DepositRepo
    const ledger = yield* LedgerRepo
    const prices = yield* PriceSwitch
    const users = Array.from({ length: USERS }, (_, i) => TelegramId.make(900 + i))
    const addresses: Array<string> = []
    for (const u of users) {
      yield* (yield* Users).register({ id: u, username: null, language: "en" })
      addresses.push((yield* (yield* DepositAddresses).addressFor(u, "LTC")).address)
    }
    const obs = (t: number, o: number, confirmations: number): ChainObservation => {
      const w = world[t * OUTPUTS + o]!
      return {
        asset: "LTC", txid: `tx${t}`, index: o, address: addresses[w.user]!, units: w.units, confirmations, final: false,
        block: confirmations === 0 ? null : { height: 1000 - confirmations, hash: `b${t}` }
      }
    }
    let last: ChainReport = { watcher: "property", seen: [], vanished: [] }
    const report = (r: ChainReport) => Effect.zipRight(Effect.sync(() => (last = r)), chain.observe(r))

    const check = Effect.gen(function*() {
      for (let t = 0; t < TXS; t++) {
        for (let o = 0; o < OUTPUTS; o++) {
          const key = { asset: "LTC" as const, txid: `tx${t}`, index: o }
          const record = Option.getOrNull(yield* repo.get(key))
          const credit = yield* deposits.findBySource({ kind: "chain", ...key })
          if (record === null) {
            expect(Option.isNone(credit)).toBe(true)
            continue
          }
          const entries = (yield* ledger.history(record.user, { offset: 0, limit: 100 })).items
          const mine = (kind: string) => entries.filter((e) => e.kind === kind && e.ref === `deposit:${record.depositId}`).length
          if (record.status === "credited" || record.status === "held") {
            expect(Option.isSome(credit)).toBe(true)
            const valued = Option.getOrThrow(credit).fiat.amount > 0n ? 1 : 0 // a credit worth nothing writes no entry
            expect(mine("deposit")).toBe(valued)
            expect(mine("hold")).toBe(valued * record.holds)
            expect(mine("release")).toBe(valued * (record.status === "held" ? record.holds - 1 : record.holds))
          } else {
            expect(Option.isNone(credit)).toBe(true)
            expect(record.holds).toBe(0)
          }
          if (record.status === "below_minimum") expect(record.units < MINIMUM).toBe(true)
        }
      }
      for (const u of users) {
        const balance = yield* ledger.balance(u, "USD")
        const entries = (yield* ledger.history(u, { offset: 0, limit: 100 })).items
        expect(balance.available.amount).toBe(entries.reduce((a, e) => a + signedAmount(e), 0n))
        expect(balance.topUp.amount - balance.consumed.amount).toBe(balance.available.amount)
        // with no purchases, the balance is exactly what the credited, not held, payments were worth
        let expected = 0n
        for (const d of (yield* repo.byUser(u, null, { offset: 0, limit: 100 })).items) {
          if (d.status !== "credited") continue
          expected += Option.getOrThrow(yield* deposits.findBySource({ kind: "chain", asset: d.asset, txid: d.txid, index: d.index })).fiat.amount
        }
        expect(balance.available.amount).toBe(expected)
      }
    })

    for (const c of commands) {
      switch (c._tag) {
        case "Seen": {
          const before = Option.getOrNull(yield* repo.get({ asset: "LTC", txid: `tx${c.tx}`, index: c.output }))
          yield* report({ watcher: "property", seen: [obs(c.tx, c.output, c.confirmations)], vanished: [] })
          const after = Option.getOrNull(yield* repo.get({ asset: "LTC", txid: `tx${c.tx}`, index: c.output }))
          if (before?.status === "credited" && c.confirmations === 0) expect(after?.status).toBe("held")
          break
        }
        case "Vanish": {
          const key = { asset: "LTC" as const, txid: `tx${c.tx}`, index: c.output }
          const before = Option.getOrNull(yield* repo.get(key))
          yield* report({ watcher: "property", seen: [], vanished: [key] })
          if (before?.status === "credited") expect(Option.getOrNull(yield* repo.get(key))?.status).toBe("held")
          break
        }
        case "Batch":
          yield* report({ watcher: "property", seen: c.parts.map((p) => obs(p.tx, p.output, p.confirmations)), vanished: [] })
          break
        case "Replay":
          yield* chain.observe(last)
          break
        case "Prices":
          yield* Ref.set(prices, c.on)
          break
        case "Retry":
          yield* chain.retryWaiting
          break
      }
      yield* check
    }
    // The chain settles: everything confirmed deeply, prices back. Each large enough payment is credited once, none held.
    yield* Ref.set(prices, true)
    const all = Array.from({ length: TXS * OUTPUTS }, (_, i) => obs(Math.floor(i / OUTPUTS), i % OUTPUTS, 2 * REQUIRED + 8))
    yield* report({ watcher: "property", seen: all, vanished: [] })
    yield* chain.retryWaiting
    yield* check
    for (const o of all) {
      const record = Option.getOrThrow(yield* repo.get(o))
      expect(record.status).toBe(o.units < MINIMUM ? "below_minimum" : "credited")
    }
  })

/** A shop for the chain properties over `storage`, with prices the test switches on and off. */
const chainShop = <E>(storage: Layer.Layer<StoragePorts, E>) =>
  ShopMemory({ chain: { ...ShopConfig.defaults.chain, ...chainSettings } }, {
    storage,
    services: Layer.mergeAll(BroadcasterMemory, ApprovalRunner.inline, NotifierMemory, PaymentGatewayMemory(), WalletProcessorMemory(), AddressValidatorMemory, AddressDeriverMemory(), switchablePrices)
  })

/** Registers the property test: `numRuns` random interleavings, each against a fresh shop over `makeStorage()`. */
export const chainDepositProperties = (
  name: string,
  makeStorage: () => Layer.Layer<StoragePorts, unknown> = () => StorageMemory,
  options: { readonly numRuns?: number; readonly timeout?: number } = {}
) =>
  it(`chain deposits: credited at most once, held when gone, under random interleavings: ${name}`, async () => {
    await fc.assert(
      fc.asyncProperty(chainWorldArbitrary, fc.array(chainCommandArbitrary, { minLength: 1, maxLength: 25 }), async (world, commands) => {
        await yieldToHost()
        return Effect.runPromise(runChainCommands(world, commands).pipe(
          Effect.provide(chainShop(makeStorage())),
          Logger.withMinimumLogLevel(LogLevel.Error) // waiting for a price is logged as a warning, on purpose here
        ))
      }),
      { numRuns: options.numRuns ?? 300 }
    )
  }, options.timeout ?? 300_000)
