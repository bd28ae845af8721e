import { describe, expect, it } from "@effect/vitest"
import { Cart, Catalog, idempotencyKey, Ledger, money, TelegramId } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import { admin, alerts, buttons, type Call, makeHarness, settings, texts } from "./harness.js"

const LINES = 40
const names = Array.from({ length: LINES }, (_, i) => `Item ${String(i + 1).padStart(2, "0")}`)
const stock = Effect.flatMap(Catalog, (c) => c.importFile(admin, "txt", names.map((n, i) => `Games;${n};Key;1.00;KEY-${i}`).join("\n")))
const screen = (calls: ReadonlyArray<Call>) => calls.find((c) => c.method === "editMessageText" || c.method === "sendMessage")
const count = (call: Call | undefined) => buttons(call).length

describe("a cart with many lines", () => {
  it.scoped("is shown in pages within Telegram's button limit, covering every line, and checks out", () =>
    Effect.gen(function*() {
      yield* stock
      const h = yield* makeHarness()
      yield* h.text(8, "/start")
      const catalog = yield* Catalog
      const category = (yield* catalog.categories({ offset: 0, limit: 10 })).items[0]!.id
      const subs = (yield* catalog.subcategories(category, { offset: 0, limit: 100 })).items
      expect(subs).toHaveLength(LINES)
      for (const sub of subs) yield* (yield* Cart).add(TelegramId.make(8), sub.id, 1)

      const seen = new Set<string>()
      let call = screen(yield* h.press(8, { _tag: "Cart" }))
      for (let page = 0; call !== undefined; page++) {
        expect(page).toBeLessThan(LINES)
        const text = String(call.payload["text"])
        expect(count(call)).toBeLessThanOrEqual(100)
        expect(text.length).toBeLessThan(4096)
        expect(text).toContain("Total: $40.00")
        expect(buttons(call).some((b) => b.callback_data === "1o")).toBe(true)
        for (const n of names) if (text.includes(n)) seen.add(n)
        const next = buttons(call).find((b) => b.text === "▶️")
        call = next === undefined ? undefined : screen(yield* h.press(8, next.callback_data))
      }
      expect([...seen].sort()).toEqual(names)

      // A change on the last page stays on that page.
      const last = screen(yield* h.press(8, { _tag: "CartPage", page: 3 }))
      const minus = buttons(last).find((b) => b.text === "✖️")!
      const after = screen(yield* h.press(8, minus.callback_data))
      expect(String(after?.payload["text"])).toContain("Item 32")
      expect(String(after?.payload["text"])).not.toContain("Item 31")
      // A page past the end shows the last one; garbage is "expired".
      expect(String(screen(yield* h.press(8, { _tag: "CartPage", page: 99 }))?.payload["text"])).toContain("Item 40")
      for (const forged of ["1K", "1K:-1", "1K:x", "1K:1:2", "1K:01"]) {
        const calls = yield* h.press(8, forged)
        expect(alerts(calls), forged).toEqual(["This button has expired. Please open the menu again."])
        expect(screen(calls), forged).toBeUndefined()
      }

      yield* Effect.flatMap(Ledger, (l) =>
        l.adjust(admin, { user: TelegramId.make(8), direction: "credit", amount: money(10_000n, "USD"), reason: "test", key: idempotencyKey("t", 8) }))
      const order = screen(yield* h.press(8, { _tag: "Checkout" }))
      const confirm = buttons(order).find((b) => b.callback_data.startsWith("1y:"))!
      const bought = yield* h.press(8, confirm.callback_data)
      expect(texts(bought).join("\n")).toContain("KEY-0")
    }).pipe(Effect.provide(ShopMemory(settings))))
})
