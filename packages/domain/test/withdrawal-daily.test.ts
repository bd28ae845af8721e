import { describe, expect, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as TestClock from "effect/TestClock"
import {
  AddressBook, ApprovalRunner, type Asset, idempotencyKey, ShopConfig, TelegramId, WalletProcessor, withdrawalGuard, WithdrawalApprovals,
  type WithdrawalOutcome, WithdrawalRejected, WithdrawalRepo, type WithdrawalRequest, Withdrawals
} from "../src/index.js"
import { EventLog, ServicesMemory, ShopMemory, StorageMemory, WalletControl, WalletProcessorMemory } from "../src/testing/memory.js"
import { ADMIN, admin, cli } from "./support.js"

const SECOND = TelegramId.make(998)
const second = { kind: "telegram", id: SECOND } as const
const destination = "0x52908400098527886E0F7030069857D2E4169EE7"
const request = (asset: Asset = "ETH") => ({ asset, destination, scope: { kind: "all" } }) as const
/** Two admins: 100 USD both alone and in 24 hours (the default daily total is the single threshold). */
const twoAdmins = ShopMemory({ admins: new Set([ADMIN, SECOND]) })
const THIRTY_USD = 10n ** 16n // 0.01 ETH at 3,000 USD

let n = 0
/** Funds the wallet with `units` of ETH and withdraws them all, as the admin confirmed in the preview. */
const withdraw = (units: bigint) =>
  Effect.gen(function*() {
    yield* (yield* WalletControl).fund("ETH", units)
    const withdrawals = yield* Withdrawals
    const seen = (yield* withdrawals.preview(admin, request())).quote
    return yield* withdrawals.execute(admin, request(), idempotencyKey("daily", ++n), seen)
  })
const trusted = Effect.flatMap(AddressBook, (book) => book.add(cli, "ETH", destination))
const waiting = (outcome: WithdrawalOutcome) =>
  outcome._tag === "AwaitingApproval" ? Effect.succeed(outcome.approval) : Effect.die(`expected to wait, but it was sent`)
const sentCount = Effect.flatMap(WalletControl, (w) => Effect.map(w.sent, (s) => s.length))

/** A runner that records decisions but settles nothing until told (as a workflow that has not run yet). */
const waitingRunner = Layer.succeed(ApprovalRunner, { start: () => Effect.void, decided: () => Effect.void })

/** The memory wallet, refusing every send (nothing sent) while `refusing` is set. */
let refusing = false
const refusingWallet = Layer.effect(WalletProcessor, Effect.map(WalletProcessor, (wallet) => ({
  ...wallet,
  execute: (r: WithdrawalRequest) => refusing ? Effect.fail(new WithdrawalRejected({ reason: "refused by the test" })) : wallet.execute(r)
}))).pipe(Layer.provideMerge(WalletProcessorMemory()))

/** Every read of the claims gives other fibers a turn, as a database's round trip does. */
const slowReads = Layer.effect(WithdrawalRepo, Effect.map(WithdrawalRepo, (repo) => ({
  ...repo,
  countedAfter: (after: Date) => Effect.tap(repo.countedAfter(after), () => Effect.yieldNow())
}))).pipe(Layer.provideMerge(StorageMemory))

describe("the daily approval total", () => {
  it.effect("small withdrawals add up: the one that reaches the total waits, approved it counts too, and 24 hours later they go again", () =>
    Effect.gen(function*() {
      yield* trusted
      for (let i = 0; i < 3; i++) expect((yield* withdraw(THIRTY_USD))._tag).toBe("Sent") // 90 USD: each alone far below 100
      const fourth = yield* waiting(yield* withdraw(THIRTY_USD)) // 120 USD in 24 hours
      expect(fourth).toMatchObject({ state: "pending", reason: "daily", value: { amount: 3_000n, currency: "USD" } })
      expect(yield* sentCount).toBe(3)
      const events = yield* (yield* EventLog).ofTag("WithdrawalApprovalChanged")
      expect(events.map((e) => [e.approval.state, e.approval.reason])).toEqual([["pending", "daily"]]) // every admin is asked, as above the threshold
      // The same flow as above the threshold: the one who asked cannot approve, the other admin can.
      const approvals = yield* WithdrawalApprovals
      expect(yield* Effect.flip(approvals.approve(admin, fourth.id))).toMatchObject({ reason: "own-request" })
      expect(yield* approvals.approve(second, fourth.id)).toMatchObject({ state: "sent" })
      expect(yield* sentCount).toBe(4)
      // Approved, it counts: even 3 USD more now waits.
      const small = yield* waiting(yield* withdraw(10n ** 15n))
      expect(small.reason).toBe("daily")
      yield* approvals.reject(admin, small.id)
      yield* TestClock.adjust(Duration.hours(24)) // the window has passed every one of them
      expect((yield* withdraw(THIRTY_USD))._tag).toBe("Sent")
      expect(yield* sentCount).toBe(5)
    }).pipe(Effect.provide(twoAdmins)))

  it.effect("the window rolls: a withdrawal stops counting 24 hours after it was sent, not at a fixed hour", () =>
    Effect.gen(function*() {
      yield* trusted
      expect((yield* withdraw(THIRTY_USD))._tag).toBe("Sent") // t = 0
      yield* TestClock.adjust(Duration.hours(12))
      expect((yield* withdraw(2n * THIRTY_USD))._tag).toBe("Sent") // t = 12 h: 90 USD in the window
      expect(yield* withdraw(THIRTY_USD)).toMatchObject({ _tag: "AwaitingApproval", approval: { reason: "daily" } })
      yield* TestClock.adjust(Duration.hours(12)) // t = 24 h: the first left the window, the 60 USD one is still in it
      // What waits is still in the wallet (the memory wallet sends all of an asset): 60 + 30 = 90 goes.
      expect((yield* withdraw(0n))._tag).toBe("Sent")
      expect(yield* withdraw(THIRTY_USD)).toMatchObject({ _tag: "AwaitingApproval", approval: { reason: "daily" } }) // 120
      expect(yield* sentCount).toBe(3)
    }).pipe(Effect.provide(twoAdmins)))

  it.effect("reaching the total exactly waits; above the single threshold the reason stays the amount", () =>
    Effect.gen(function*() {
      yield* trusted
      expect((yield* withdraw(THIRTY_USD))._tag).toBe("Sent")
      expect((yield* withdraw(THIRTY_USD))._tag).toBe("Sent")
      expect(yield* withdraw(THIRTY_USD)).toMatchObject({ _tag: "AwaitingApproval", approval: { reason: "daily" } }) // 60 + 30 = 90: reached
      expect(yield* withdraw(40n * THIRTY_USD)).toMatchObject({ _tag: "AwaitingApproval", approval: { reason: "amount" } }) // 1,320 USD alone
      expect(yield* sentCount).toBe(2)
    }).pipe(Effect.provide(ShopMemory({ admins: new Set([ADMIN, SECOND]), withdrawals: { approvalAbove: 50_000n, approvalDaily: 9_000n } }))))

  it.effect("a send the processor refuses gives its part back: only what left the wallet counts", () =>
    Effect.gen(function*() {
      yield* trusted
      yield* (yield* WalletControl).fund("ETH", THIRTY_USD)
      const withdrawals = yield* Withdrawals
      refusing = true // claimed, then refused: nothing sent, the claim given back
      for (let i = 1; i <= 4; i++) {
        expect((yield* Effect.flip(withdrawals.execute(admin, request(), idempotencyKey("refused", i))))._tag).toBe("WithdrawalRejected")
      }
      refusing = false
      expect((yield* withdraw(0n))._tag).toBe("Sent") // the 30 USD still there
      for (let i = 0; i < 2; i++) expect((yield* withdraw(THIRTY_USD))._tag).toBe("Sent") // 90 USD
      expect(yield* withdraw(THIRTY_USD)).toMatchObject({ _tag: "AwaitingApproval", approval: { reason: "daily" } })
      expect((yield* (yield* WithdrawalRepo).countedAfter(new Date(-1))).map((c) => c.value?.amount)).toEqual([3_000n, 3_000n, 3_000n])
    }).pipe(Effect.provide(ShopMemory({ admins: new Set([ADMIN, SECOND]) }, { services: Layer.merge(ServicesMemory, refusingWallet) }))))

  it.effect("an approved withdrawal counts before it is sent (its runner not done yet)", () =>
    Effect.gen(function*() {
      yield* trusted
      yield* (yield* AddressBook).add(cli, "BNB", destination)
      const large = yield* waiting(yield* withdraw(5n * THIRTY_USD)) // 150 USD: the amount alone
      expect(large.reason).toBe("amount")
      const approvals = yield* WithdrawalApprovals
      expect(yield* approvals.approve(second, large.id)).toMatchObject({ state: "approved" })
      expect(yield* sentCount).toBe(0)
      yield* (yield* WalletControl).fund("BNB", 5n * 10n ** 16n) // 30 USD
      expect(yield* (yield* Withdrawals).execute(admin, request("BNB"), idempotencyKey("bnb", 1))).toMatchObject({
        _tag: "AwaitingApproval", approval: { reason: "daily" }
      })
      yield* approvals.settle(large.id) // the runner sends it now: it counts once, by its claim
      expect(yield* approvals.get(admin, large.id)).toMatchObject({ state: "sent" })
      expect((yield* (yield* WithdrawalRepo).countedAfter(new Date(-1))).map((c) => c.value?.amount)).toEqual([15_000n])
    }).pipe(Effect.provide(ShopMemory({ admins: new Set([ADMIN, SECOND]) }, { services: Layer.merge(ServicesMemory, waitingRunner) }))))

  it.effect("by default the daily total is the single threshold; set apart, it wins; off, small withdrawals go however many", () =>
    Effect.gen(function*() {
      const two = { ...ShopConfig.defaults, admins: new Set([ADMIN, SECOND]) }
      expect(withdrawalGuard(two)).toMatchObject({ approvalAbove: 10_000n, approvalDaily: 10_000n })
      expect(withdrawalGuard({ ...two, currency: "JPY" })).toMatchObject({ approvalAbove: 10_000n, approvalDaily: 10_000n })
      expect(withdrawalGuard({ ...two, withdrawals: { approvalAbove: 50_000n } })).toMatchObject({ approvalDaily: 50_000n })
      expect(withdrawalGuard({ ...two, withdrawals: { approvalDaily: 25_000n } })).toMatchObject({ approvalAbove: 10_000n, approvalDaily: 25_000n })
      expect(withdrawalGuard({ ...two, withdrawals: { approvalAbove: null } })).toMatchObject({ approvalDaily: null })
      expect(withdrawalGuard({ ...ShopConfig.defaults, admins: new Set([ADMIN]) })).toMatchObject({ approvalAbove: null, approvalDaily: null })
      // Unset, it is the single threshold as configured: 500 USD, so three 150 USD withdrawals go and a fourth waits.
      yield* Effect.provide(
        Effect.gen(function*() {
          yield* trusted
          for (let i = 0; i < 3; i++) expect((yield* withdraw(5n * THIRTY_USD))._tag).toBe("Sent")
          expect(yield* withdraw(5n * THIRTY_USD)).toMatchObject({ _tag: "AwaitingApproval", approval: { reason: "daily", value: { amount: 15_000n } } })
        }),
        ShopMemory({ admins: new Set([ADMIN, SECOND]), withdrawals: { approvalAbove: 50_000n } })
      )
      yield* Effect.provide(
        Effect.gen(function*() {
          yield* trusted
          for (let i = 0; i < 6; i++) expect((yield* withdraw(THIRTY_USD))._tag).toBe("Sent")
        }),
        ShopMemory({ admins: new Set([ADMIN, SECOND]), withdrawals: { approvalDaily: null } })
      )
    }))
})

describe("the daily approval total under concurrent withdrawals", () => {
  /** Six assets on one address, 30 USD of each. */
  const funds: ReadonlyArray<readonly [Asset, bigint]> = [
    ["ETH", THIRTY_USD], ["BNB", 5n * 10n ** 16n], ["USDT_ERC20", 30_000_000n], ["USDC_ERC20", 30_000_000n],
    ["USDT_BEP20", 30n * 10n ** 18n], ["USDC_BEP20", 30n * 10n ** 18n]
  ]
  it.effect("six 30 USD withdrawals at once by one admin: three go (90 USD), three wait, and each of those is sent once approved", () =>
    Effect.gen(function*() {
      for (const [asset, units] of funds) {
        yield* (yield* WalletControl).fund(asset, units)
        yield* (yield* AddressBook).add(cli, asset, destination)
      }
      const withdrawals = yield* Withdrawals
      const outcomes = yield* Effect.all(
        funds.map(([asset], i) => withdrawals.execute(admin, request(asset), idempotencyKey("race", i))),
        { concurrency: "unbounded" }
      )
      expect(outcomes.filter((o) => o._tag === "Sent")).toHaveLength(3)
      const waiting = outcomes.flatMap((o) => o._tag === "AwaitingApproval" ? [o.approval] : [])
      expect(waiting.map((a) => a.reason)).toEqual(["daily", "daily", "daily"])
      expect(yield* sentCount).toBe(3)
      for (const a of waiting) expect(yield* (yield* WithdrawalApprovals).approve(second, a.id)).toMatchObject({ state: "sent" })
      expect(yield* sentCount).toBe(6)
    }).pipe(Effect.provide(ShopMemory({ admins: new Set([ADMIN, SECOND]) }, { storage: slowReads, services: ServicesMemory }))))
})
