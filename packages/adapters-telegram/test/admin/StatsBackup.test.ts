/** Statistics (figures, a PNG chart, a CSV of sales) and the backup, from Telegram, as an admin. */
import { describe, expect, it } from "@effect/vitest"
import { BackupFailed, Catalog, DatabaseBackup, idempotencyKey, Ledger, money, SubcategoryId, TelegramId } from "@tokenshop/domain"
import { ShopMemory, StorageMemory } from "@tokenshop/domain/testing/memory"
import { writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as TestClock from "effect/TestClock"
import { ADMIN, admin, buttons, type Call, makeHarness, settings, texts } from "../harness.js"

const lastText = (calls: ReadonlyArray<Call>) => texts(calls).at(-1) ?? ""
/** What an InputFile sent to Telegram holds. */
const fileData = (call: Call | undefined) => (call?.payload["document"] ?? call?.payload["photo"]) as { fileData: unknown; filename?: string }
const confirmOf = (calls: ReadonlyArray<Call>) =>
  buttons(calls.find((c) => c.method === "editMessageText")).find((b) => b.callback_data.startsWith("1y:"))!.callback_data

const sell = (h: Effect.Effect.Success<ReturnType<typeof makeHarness>>, user: number, quantity: number) =>
  Effect.gen(function*() {
    yield* h.text(user, "/start")
    yield* Effect.flatMap(Ledger, (l) => l.adjust(admin, { user: TelegramId.make(user), direction: "credit", amount: money(10_000n, "USD"), reason: "t", key: idempotencyKey("t", user) }))
    yield* h.press(user, { _tag: "AddToCart", subcategory: SubcategoryId.make(1), quantity })
    yield* h.press(user, confirmOf(yield* h.press(user, { _tag: "Checkout" })))
  })

describe("statistics and backup in the admin menu", () => {
  it.scoped("figures for 1, 7 and 30 days from the stored amounts, the chart as a PNG photo, the sales as CSV", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(Date.parse("2026-11-20T12:00:00Z"))
      yield* Effect.flatMap(Catalog, (c) => c.importFile(admin, "txt", Array.from({ length: 10 }, (_, i) => `Games;Steam;k;2.50;K${i}`).join("\n")))
      const h = yield* makeHarness()
      yield* sell(h, 51, 2)
      yield* TestClock.adjust("3 days")
      yield* sell(h, 52, 1)
      const week = lastText(yield* h.press(ADMIN, { _tag: "Stats", days: "7" }))
      expect(week).toContain("Sales: 2 (3 items) · $7.50")
      expect(week).toContain("New buyers: 3")
      const today = lastText(yield* h.press(ADMIN, { _tag: "Stats", days: "1" }))
      expect(today).toContain("Sales: 1 (1 items) · $2.50")
      const chart = (yield* h.press(ADMIN, { _tag: "StatsChart", days: "7" })).find((c) => c.method === "sendPhoto")
      const png = fileData(chart).fileData as Uint8Array
      expect(Buffer.from(png).subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a")
      expect(png.length).toBeGreaterThan(5_000)
      expect(String(chart?.payload["caption"])).toContain("Sales: 2 (3 items) · $7.50")
      const csv = (yield* h.press(ADMIN, { _tag: "StatsCsv", days: "30" })).find((c) => c.method === "sendDocument")
      const lines = Buffer.from(fileData(csv).fileData as Uint8Array).toString("utf8").trimEnd().split("\r\n")
      expect(lines).toEqual([
        "purchase,date_utc,user,items,total,currency,refunded_utc",
        "1,2026-11-20T12:00:00.000Z,51,2,5.00,USD,",
        "2,2026-11-23T12:00:00.000Z,52,1,2.50,USD,"
      ])
      expect(csv?.payload["caption"]).toBe("2 purchases of the last 30 days.")
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("a backup is sent as the database file; an in-memory shop or PostgreSQL says what to do instead", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      expect(lastText(yield* h.press(ADMIN, { _tag: "Backup" }))).toContain("there is no database file to copy")
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("the backup file is sent, then removed; a failure is told and changes nothing", () => {
    const path = join(tmpdir(), `tokenshop-test-backup-${process.pid}.db`)
    const copies: Array<string> = []
    let fail = false
    const backup = Layer.succeed(DatabaseBackup, DatabaseBackup.of({
      copy: Effect.gen(function*() {
        if (fail) return yield* new BackupFailed({ reason: "disk full" })
        writeFileSync(path, "SQLite format 3\u0000")
        yield* Effect.addFinalizer(() => Effect.sync(() => copies.push("removed")))
        return { _tag: "File" as const, path, name: "tokenshop-2026-11-20.db" }
      })
    }))
    return Effect.gen(function*() {
      const h = yield* makeHarness()
      const sent = (yield* h.press(ADMIN, { _tag: "Backup" })).find((c) => c.method === "sendDocument")
      expect(fileData(sent).filename).toBe("tokenshop-2026-11-20.db")
      expect(copies).toEqual(["removed"])
      fail = true
      expect(lastText(yield* h.press(ADMIN, { _tag: "Backup" }))).toContain("The backup failed: disk full")
    }).pipe(Effect.provide(ShopMemory(settings, { storage: Layer.merge(StorageMemory, backup) })))
  })
})
