import { describe, expect, it } from "@effect/vitest"
import { BuyId, Catalog, idempotencyKey, Ledger, LedgerRepo, money, SubcategoryId, TelegramId } from "@tokenshop/domain"
import { EventLog, ServicesMemory, ShopMemory, StorageMemory } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as TestClock from "effect/TestClock"
import { admin, buttons, type Call, makeHarness, settings, texts } from "./harness.js"

const credit = (user: number, cents: bigint) =>
  Effect.flatMap(Ledger, (l) => l.adjust(admin, { user: TelegramId.make(user), direction: "credit", amount: money(cents, "USD"), reason: "test", key: idempotencyKey("t", user, cents) }))
const balance = (user: number) => Effect.map(Effect.flatMap(Ledger, (l) => l.balance(TelegramId.make(user))), (b) => b.available.amount)
const confirmOf = (calls: ReadonlyArray<Call>) =>
  buttons(calls.find((c) => c.method === "editMessageText")).find((b) => b.callback_data.startsWith("1y:"))!.callback_data

describe("checking out", () => {
  it.scoped("a Confirm buys what its screen showed or nothing: after the cart changed, the new total is shown and asked again", () =>
    Effect.gen(function*() {
      yield* Effect.flatMap(Catalog, (c) => c.importFile(admin, "txt", ["Games;A;key;5.00;A1", "Games;A;key;5.00;A2", "Games;B;key;3.00;B1"].join("\n")))
      const h = yield* makeHarness()
      yield* h.text(50, "/start")
      yield* credit(50, 10_000n)
      yield* h.press(50, { _tag: "AddToCart", subcategory: SubcategoryId.make(1), quantity: 2 })
      const old = confirmOf(yield* h.press(50, { _tag: "Checkout" }))
      yield* h.press(50, { _tag: "AddToCart", subcategory: SubcategoryId.make(2), quantity: 1 })
      const stale = yield* h.press(50, old)
      expect(texts(stale)[0]).toContain("Your cart changed since you were asked to confirm. Nothing was bought.")
      expect(texts(stale)[0]).toContain("$13.00")
      expect(yield* balance(50)).toBe(10_000n)
      const fresh = confirmOf(stale)
      expect(fresh).not.toBe(old)
      const bought = yield* h.press(50, fresh)
      expect(texts(bought).join("\n")).toContain("A1")
      expect(yield* balance(50)).toBe(10_000n - 1_300n)
      // a confirmation older than ten minutes buys nothing either
      yield* h.press(50, { _tag: "AddToCart", subcategory: SubcategoryId.make(1), quantity: 0 })
      yield* Effect.flatMap(Catalog, (c) => c.importFile(admin, "txt", "Games;A;key;5.00;A3"))
      yield* h.press(50, { _tag: "AddToCart", subcategory: SubcategoryId.make(1), quantity: 1 })
      const later = confirmOf(yield* h.press(50, { _tag: "Checkout" }))
      yield* TestClock.adjust("11 minutes")
      expect(texts(yield* h.press(50, later))[0]).toContain("That confirmation has expired")
      expect(yield* balance(50)).toBe(10_000n - 1_300n)
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("a purchase of 500 long items reopens in full, as it was delivered: never one message past Telegram's limit", () =>
    Effect.gen(function*() {
      const lines = Array.from({ length: 500 }, (_, i) => `Keys;Long;a long key;0.01;${String(i).padStart(3, "0")}-${"K".repeat(300)}`)
      yield* Effect.flatMap(Catalog, (c) => c.importFile(admin, "txt", lines.join("\n")))
      const h = yield* makeHarness()
      yield* h.text(60, "/start")
      yield* credit(60, 1_000n)
      yield* h.press(60, { _tag: "AddToCart", subcategory: SubcategoryId.make(1), quantity: 500 })
      yield* h.press(60, confirmOf(yield* h.press(60, { _tag: "Checkout" })))
      const reopened = yield* h.press(60, { _tag: "Buy", buy: BuyId.make(1) })
      expect(texts(reopened)[0]).toContain("Purchase #1")
      for (const text of texts(reopened)) expect(text.length).toBeLessThanOrEqual(4096)
      const file = reopened.find((c) => c.method === "sendDocument")
      expect(file?.payload["caption"]).toBe("Your items are in the attached file.")
    }).pipe(Effect.provide(ShopMemory({ ...settings, maxLineQuantity: 1000 }))))
})

describe("a balance that does not add up", () => {
  /** The in-memory ledger, with its stored balance 100.00 USD above what the entries add up to (as after an UPDATE past the ledger). */
  const tampered = Layer.effect(LedgerRepo, Effect.map(LedgerRepo, (repo) => LedgerRepo.of({
    ...repo,
    reconcile: (user, currency) =>
      Effect.map(repo.reconcile(user, currency), ({ entries }) => ({
        entries,
        stored: { ...entries, topUp: money(entries.topUp.amount + 10_000n, currency), available: money(entries.available.amount + 10_000n, currency) }
      }))
  }))).pipe(Layer.provideMerge(StorageMemory))

  it.scoped("is refused at checkout: the buyer is told the shop must check it, nothing is charged or taken", () =>
    Effect.gen(function*() {
      yield* Effect.flatMap(Catalog, (c) => c.importFile(admin, "txt", "Games;A;key;5.00;A1"))
      const h = yield* makeHarness()
      yield* h.text(70, "/start")
      yield* credit(70, 10_000n)
      yield* h.press(70, { _tag: "AddToCart", subcategory: SubcategoryId.make(1), quantity: 1 })
      const refused = yield* h.press(70, confirmOf(yield* h.press(70, { _tag: "Checkout" })))
      expect(texts(refused).join("\n")).toContain("Your balance needs a check by the shop before you can buy. Nothing was charged")
      expect(yield* balance(70)).toBe(10_000n)
      expect((yield* Effect.flatMap(Catalog, (c) => c.subcategory(SubcategoryId.make(1)))).stock).toBe(1)
      expect((yield* (yield* EventLog).ofTag("BalanceUnverified")).map((e) => e.user)).toEqual([TelegramId.make(70)])
    }).pipe(Effect.provide(ShopMemory(settings, { storage: tampered, services: ServicesMemory }))))
})
