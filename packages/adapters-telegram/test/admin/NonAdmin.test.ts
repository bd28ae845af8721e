/**
 * Admin screens leak nothing to anyone else: a buyer who replays every button an admin was shown, and
 * types every answer the admin typed (even with an admin's question left open under their id), gets
 * the stale-button alert or the main menu, and the shop's state is the same before and after.
 */
import { describe, expect, it } from "@effect/vitest"
import { Catalog, Prompts, TelegramId } from "@tokenshop/domain"
import { MemoryStore, ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import { ask } from "../../src/Asked.js"
import { ADMIN, admin, alerts, buttons, type Call, makeHarness, settings, texts } from "../harness.js"
import { fileServer } from "./files.js"

const MALLORY = 66

describe("a non-admin replaying the admin menu", () => {
  it.scoped("gets nothing and changes nothing", () =>
    Effect.gen(function*() {
      yield* Effect.flatMap(Catalog, (c) => c.importFile(admin, "txt", ["Games;Steam;k;5.00;S1", "Games;Epic;k;3.00;E1"].join("\n")))
      const files = yield* fileServer
      files.put("stock.txt", "Soft;Office;k;9.00;O1")
      const h = yield* makeHarness(0, [], files.url)
      yield* h.text(44, "/start")
      yield* h.text(MALLORY, "/start")
      // The admin goes everywhere; every button shown and every answer typed is recorded.
      const seen = new Set<string>()
      const typed: Array<string> = []
      const record = (calls: ReadonlyArray<Call>) => calls.forEach((c) => buttons(c).forEach((b) => seen.add(b.callback_data)))
      const type = (text: string) => Effect.tap(h.text(ADMIN, text), record).pipe(Effect.tap(() => typed.push(text)))
      for (const press of [
        { _tag: "Admin" }, { _tag: "Inventory", page: 0 }, { _tag: "InventoryCategory", category: 1, page: 0 }, { _tag: "InventorySub", subcategory: 1 },
        { _tag: "DeleteSub", subcategory: 1 }, { _tag: "DeleteCategory", category: 1 }, { _tag: "Stats", days: "7" }, { _tag: "Wallet" },
        { _tag: "AdminDeposits", page: 0 }, { _tag: "UserCard", user: 44 }, { _tag: "UserBuys", user: 44, page: 0 }
      ] as const) record(yield* h.press(ADMIN, press as never))
      record(yield* h.press(ADMIN, { _tag: "AddItems" }))
      for (const t of ["Games", "Steam", "-", "4.00", "NEW-1"]) yield* type(t)
      record(yield* h.press(ADMIN, { _tag: "FindUser" }))
      yield* type("44")
      record(yield* h.press(ADMIN, { _tag: "Adjust", user: TelegramId.make(44), direction: "c" }))
      yield* type("5")
      yield* type("gift")
      record(yield* h.press(ADMIN, { _tag: "Announce" }))
      record(yield* h.press(ADMIN, { _tag: "AnnounceBroadcast" }))
      yield* type("Hello buyers")
      record(yield* h.press(ADMIN, { _tag: "AnnounceStock" }))
      expect(seen.size).toBeGreaterThan(25)

      const state = yield* Effect.flatMap(MemoryStore, (m) => m.read((s) => s))
      const snapshot = { ...state, prompts: undefined }
      // Mallory presses every one of them ...
      for (const data of seen) {
        const calls = yield* h.press(MALLORY, data)
        const shown = texts(calls)
        expect(shown.every((t) => !t.includes("Admin menu") && !t.includes("Inventory") && !t.includes("Buyer 44")), data).toBe(true)
        if (!["1m", "1x", "1?", "1p"].includes(data)) expect(alerts(calls), data).toEqual(["This button has expired. Please open the menu again."])
      }
      // ... types every answer, with each admin question left open under Mallory's id ...
      const prompts = yield* Prompts
      for (const asked of [
        { _tag: "NewData", category: "Games", subcategory: "Steam", description: "", price: { amount: 100n, currency: "USD" } },
        { _tag: "NewSubPrice", subcategory: 1, category: 1 }, { _tag: "FindUserQuery" },
        { _tag: "AdjustAmount", user: 66, direction: "c" }, { _tag: "AdjustReason", user: 66, direction: "c", amount: { amount: 100_000n, currency: "USD" }, nonce: "n" },
        { _tag: "WithdrawAddress", asset: "BTC" }, { _tag: "NewCategory" }, { _tag: "AnnounceText" },
        { _tag: "AnnounceConfirm", kind: "broadcast", text: "spam", photo: null, nonce: "n" }
      ] as const) {
        for (const text of [...typed, "1.00"]) {
          yield* ask(prompts, TelegramId.make(MALLORY), asked as never)
          expect(texts(yield* h.text(MALLORY, text)).join("\n"), `${asked._tag}: ${text}`).toContain("Welcome")
        }
      }
      // ... and sends the file.
      yield* ask(prompts, TelegramId.make(MALLORY), { _tag: "UploadFile" })
      expect(texts(yield* h.document(MALLORY, "stock.txt", "stock.txt")).join("\n")).toContain("Welcome")
      yield* ask(prompts, TelegramId.make(MALLORY), { _tag: "AnnounceText" })
      expect(texts(yield* h.photo(MALLORY, "spam-photo", "spam")).join("\n")).toContain("Welcome")
      const after = yield* Effect.flatMap(MemoryStore, (m) => m.read((s) => s))
      expect({ ...after, prompts: undefined }).toEqual(snapshot)
      expect(files.downloads()).toBe(0)
    }).pipe(Effect.provide(ShopMemory(settings))))
})
