import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { type EntryKind, LedgerRepo, type NewLedgerEntry } from "../../Ledger.js"
import { money } from "../../Money.js"
import { Transactor } from "../../Transactor.js"
import type { UserRepo } from "../../Users.js"
import { type ContractLayer, freshKey, freshTime, plus, registered, usd } from "./support.js"

const entry = (user: NewLedgerEntry["user"], kind: EntryKind, cents: bigint, at = freshTime()): NewLedgerEntry => ({
  user,
  kind,
  amount: usd(cents),
  key: freshKey(kind),
  reason: kind.startsWith("admin") ? "contract test" : null,
  actor: kind.startsWith("admin") || kind === "refund" ? "operator test" : null,
  ref: null,
  createdAt: at
})

/** The LedgerRepo contract: totals, no overdraft, idempotent keys, history, atomic balance checks. */
export const ledgerRepoContract = (name: string, layer: ContractLayer<LedgerRepo | UserRepo | Transactor>) =>
  describe(`LedgerRepo contract: ${name}`, () => {
    const run = <A, E>(self: Effect.Effect<A, E, LedgerRepo | UserRepo | Transactor>) => Effect.provide(self, layer)

    it.live("an unknown user has a zero balance", () =>
      run(Effect.gen(function*() {
        const user = yield* registered()
        expect(yield* (yield* LedgerRepo).balance(user, "USD")).toEqual({ topUp: usd(0n), consumed: usd(0n), available: usd(0n) })
      })))

    it.live("keeps top_up and consumed, and available = top_up - consumed", () =>
      run(Effect.gen(function*() {
        const repo = yield* LedgerRepo
        const user = yield* registered()
        yield* repo.append(entry(user, "deposit", 10_000n))
        yield* repo.append(entry(user, "admin_credit", 500n))
        yield* repo.append(entry(user, "purchase", 3_000n))
        yield* repo.append(entry(user, "admin_debit", 200n))
        yield* repo.append(entry(user, "refund", 1_000n))
        expect(yield* repo.balance(user, "USD")).toEqual({ topUp: usd(10_500n), consumed: usd(2_200n), available: usd(8_300n) })
      })))

    it.live("a debit larger than available fails with InsufficientFunds and writes nothing", () =>
      run(Effect.gen(function*() {
        const repo = yield* LedgerRepo
        const user = yield* registered()
        yield* repo.append(entry(user, "deposit", 1_000n))
        const e = entry(user, "purchase", 1_001n)
        const error = yield* Effect.flip(repo.append(e))
        expect(error).toMatchObject({ _tag: "InsufficientFunds", needed: usd(1_001n), available: usd(1_000n) })
        expect(Option.isNone(yield* repo.findByKey(e.key))).toBe(true)
        expect((yield* repo.balance(user, "USD")).available).toEqual(usd(1_000n))
        const exact = yield* repo.append(entry(user, "admin_debit", 1_000n))
        expect(exact.replayed).toBe(false)
        expect((yield* repo.balance(user, "USD")).available).toEqual(usd(0n))
      })))

    it.live("a key replayed for a different entry is a LedgerConflict; an amount of zero or below is refused; nothing is written", () =>
      run(Effect.gen(function*() {
        const repo = yield* LedgerRepo
        const [user, other] = [yield* registered(), yield* registered()]
        const credit = entry(user, "deposit", 700n)
        yield* repo.append(credit)
        for (const changed of [{ ...credit, amount: usd(99_999n) }, { ...credit, user: other }, { ...credit, kind: "admin_credit" as const }]) {
          expect(yield* Effect.flip(repo.append(changed))).toMatchObject({ _tag: "LedgerConflict", key: credit.key })
        }
        for (const cents of [0n, -500n]) {
          const bad = entry(user, "purchase", cents)
          expect(yield* Effect.flip(repo.append(bad))).toMatchObject({ _tag: "InvalidAmount" })
          expect(Option.isNone(yield* repo.findByKey(bad.key))).toBe(true)
        }
        expect(yield* repo.balance(user, "USD")).toMatchObject({ topUp: usd(700n), consumed: usd(0n) })
        expect(yield* repo.balance(other, "USD")).toMatchObject({ topUp: usd(0n) })
      })))

    it.live("a replayed key returns the first entry and changes nothing", () =>
      run(Effect.gen(function*() {
        const repo = yield* LedgerRepo
        const user = yield* registered()
        const credit = entry(user, "deposit", 700n)
        const first = yield* repo.append(credit)
        const again = yield* repo.append(credit)
        expect(first.replayed).toBe(false)
        expect(again.replayed).toBe(true)
        expect(again.entry).toEqual(first.entry)
        expect((yield* repo.balance(user, "USD")).topUp).toEqual(usd(700n))
        // a replayed debit succeeds even when the balance no longer covers it
        const debit = entry(user, "purchase", 700n)
        yield* repo.append(debit)
        expect((yield* repo.append(debit)).replayed).toBe(true)
        expect((yield* repo.balance(user, "USD")).available).toEqual(usd(0n))
        expect(Option.getOrThrow(yield* repo.findByKey(debit.key)).kind).toBe("purchase")
      })))

    it.live("stores amounts beyond 64 bits exactly", () =>
      run(Effect.gen(function*() {
        const repo = yield* LedgerRepo
        const user = yield* registered()
        const huge = 2n ** 70n + 12_345n
        yield* repo.append(entry(user, "deposit", huge))
        yield* repo.append(entry(user, "purchase", 1n))
        expect((yield* repo.balance(user, "USD")).available).toEqual(usd(huge - 1n))
      })))

    it.live("reconcile reads the stored balance and what the entries add up to, alike, beyond 64 bits too", () =>
      run(Effect.gen(function*() {
        const repo = yield* LedgerRepo
        const user = yield* registered()
        const huge = 2n ** 70n + 999_999_999n
        for (const [kind, cents] of [["deposit", huge], ["deposit", huge], ["purchase", 1_000_000_001n], ["hold", 7n], ["release", 7n], ["refund", 1n]] as const) {
          yield* repo.append(entry(user, kind, cents))
        }
        const balance = yield* repo.balance(user, "USD")
        expect(balance.available).toEqual(usd(2n * huge - 1_000_000_000n))
        expect(yield* repo.reconcile(user, "USD")).toEqual({ stored: balance, entries: balance })
        const none = yield* registered()
        expect(yield* repo.reconcile(none, "USD")).toEqual({ stored: yield* repo.balance(none, "USD"), entries: yield* repo.balance(none, "USD") })
      })))

    it.live("balances are per currency", () =>
      run(Effect.gen(function*() {
        const repo = yield* LedgerRepo
        const user = yield* registered()
        yield* repo.append({ ...entry(user, "deposit", 500n), amount: money(500n, "EUR") })
        expect((yield* repo.balance(user, "USD")).available).toEqual(usd(0n))
        expect((yield* repo.balance(user, "EUR")).available).toEqual(money(500n, "EUR"))
        expect((yield* Effect.flip(repo.append(entry(user, "purchase", 1n))))._tag).toBe("InsufficientFunds")
      })))

    it.live("history is newest first, paged, and keeps every field", () =>
      run(Effect.gen(function*() {
        const repo = yield* LedgerRepo
        const user = yield* registered()
        const t = freshTime()
        const a = entry(user, "deposit", 100n, t)
        const b = entry(user, "admin_credit", 200n, plus(t, 1000))
        const c = entry(user, "admin_debit", 50n, plus(t, 2000))
        for (const e of [a, b, c]) yield* repo.append(e)
        const page = yield* repo.history(user, { offset: 0, limit: 2 })
        expect(page.total).toBe(3)
        expect(page.items.map((e) => e.key)).toEqual([c.key, b.key])
        const stored = page.items[0]!
        expect({ ...stored, id: undefined }).toEqual({ ...c, id: undefined })
        expect((yield* repo.history(user, { offset: 2, limit: 2 })).items.map((e) => e.key)).toEqual([a.key])
        expect(yield* repo.history(user, { offset: 6, limit: 2 })).toMatchObject({ items: [], total: 3 })
        expect(yield* repo.history(yield* registered(), { offset: 0, limit: 2 })).toMatchObject({ items: [], total: 0 })
      })))

    it.live("concurrent debits inside transactions never overdraw", () =>
      run(Effect.gen(function*() {
        const repo = yield* LedgerRepo
        const tx = yield* Transactor
        const user = yield* registered()
        yield* repo.append(entry(user, "deposit", 1_000n))
        const results = yield* Effect.all(
          Array.from({ length: 25 }, () => Effect.either(tx.withTransaction(repo.append(entry(user, "purchase", 100n))))),
          { concurrency: "unbounded" }
        )
        expect(results.filter((r) => r._tag === "Right").length).toBe(10)
        expect((yield* repo.balance(user, "USD")).available).toEqual(usd(0n))
      })))

    it.live("foreignEntries counts the entries in other currencies", () =>
      run(Effect.gen(function*() {
        const repo = yield* LedgerRepo
        const count = (c: "NZD") => Effect.map(repo.foreignEntries("USD"), (all) => all.find((f) => f.currency === c)?.entries ?? 0)
        const before = yield* count("NZD")
        const user = yield* registered()
        yield* repo.append({ ...entry(user, "deposit", 500n), amount: money(500n, "NZD") })
        yield* repo.append(entry(user, "deposit", 700n))
        expect(yield* count("NZD")).toBe(before + 1)
        expect((yield* repo.foreignEntries("NZD")).some((f) => f.currency === "NZD")).toBe(false)
      })))
  })
