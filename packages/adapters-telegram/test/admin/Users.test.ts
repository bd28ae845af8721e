/** Helping a buyer from Telegram, as an admin: find, card, credit and debit with a reason, ban and unban, refund once. */
import { describe, expect, it } from "@effect/vitest"
import { Audits, BuyId, Catalog, Ledger, operator, SubcategoryId, TelegramId } from "@tokenshop/domain"
import { EventLog, ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import { ADMIN, admin, alerts, buttons, type Call, makeHarness, settings, texts } from "../harness.js"

const lastText = (calls: ReadonlyArray<Call>) => texts(calls).at(-1) ?? ""
const available = (user: number) => Effect.map(Effect.flatMap(Ledger, (l) => l.balance(TelegramId.make(user))), (b) => b.available.amount)
const confirmOf = (calls: ReadonlyArray<Call>) =>
  buttons(calls.find((c) => c.method === "editMessageText")).find((b) => b.callback_data.startsWith("1y:"))!.callback_data

describe("buyers in the admin menu", () => {
  it.scoped("find by id or @username; credit and debit with a typed reason, never below zero", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      yield* h.text(42, "/start")
      yield* h.press(ADMIN, { _tag: "FindUser" })
      expect(lastText(yield* h.text(ADMIN, "@nobody"))).toContain("Nobody is registered as @nobody")
      expect(lastText(yield* h.text(ADMIN, "not a name!"))).toContain("Nobody is registered")
      const card = lastText(yield* h.text(ADMIN, "@User42"))
      expect(card).toContain("<b>Buyer 42</b> (@user42)")
      expect(card).toContain("topped up $0.00, spent $0.00, <b>available $0.00</b>")
      yield* h.press(ADMIN, { _tag: "Adjust", user: TelegramId.make(42), direction: "c" })
      expect(lastText(yield* h.text(ADMIN, "-3"))).toContain("Type an amount above zero")
      expect(lastText(yield* h.text(ADMIN, "12.50"))).toContain("The reason for $12.50")
      expect(lastText(yield* h.text(ADMIN, " "))).toContain("Type a reason")
      const credited = yield* h.text(ADMIN, "goodwill for the late key")
      expect(lastText(credited)).toContain("Credited $12.50 to buyer 42")
      expect(lastText(credited)).toContain("available $12.50")
      expect(yield* available(42)).toBe(1_250n)
      // the same text again is no second credit: the question was taken
      expect(lastText(yield* h.text(ADMIN, "goodwill for the late key"))).toContain("Welcome")
      expect(yield* available(42)).toBe(1_250n)
      yield* h.press(ADMIN, { _tag: "Adjust", user: TelegramId.make(42), direction: "d" })
      yield* h.text(ADMIN, "20")
      expect(lastText(yield* h.text(ADMIN, "too much"))).toContain("has only $12.50 available")
      yield* h.press(ADMIN, { _tag: "Adjust", user: TelegramId.make(42), direction: "d" })
      yield* h.text(ADMIN, "2.50")
      expect(lastText(yield* h.text(ADMIN, "correction"))).toContain("Debited $2.50 from buyer 42")
      expect(yield* available(42)).toBe(1_000n)
      const history = yield* Effect.flatMap(Ledger, (l) => l.history(TelegramId.make(42), { offset: 0, limit: 10 }))
      expect(history.items.map((e) => [e.kind, e.amount.amount, e.reason, e.actor])).toEqual([
        ["admin_debit", 250n, "correction", `admin ${ADMIN}`],
        ["admin_credit", 1_250n, "goodwill for the late key", `admin ${ADMIN}`]
      ])
      expect(lastText(yield* h.press(ADMIN, { _tag: "UserCard", user: TelegramId.make(4242) }))).toContain("does not exist")
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("a ban is told to the buyer once and shown to the admins; unban lets them back", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      yield* h.text(43, "/start")
      const banned = yield* h.press(ADMIN, { _tag: "Ban", user: TelegramId.make(43) })
      expect(lastText(banned)).toContain("⛔ <b>Banned</b>")
      expect(buttons(banned.at(-1)).map((b) => b.text)).toContain("✅ Unban")
      expect(texts(yield* h.text(43, "/start"))).toEqual(["Your access to this shop has been blocked."])
      expect(alerts(yield* h.press(43, { _tag: "Categories", page: 0 }))).toEqual(["Your access to this shop has been blocked."])
      // banning again changes nothing
      yield* h.press(ADMIN, { _tag: "Ban", user: TelegramId.make(43) })
      expect(lastText(yield* h.press(ADMIN, { _tag: "Unban", user: TelegramId.make(43) }))).toContain("Unbanned")
      expect(lastText(yield* h.text(43, "/start"))).toContain("Welcome")
      const events = (yield* Effect.flatMap(EventLog, (l) => l.events)).filter((e) => e._tag === "BanChanged")
      expect(events.map((e) => e._tag === "BanChanged" && e.banned)).toEqual([true, false])
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("a purchase is refunded after a confirmation, once", () =>
    Effect.gen(function*() {
      yield* Effect.flatMap(Catalog, (c) => c.importFile(admin, "txt", "Games;Steam;k;5.00;S1"))
      const h = yield* makeHarness()
      yield* h.text(44, "/start")
      yield* h.press(ADMIN, { _tag: "Adjust", user: TelegramId.make(44), direction: "c" })
      yield* h.text(ADMIN, "10")
      yield* h.text(ADMIN, "test money")
      yield* h.press(44, { _tag: "AddToCart", subcategory: SubcategoryId.make(1), quantity: 1 })
      yield* h.press(44, confirmOf(yield* h.press(44, { _tag: "Checkout" })))
      expect(yield* available(44)).toBe(500n)
      const list = yield* h.press(ADMIN, { _tag: "UserBuys", user: TelegramId.make(44), page: 0 })
      expect(buttons(list.at(-1))[0]!.text).toMatch(/^#1 · .* · \$5\.00 · ×1$/)
      const detail = lastText(yield* h.press(ADMIN, { _tag: "AdminBuy", buy: BuyId.make(1) }))
      expect(detail).toContain("Purchase #1</b> of buyer 44")
      expect(detail).not.toContain("S1")
      // the goods, for support: shown to an admin only through the logged button
      const revealed = texts(yield* h.press(ADMIN, { _tag: "RevealBuy", buy: BuyId.make(1) }))
      expect(revealed.join("\n")).toContain("recorded in the money log")
      expect(revealed.join("\n")).toContain("S1")
      expect(alerts(yield* h.press(44, { _tag: "RevealBuy", buy: BuyId.make(1) }))[0]).toContain("expired")
      expect((yield* (yield* Audits).verify(operator("t"))).sealed).toBeGreaterThan(0)
      expect(lastText(yield* h.press(ADMIN, { _tag: "Refund", buy: BuyId.make(1) }))).toContain("credit $5.00 back to buyer 44")
      expect(yield* available(44)).toBe(500n)
      expect(lastText(yield* h.press(ADMIN, { _tag: "RefundConfirm", buy: BuyId.make(1) }))).toContain("Available now: $10.00")
      expect(lastText(yield* h.press(ADMIN, { _tag: "RefundConfirm", buy: BuyId.make(1) }))).toContain("already refunded")
      expect(yield* available(44)).toBe(1_000n)
      const deposits = lastText(yield* h.press(ADMIN, { _tag: "UserDeposits", user: TelegramId.make(44), page: 0 }))
      expect(deposits).toContain("has made no deposit yet")
    }).pipe(Effect.provide(ShopMemory(settings))))
})
