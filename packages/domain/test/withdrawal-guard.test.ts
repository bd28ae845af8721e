import { describe, expect, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as TestClock from "effect/TestClock"
import { AddressBook, type Approval, idempotencyKey, TelegramId, WithdrawalApprovals, Withdrawals } from "../src/index.js"
import { EventLog, ShopMemory, WalletControl } from "../src/testing/memory.js"
import { ADMIN, admin, cli } from "./support.js"

const SECOND = TelegramId.make(998)
const second = { kind: "telegram", id: SECOND } as const
const destination = "0x52908400098527886E0F7030069857D2E4169EE7"
const request = { asset: "ETH", destination, scope: { kind: "all" } } as const
const key = (n: number) => idempotencyKey("guard", n)
/** Two admins: withdrawals from 100 USD (1 ETH = 3,000 USD here) wait for the second. */
const twoAdmins = ShopMemory({ admins: new Set([ADMIN, SECOND]) })

/** Funds the wallet, trusts the destination from the command line, and asks for a withdrawal of it all. */
const parked = (units: bigint, n = 1) =>
  Effect.gen(function*() {
    yield* (yield* WalletControl).fund("ETH", units)
    yield* (yield* AddressBook).add(cli, "ETH", destination)
    const withdrawals = yield* Withdrawals
    const seen = (yield* withdrawals.preview(admin, request)).quote
    const outcome = yield* withdrawals.execute(admin, request, key(n), seen)
    if (outcome._tag !== "AwaitingApproval") return yield* Effect.die("expected to wait for approval")
    return outcome.approval
  })

describe("the withdrawal address book", () => {
  it.effect("an address an admin adds is usable after 24 hours, every admin is told, and removing it stops it again", () =>
    Effect.gen(function*() {
      yield* (yield* WalletControl).fund("ETH", 10n ** 16n) // 30 USD: below the approval threshold
      const book = yield* AddressBook
      const withdrawals = yield* Withdrawals
      expect(yield* Effect.flip(withdrawals.execute(admin, request, key(1)))).toMatchObject({ _tag: "DestinationNotTrusted", usableFrom: null })
      expect((yield* Effect.flip(book.add(admin, "ETH", "0x12")))._tag).toBe("InvalidAddress")
      const entry = yield* book.add(admin, "ETH", ` ${destination} `, "cold wallet")
      expect(entry).toMatchObject({ address: destination, label: "cold wallet", addedBy: `admin ${ADMIN}` }) // as the validator gives it
      expect(entry.usableFrom.getTime() - entry.addedAt.getTime()).toBe(Duration.toMillis(Duration.hours(24)))
      expect(yield* book.add(second, "ETH", destination)).toEqual(entry) // once: the first entry stands
      expect((yield* (yield* EventLog).ofTag("WithdrawalAddressAdded")).length).toBe(1)
      expect((yield* Effect.flip(withdrawals.preview(admin, request)))._tag).toBe("DestinationNotTrusted")
      expect((yield* Effect.flip(withdrawals.execute(admin, request, key(1))))).toMatchObject({ usableFrom: entry.usableFrom })
      expect(yield* (yield* WalletControl).sent).toEqual([])
      yield* TestClock.adjust(Duration.hours(24))
      expect((yield* withdrawals.execute(admin, request, key(1)))._tag).toBe("Sent")
      expect(yield* book.remove(second, "ETH", destination)).toBe(true)
      expect((yield* (yield* EventLog).ofTag("WithdrawalAddressRemoved")).length).toBe(1)
      yield* (yield* WalletControl).fund("ETH", 10n ** 16n)
      expect((yield* Effect.flip(withdrawals.execute(admin, request, key(2))))._tag).toBe("DestinationNotTrusted")
      expect(yield* (yield* WalletControl).sent).toHaveLength(1)
    }).pipe(Effect.provide(twoAdmins)))

  it.effect("the command line (who holds the server) adds an address usable at once; a configured delay of zero does too", () =>
    Effect.gen(function*() {
      const entry = yield* (yield* AddressBook).add(cli, "ETH", destination)
      expect(entry.usableFrom).toEqual(entry.addedAt)
      const instant = yield* Effect.provide((yield* AddressBook).add(admin, "ETH", destination), ShopMemory({ admins: new Set([ADMIN]), withdrawals: { addressDelay: Duration.zero } }))
      expect(instant.usableFrom).toEqual(instant.addedAt)
    }).pipe(Effect.provide(twoAdmins)))
})

describe("two-admin approval", () => {
  it.effect("above the threshold nothing is sent until a second admin approves; then it is sent once", () =>
    Effect.gen(function*() {
      const approval = yield* parked(10n ** 18n)
      expect(approval).toMatchObject({ state: "pending", requestedBy: `admin ${ADMIN}`, value: { amount: 300_000n, currency: "USD" } })
      expect(yield* (yield* WalletControl).sent).toEqual([])
      const approvals = yield* WithdrawalApprovals
      const withdrawals = yield* Withdrawals
      // Sending again waits on the same approval; the requester cannot approve it.
      const seen = (yield* withdrawals.preview(admin, request)).quote
      expect(yield* withdrawals.execute(admin, request, key(1), seen)).toMatchObject({ _tag: "AwaitingApproval", approval: { id: approval.id } })
      expect(yield* Effect.flip(approvals.approve(admin, approval.id))).toMatchObject({ reason: "own-request" })
      expect((yield* approvals.pending(second)).map((a) => a.id)).toEqual([approval.id])
      const done = yield* approvals.approve(second, approval.id)
      expect(done).toMatchObject({ state: "sent", decidedBy: `admin ${SECOND}`, note: "memtx-1" })
      expect(yield* (yield* WalletControl).sent).toHaveLength(1)
      expect(yield* Effect.flip(approvals.approve(cli, approval.id))).toMatchObject({ reason: "decided" })
      expect(yield* withdrawals.execute(admin, request, key(1), seen)).toMatchObject({ _tag: "Sent", withdrawal: { txIds: ["memtx-1"] } })
      const states = (yield* (yield* EventLog).ofTag("WithdrawalApprovalChanged")).map((e) => e.approval.state)
      expect(states).toEqual(["pending", "approved", "sent"])
      expect(yield* approvals.pending(second)).toEqual([])
    }).pipe(Effect.provide(twoAdmins)))

  it.effect("below the threshold it goes at once", () =>
    Effect.gen(function*() {
      yield* (yield* WalletControl).fund("ETH", 10n ** 16n)
      yield* (yield* AddressBook).add(cli, "ETH", destination)
      expect((yield* (yield* Withdrawals).execute(admin, request, key(1)))._tag).toBe("Sent")
    }).pipe(Effect.provide(twoAdmins)))

  it.effect("of unknown value (no price in the shop's currency) it waits, however small", () =>
    Effect.gen(function*() {
      yield* (yield* WalletControl).fund("ETH", 1_000n)
      yield* (yield* AddressBook).add(cli, "ETH", destination)
      expect(yield* (yield* Withdrawals).execute(admin, request, key(1))).toMatchObject({ _tag: "AwaitingApproval", approval: { value: null } })
      expect(yield* (yield* WalletControl).sent).toEqual([])
    }).pipe(Effect.provide(ShopMemory({ currency: "EUR", admins: new Set([ADMIN, SECOND]) }))))

  it.effect("a rejection (by anyone) or the expiry sends nothing, and no later approval can", () =>
    Effect.gen(function*() {
      const approvals = yield* WithdrawalApprovals
      const first = yield* parked(10n ** 18n, 1)
      expect(yield* approvals.reject(admin, first.id)).toMatchObject({ state: "rejected" })
      expect(yield* Effect.flip(approvals.approve(second, first.id))).toMatchObject({ reason: "decided" })
      const other = yield* parked(0n, 2)
      yield* TestClock.adjust(Duration.hours(24))
      expect(yield* Effect.flip(approvals.approve(second, other.id))).toMatchObject({ reason: "expired" })
      expect(yield* approvals.get(second, other.id)).toMatchObject({ state: "expired" })
      expect(yield* (yield* WalletControl).sent).toEqual([])
      expect((yield* Effect.flip(approvals.approve(second, 424242 as Approval["id"])))._tag).toBe("ApprovalRefused")
    }).pipe(Effect.provide(twoAdmins)))

  it.effect("two approvals at once send once; an approved one whose address left the book, or whose amount moved, is not sent", () =>
    Effect.gen(function*() {
      const approvals = yield* WithdrawalApprovals
      const first = yield* parked(10n ** 18n, 1)
      const both = yield* Effect.all([approvals.approve(second, first.id), approvals.approve(cli, first.id)].map(Effect.either), { concurrency: "unbounded" })
      expect(both.filter((r) => r._tag === "Right")).toHaveLength(1)
      expect(yield* (yield* WalletControl).sent).toHaveLength(1)

      const moved = yield* parked(10n ** 18n, 2)
      yield* (yield* WalletControl).fund("ETH", 10n ** 17n) // +10 %: beyond the previewed fee
      expect(yield* approvals.approve(second, moved.id)).toMatchObject({ state: "failed" })
      expect((yield* approvals.get(admin, moved.id)).note).toContain("changed since the preview")

      const removed = yield* parked(0n, 3)
      yield* (yield* AddressBook).remove(second, "ETH", destination)
      expect(yield* approvals.approve(second, removed.id)).toMatchObject({ state: "failed" })
      expect(yield* (yield* WalletControl).sent).toHaveLength(1)
    }).pipe(Effect.provide(twoAdmins)))
})
