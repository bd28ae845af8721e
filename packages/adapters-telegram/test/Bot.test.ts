import { describe, expect, it } from "@effect/vitest"
import { BuyId, Catalog, idempotencyKey, Ledger, money, SubcategoryId, TelegramId, Users } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { admin, alerts, buttons, makeHarness, settings, texts } from "./harness.js"

const stock = Effect.flatMap(Catalog, (c) =>
  c.importFile(admin, "txt", ["Games;Steam;Steam key;5.00;STEAM-1", "Games;Steam;Steam key;5.00;STEAM-2", "Soft;Office;Licence;20;OFFICE-<1>"].join("\n")))
const credit = (user: number, cents: bigint) =>
  Effect.flatMap(Ledger, (l) => l.adjust(admin, { user: TelegramId.make(user), direction: "credit", amount: money(cents, "USD"), reason: "test", key: idempotencyKey("t", user, cents) }))

describe("the buyer's bot", () => {
  it.scoped("registers on /start, browses, refuses more than the stock, and buys once with a double tap", () =>
    Effect.gen(function*() {
      yield* stock
      const h = yield* makeHarness()
      const start = yield* h.text(42, "/start")
      expect(texts(start)[0]).toContain("Welcome to Test Shop")
      expect((yield* (yield* Users).get(TelegramId.make(42))).username).toBe("user42")
      const categories = yield* h.press(42, { _tag: "Categories", page: 0 })
      expect(buttons(categories.find((c) => c.method === "editMessageText")).map((b) => b.text)).toContain("Games (2)")
      const games = buttons(categories.find((c) => c.method === "editMessageText")).find((b) => b.text.startsWith("Games"))!
      const subs = yield* h.press(42, games.callback_data)
      const steam = buttons(subs.find((c) => c.method === "editMessageText"))[0]!
      expect(steam.text).toBe("Steam · $5.00 · 2 left")
      const card = yield* h.press(42, steam.callback_data)
      const quantities = buttons(card.find((c) => c.method === "editMessageText")).filter((b) => /^\d+$/.test(b.text))
      expect(quantities.map((b) => b.text)).toEqual(["1", "2"])
      const tooMany = yield* h.press(42, quantities[1]!.callback_data.replace(/:2$/, ":3"))
      expect(alerts(tooMany)[0]).toContain("Only 2")
      const added = yield* h.press(42, quantities[1]!.callback_data)
      expect(texts(added)[0]).toContain("Total: $10.00")

      const poor = yield* h.press(42, { _tag: "Checkout" })
      const confirm = buttons(poor.find((c) => c.method === "editMessageText")).find((b) => b.callback_data.startsWith("1y:"))!
      const refused = yield* h.press(42, confirm.callback_data)
      expect(texts(refused)[0]).toContain("This costs $10.00 but your balance is $0.00")

      yield* credit(42, 1500n)
      const bought = yield* h.press(42, confirm.callback_data)
      expect(texts(bought).join("\n")).toContain("STEAM-1")
      expect(texts(bought).join("\n")).toContain("STEAM-2")
      const again = yield* h.press(42, confirm.callback_data)
      expect(texts(again)).toEqual([])
      expect(alerts(again)).toEqual(["This purchase is already complete."])
      expect((yield* (yield* Ledger).balance(TelegramId.make(42))).available).toEqual(money(500n, "USD"))
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("refuses forged and stale buttons and another user's purchase, changing nothing", () =>
    Effect.gen(function*() {
      yield* stock
      const h = yield* makeHarness()
      yield* h.text(7, "/start")
      yield* credit(7, 10_000n)
      yield* h.press(7, { _tag: "AddToCart", subcategory: SubcategoryId.make(2), quantity: 1 })
      const order = yield* h.press(7, { _tag: "Checkout" })
      const confirm = buttons(order.find((c) => c.method === "editMessageText")).find((b) => b.callback_data.startsWith("1y:"))!
      yield* h.press(7, confirm.callback_data)
      for (const forged of ["1b:1", "garbage", "9x:1", "1b:-1", "1A:refund:1", "1l:xx"]) {
        const answer = yield* h.press(8, forged)
        expect(texts(answer), forged).toEqual([])
        expect(alerts(answer), forged).toEqual(["This button has expired. Please open the menu again."])
      }
      const own = yield* h.press(7, { _tag: "Buy", buy: BuyId.make(1) })
      expect(texts(own)[0]).toContain("Purchase #1")
      // the goods come again as they were delivered: plain text, not markup
      expect(own.find((c) => c.method === "sendMessage" && c.payload["parse_mode"] === undefined)?.payload["text"]).toContain("OFFICE-<1>")
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("a banned user gets one message and nothing else; a replayed update is ignored", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      yield* h.text(5, "/start")
      yield* (yield* Users).setBanned(admin, TelegramId.make(5), true)
      const blocked = yield* h.text(5, "/start")
      expect(texts(blocked)).toEqual(["Your access to this shop has been blocked."])
      const pressed = yield* h.press(5, { _tag: "Categories", page: 0 })
      expect(pressed.map((c) => c.method)).toEqual(["answerCallbackQuery"])
      const update = { update_id: 999, message: { message_id: 1, date: 0, chat: { id: 6, type: "private" as const, first_name: "x" }, from: { id: 6, is_bot: false, first_name: "x" }, text: "/start" } }
      expect((yield* h.replay(update)).length).toBe(1)
      expect((yield* h.replay(update)).length).toBe(0)
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("throttles fast taps with a friendly message", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness(60_000)
      yield* h.press(3, { _tag: "Categories", page: 0 })
      const fast = yield* h.press(3, { _tag: "Categories", page: 0 })
      expect(alerts(fast)).toEqual(["Slow down a little, please."])
      expect(texts(fast)).toEqual([])
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("speaks the user's language and switches it", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      expect(texts(yield* h.text(11, "/start", "de-AT"))[0]).toContain("Willkommen bei Test Shop")
      const switched = yield* h.press(11, { _tag: "Language", language: "en" }, "de")
      expect(alerts(switched)).toEqual(["Language set to English."])
      expect(texts(switched)[0]).toContain("My profile")
      expect(texts(yield* h.text(11, "/start", "de"))[0]).toContain("Welcome")
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("a failure shows an error id, tells the admins, and the bot keeps running", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      const failed = yield* h.press(21, { _tag: "Categories", page: 0 })
      const shown = texts(failed)
      expect(shown[0]).toMatch(/^Something went wrong \(error id [0-9a-f]{8}\)/)
      const id = /error id ([0-9a-f]{8})/.exec(shown[0]!)![1]
      const toAdmin = failed.find((c) => c.method === "sendMessage" && c.payload["chat_id"] === 900)
      expect(String(toAdmin?.payload["text"])).toContain(`error ${id}`)
      expect(String(toAdmin?.payload["text"])).toContain("catalog is down")
      expect(texts(yield* h.text(21, "/start"))[0]).toContain("Welcome")
    }).pipe(Effect.provide(Layer.provideMerge(
      Layer.succeed(Catalog, Catalog.of({
        categories: () => Effect.dieMessage("catalog is down"),
        subcategories: () => Effect.dieMessage("catalog is down"),
        subcategory: () => Effect.dieMessage("catalog is down"),
        importRecords: () => Effect.dieMessage("unused"),
        importStream: () => Effect.dieMessage("unused"),
        importFile: () => Effect.dieMessage("unused"),
        importText: () => Effect.dieMessage("unused"),
        inventory: () => Effect.dieMessage("unused"),
        inventoryOf: () => Effect.dieMessage("unused"),
        setPrice: () => Effect.dieMessage("unused"),
        deleteCategory: () => Effect.dieMessage("unused"),
        deleteSubcategory: () => Effect.dieMessage("unused"),
        items: () => Effect.dieMessage("unused"),
        stockReport: () => Effect.dieMessage("unused"),
        markAnnounced: () => Effect.dieMessage("unused"),
        removeItems: () => Effect.dieMessage("unused")
      })),
      ShopMemory(settings)
    ))))

  it.scoped("delivers a very long purchase as a .txt document", () =>
    Effect.gen(function*() {
      const secret = "X".repeat(40_000)
      yield* Effect.flatMap(Catalog, (c) => c.importFile(admin, "txt", `Files;Big;a large file;1;${secret}`))
      const h = yield* makeHarness()
      yield* h.text(31, "/start")
      yield* credit(31, 500n)
      yield* h.press(31, { _tag: "AddToCart", subcategory: SubcategoryId.make(1), quantity: 1 })
      const order = yield* h.press(31, { _tag: "Checkout" })
      const confirm = buttons(order.find((c) => c.method === "editMessageText")).find((b) => b.callback_data.startsWith("1y:"))!
      const bought = yield* h.press(31, confirm.callback_data)
      const document = bought.find((c) => c.method === "sendDocument")
      expect(document?.payload["caption"]).toBe("Your items are in the attached file.")
      expect(texts(bought).some((t) => t.includes(secret))).toBe(false)
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("pages long lists ten at a time", () =>
    Effect.gen(function*() {
      yield* Effect.flatMap(Catalog, (c) =>
        c.importFile(admin, "txt", Array.from({ length: 15 }, (_, i) => `Category ${String(i).padStart(2, "0")};Sub;item;1;K${i}`).join("\n")))
      const h = yield* makeHarness()
      const first = buttons((yield* h.press(41, { _tag: "Categories", page: 0 })).find((c) => c.method === "editMessageText"))
      expect(first.filter((b) => b.text.startsWith("Category")).length).toBe(10)
      expect(first.map((b) => b.text)).toContain("1 / 2")
      const next = first.find((b) => b.text === "▶️")!
      const second = buttons((yield* h.press(41, next.callback_data)).find((c) => c.method === "editMessageText"))
      expect(second.filter((b) => b.text.startsWith("Category")).map((b) => b.text)).toEqual(
        ["Category 10 (1)", "Category 11 (1)", "Category 12 (1)", "Category 13 (1)", "Category 14 (1)"]
      )
      expect(second.map((b) => b.text)).toEqual(expect.arrayContaining(["◀️", "2 / 2"]))
      expect(second.map((b) => b.text)).not.toContain("▶️")
    }).pipe(Effect.provide(ShopMemory(settings))))
})
