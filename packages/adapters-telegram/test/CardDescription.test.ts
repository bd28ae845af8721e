import { describe, expect, it } from "@effect/vitest"
import { Catalog } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import { escapeHtml } from "../src/Screens.js"
import { cutEscaped, splitEscaped } from "../src/catalog/Fit.js"
import { admin, alerts, buttons, makeHarness, settings, texts } from "./harness.js"

const long = "Tom & Jerry <3> 中文 😀 ".repeat(200).slice(0, 4000)
const stock = Effect.flatMap(Catalog, (c) =>
  c.importFile(admin, "json", JSON.stringify([
    { category: "Games", subcategory: "Long", price: "5", description: long, private_data: "L-1" },
    { category: "Games", subcategory: "Long", price: "5", description: long, private_data: "L-2" },
    { category: "Games", subcategory: "Short", price: "5", description: "A short one & fine", private_data: "S-1" }
  ])))
const idOf = (name: string) =>
  Effect.flatMap(Catalog, (c) =>
    Effect.flatMap(c.categories({ offset: 0, limit: 10 }), (cats) => c.subcategories(cats.items[0]!.id, { offset: 0, limit: 10 }))).pipe(
    Effect.map((p) => p.items.find((s) => s.name === name)!.id)
  )
const screen = (calls: ReadonlyArray<{ method: string; payload: Record<string, unknown> }>) => calls.find((c) => c.method === "editMessageText")

describe("the product card's description", () => {
  it("cuts escaped text at a character boundary, never inside an entity", () => {
    const escaped = escapeHtml("a&b".repeat(10))
    for (let max = 2; max < 40; max++) {
      const cut = cutEscaped(escaped, max)
      expect(cut.length).toBeLessThanOrEqual(max)
      expect(cut).toMatch(/(^|[ab;])…$/)
      const pieces = splitEscaped(escaped, Math.max(5, max))
      expect(pieces.join("")).toBe(escaped)
      for (const p of pieces) expect(p).not.toMatch(/&[a-z]*$/)
    }
    expect(cutEscaped("😀😀", 2)).toBe("…")
  })

  it.scoped("keeps a long card under Telegram's limit, with Add to cart and the whole text behind a button", () =>
    Effect.gen(function*() {
      yield* stock
      const h = yield* makeHarness()
      yield* h.text(5, "/start")
      const id = yield* idOf("Long")
      const card = screen(yield* h.press(5, { _tag: "Subcategory", subcategory: id }))
      const text = String(card?.payload["text"])
      expect(text.length).toBeLessThan(4096)
      expect(text).toContain("Price: $5.00")
      expect(text).toContain("…")
      expect(text).not.toMatch(/&[a-z]*…/)
      const row = buttons(card)
      expect(row.filter((b) => b.callback_data.startsWith("1a:")).map((b) => b.text)).toEqual(["1", "2"])
      const full = row.find((b) => b.text === "📄 Full description")!
      expect(full).toBeDefined()

      const pages: Array<string> = []
      let next: string | undefined = full.callback_data
      while (next !== undefined) {
        const shown = screen(yield* h.press(5, next))
        const body = String(shown?.payload["text"])
        expect(body.length).toBeLessThan(4096)
        pages.push(body.split("\n\n").slice(1).join("\n\n"))
        const kb = buttons(shown)
        expect(kb.some((b) => b.callback_data === `1d:${id}`)).toBe(true)
        next = kb.find((b) => b.text === "▶️")?.callback_data
      }
      expect(pages.length).toBeGreaterThan(1)
      expect(pages.join("")).toBe(escapeHtml(long))

      const back = screen(yield* h.press(5, { _tag: "Subcategory", subcategory: id }))
      expect(buttons(back).some((b) => b.callback_data.startsWith("1a:"))).toBe(true)
      const added = yield* h.press(5, { _tag: "AddToCart", subcategory: id, quantity: 1 })
      expect(texts(added)[0]).toContain("Total: $5.00")
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("leaves a short description as it was, without the extra button, and refuses forged pages", () =>
    Effect.gen(function*() {
      yield* stock
      const h = yield* makeHarness()
      yield* h.text(6, "/start")
      const id = yield* idOf("Short")
      const card = screen(yield* h.press(6, { _tag: "Subcategory", subcategory: id }))
      expect(String(card?.payload["text"])).toContain("A short one &amp; fine\n")
      expect(buttons(card).some((b) => b.callback_data.startsWith("1F:"))).toBe(false)
      const longId = yield* idOf("Long")
      for (const forged of [`1F:${longId}:99`, `1F:${longId}`, `1F:${longId}:-1`, "1F:x:0", "1F:999:0", `1F:${longId}:01`]) {
        const calls = yield* h.press(6, forged)
        expect(alerts(calls), forged).toEqual(["This button has expired. Please open the menu again."])
        expect(screen(calls), forged).toBeUndefined()
      }
    }).pipe(Effect.provide(ShopMemory(settings))))
})
