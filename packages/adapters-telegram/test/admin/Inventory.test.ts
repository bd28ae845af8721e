/** The inventory from Telegram, as an admin: upload a file, add step by step, see stock, reprice, delete with a confirmation. */
import { describe, expect, it } from "@effect/vitest"
import { Catalog, CategoryId, SubcategoryId } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import { ADMIN, admin, buttons, makeHarness, settings, texts } from "../harness.js"
import { fileServer } from "./files.js"

const stock = Effect.flatMap(Catalog, (c) => c.inventory(admin, { offset: 0, limit: 100 }))
const lastText = (calls: ReadonlyArray<{ method: string; payload: Record<string, unknown> }>) => texts(calls).at(-1) ?? ""

describe("the inventory in the admin menu", () => {
  it.scoped("a .txt file sent as a document is imported all or nothing, read from the file server twice (check, then import)", () =>
    Effect.gen(function*() {
      const files = yield* fileServer
      const h = yield* makeHarness(0, [], files.url)
      yield* h.text(ADMIN, "/start")
      expect(lastText(yield* h.press(ADMIN, { _tag: "Upload" }))).toContain("Send the inventory as a document")
      // 5,000 lines, sent by the server in many small chunks
      files.put("stock.txt", async function*() {
        for (let i = 0; i < 5_000; i++) yield `Games;Steam;A key;${i % 2 === 0 ? "5.00" : "7.50"};KEY-${i}\r\n`
      })
      const done = yield* h.document(ADMIN, "stock.txt", "stock.txt")
      expect(texts(done)[0]).toBe("Reading stock.txt…")
      expect(lastText(done)).toContain("Imported 5,000 items")
      expect(lastText(done)).toContain("Games / Steam: 5000")
      expect(files.downloads()).toBe(2)
      expect((yield* stock).items).toEqual([{ id: CategoryId.make(1), name: "Games", stock: 5_000 }])
      // the question is answered: another document now only brings the main menu
      files.put("again.txt", "Games;Steam;A key;5.00;LATE")
      expect(lastText(yield* h.document(ADMIN, "again.txt", "again.txt"))).toContain("Welcome")
      expect((yield* stock).items[0]!.stock).toBe(5_000)
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("a bad file imports nothing and shows the first 20 problems by line and field; a wrong type or a broken download changes nothing", () =>
    Effect.gen(function*() {
      const files = yield* fileServer
      const h = yield* makeHarness(0, [], files.url)
      yield* h.press(ADMIN, { _tag: "Upload" })
      const lines = Array.from({ length: 30 }, (_, i) => `Games;Steam;key;${i % 3 === 0 ? "free" : "1.00"};K${i}`)
      files.put("bad.txt", [...lines, "only;three;fields"].join("\n"))
      const rejected = lastText(yield* h.document(ADMIN, "bad.txt", "bad.txt"))
      expect(rejected).toContain("Nothing was imported: the file has 11 problems")
      expect(rejected).toContain("line 1: price:")
      expect(rejected).toContain("line 31: line: expected 5 fields")
      expect(rejected.split("\n").filter((l) => l.startsWith("• ")).length).toBe(11)
      const many = Array.from({ length: 60 }, (_, i) => `;;;;K${i}`).join("\n")
      files.put("many.txt", many)
      yield* h.press(ADMIN, { _tag: "Upload" })
      const shown = lastText(yield* h.document(ADMIN, "many.txt", "many.txt"))
      expect(shown.split("\n").filter((l) => l.startsWith("• ")).length).toBe(20)
      expect(shown).toContain("to see the rest")
      yield* h.press(ADMIN, { _tag: "Upload" })
      expect(lastText(yield* h.document(ADMIN, "x.csv", "stock.csv"))).toContain("Only <b>.txt</b> and <b>.json</b> files")
      // the question stays after a wrong type: a JSON file is still taken
      files.put("ok.json", JSON.stringify([{ category: "Soft", subcategory: "Office", price: "9.99", description: "", private_data: "O-1" }]))
      expect(lastText(yield* h.document(ADMIN, "ok.json", "ok.json"))).toContain("Imported 1 items")
      yield* h.press(ADMIN, { _tag: "Upload" })
      expect(lastText(yield* h.document(ADMIN, "missing.txt", "missing.txt"))).toContain("The file could not be read: HTTP 404")
      expect((yield* stock).items.map((c) => [c.name, c.stock])).toEqual([["Soft", 1]])
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("items are added step by step, each answer checked as the import checks it", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      yield* h.press(ADMIN, { _tag: "AddItems" })
      expect(lastText(yield* h.text(ADMIN, " "))).toContain("must not be empty")
      expect(lastText(yield* h.text(ADMIN, "Games"))).toContain("Step 2 of 5")
      expect(lastText(yield* h.text(ADMIN, "x".repeat(65)))).toContain("longer than 64 characters")
      expect(lastText(yield* h.text(ADMIN, "Steam"))).toContain("Step 3 of 5")
      expect(lastText(yield* h.text(ADMIN, "-"))).toContain("Step 4 of 5")
      expect(lastText(yield* h.text(ADMIN, "1e3"))).toContain("plain decimal")
      expect(lastText(yield* h.text(ADMIN, "0"))).toContain("greater than 0")
      expect(lastText(yield* h.text(ADMIN, "4.25"))).toContain("Step 5 of 5")
      const imported = lastText(yield* h.text(ADMIN, "KEY-1\nKEY-2\n\nKEY-3"))
      expect(imported).toContain("Imported 3 items")
      const sub = yield* Effect.flatMap(Catalog, (c) => c.subcategory(SubcategoryId.make(1)))
      expect(sub).toMatchObject({ name: "Steam", categoryName: "Games", stock: 3, description: "", unitPrice: { amount: 425n, currency: "USD" } })
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("stock per subcategory, a new price for the unsold items, and deletions that show what goes first", () =>
    Effect.gen(function*() {
      yield* Effect.flatMap(Catalog, (c) => c.importFile(admin, "txt", ["Games;Steam;k;5.00;S1", "Games;Steam;k;5.00;S2", "Games;Epic;k;3.00;E1", "Soft;Office;k;9.00;O1"].join("\n")))
      const h = yield* makeHarness()
      const menu = yield* h.press(ADMIN, { _tag: "Inventory", page: 0 })
      expect(buttons(menu.at(-1)).map((b) => b.text)).toEqual(expect.arrayContaining(["Games · 3 unsold", "Soft · 1 unsold"]))
      const games = yield* h.press(ADMIN, { _tag: "InventoryCategory", category: CategoryId.make(1), page: 0 })
      expect(buttons(games.at(-1)).map((b) => b.text)).toEqual(expect.arrayContaining(["Epic · 1 · $3.00", "Steam · 2 · $5.00"]))
      yield* h.press(ADMIN, { _tag: "Reprice", subcategory: SubcategoryId.make(1) })
      expect(lastText(yield* h.text(ADMIN, "abc"))).toContain("Type it again")
      const repriced = lastText(yield* h.text(ADMIN, "6.50"))
      expect(repriced).toContain("New price for 2 unsold items")
      expect(repriced).toContain("$6.50")
      const ask = lastText(yield* h.press(ADMIN, { _tag: "DeleteSub", subcategory: SubcategoryId.make(1) }))
      expect(ask).toContain("Its 2 unsold items are removed; sold items and the sales history stay")
      expect(lastText(yield* h.press(ADMIN, { _tag: "DeleteSubConfirm", subcategory: SubcategoryId.make(1) }))).toContain("Deleted: 2 unsold items removed")
      expect(lastText(yield* h.press(ADMIN, { _tag: "DeleteSubConfirm", subcategory: SubcategoryId.make(1) }))).toContain("no longer exists")
      expect(lastText(yield* h.press(ADMIN, { _tag: "DeleteCategory", category: CategoryId.make(1) }))).toContain("Its 1 unsold items are removed")
      expect(lastText(yield* h.press(ADMIN, { _tag: "DeleteCategoryConfirm", category: CategoryId.make(1) }))).toContain("Deleted: 1 unsold items")
      expect((yield* stock).items.map((c) => c.name)).toEqual(["Soft"])
    }).pipe(Effect.provide(ShopMemory(settings))))
})
