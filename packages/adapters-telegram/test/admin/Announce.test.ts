/** Announcing from Telegram, as an admin: a message or a photo, a restock, the current stock; preview, Send, progress, Cancel. */
import { describe, expect, it } from "@effect/vitest"
import { type AnnouncementId, Announcements, Catalog } from "@tokenshop/domain"
import { BroadcastLog, ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import { ADMIN, admin, alerts, buttons, type Call, makeHarness, settings, texts } from "../harness.js"

const lastText = (calls: ReadonlyArray<Call>) => texts(calls).at(-1) ?? ""
const sendOf = (calls: ReadonlyArray<Call>) => buttons(calls.at(-1)).find((b) => b.text.includes("Send"))!.callback_data
const runAll = (id: AnnouncementId) => Effect.flatMap(Announcements, (a) => a.step(id, 10).pipe(Effect.repeat({ until: (r) => r.done })))

describe("announcements in the admin menu", () => {
  it.scoped("a typed message is previewed, sent in the background to every buyer once, and its progress shown with Cancel", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      for (const user of [71, 72, 73]) yield* h.text(user, "/start")
      expect(lastText(yield* h.press(ADMIN, { _tag: "Announce" }))).toContain("<b>Announce</b> to every buyer")
      yield* h.press(ADMIN, { _tag: "AnnounceBroadcast" })
      const preview = yield* h.text(ADMIN, "Weekend sale: <b>-20%</b>")
      expect(lastText(preview)).toContain("Weekend sale: &lt;b&gt;-20%&lt;/b&gt;")
      const log = yield* BroadcastLog
      const sent = yield* h.press(ADMIN, sendOf(preview))
      expect(lastText(sent)).toMatch(/Announcement #1 is going out: 0 sent, 0 failed, 0 blocked the bot, 4 left of 4/)
      expect(buttons(sent.at(-1)).map((b) => b.text)).toEqual(["⏹ Cancel"])
      expect(log.started).toEqual([1])
      expect(log.delivered).toEqual([])
      // a second press of the same Send announces nothing more
      expect(alerts(yield* h.press(ADMIN, sendOf(preview)))).toEqual(["This button has expired. Please open the menu again."])
      yield* runAll(log.started[0]!)
      expect(log.delivered.map((d) => [d.user, d.content.text])).toEqual([
        [71, "Weekend sale: <b>-20%</b>"], [72, "Weekend sale: <b>-20%</b>"], [73, "Weekend sale: <b>-20%</b>"], [ADMIN, "Weekend sale: <b>-20%</b>"]
      ])
      // the screen with Send became the progress message, edited as the announcement goes out
      expect(log.reports.map((r) => r.reportMessage)).toEqual(log.reports.map(() => 5))
      expect(log.reports.at(-1)).toMatchObject({ status: "done", sent: 4 })
      expect(alerts(yield* h.press(ADMIN, { _tag: "AnnounceCancel", announcement: log.started[0]! }))).toEqual(["This announcement has already ended."])
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("a photo with its caption; Cancel stops what is left", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      for (let user = 80; user < 100; user++) yield* h.text(user, "/start")
      yield* h.press(ADMIN, { _tag: "AnnounceBroadcast" })
      const preview = yield* h.photo(ADMIN, "photo-file", "New stock!")
      expect(lastText(preview)).toContain("This photo, with this caption")
      yield* h.press(ADMIN, sendOf(preview))
      const log = yield* BroadcastLog
      yield* Effect.flatMap(Announcements, (a) => a.step(log.started[0]!, 5))
      expect(alerts(yield* h.press(ADMIN, { _tag: "AnnounceCancel", announcement: log.started[0]! }))).toEqual(["Cancelled: no more messages go out."])
      yield* runAll(log.started[0]!)
      expect(log.delivered.length).toBe(5)
      expect(log.delivered[0]!.content).toEqual({ text: "New stock!", photo: "photo-file" })
      expect(log.reports.at(-1)).toMatchObject({ status: "cancelled", sent: 5, total: 21 })
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("a restock lists what was added since the last one; the current stock lists everything", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      yield* h.text(75, "/start")
      yield* Effect.flatMap(Catalog, (c) => c.importFile(admin, "txt", ["Games;Steam;k;5.00;S1", "Games;Steam;k;5.00;S2", "Soft;Office;k;9.00;O1"].join("\n")))
      const restock = yield* h.press(ADMIN, { _tag: "AnnounceRestock" })
      expect(lastText(restock)).toContain("🆕 Restocked:\n• Games / Steam: 2\n• Soft / Office: 1")
      yield* h.press(ADMIN, sendOf(restock))
      expect(lastText(yield* h.press(ADMIN, { _tag: "AnnounceRestock" }))).toContain("Nothing was added since the last restock message")
      yield* Effect.flatMap(Catalog, (c) => c.importFile(admin, "txt", "Games;Epic;k;3.00;E1"))
      expect(lastText(yield* h.press(ADMIN, { _tag: "AnnounceRestock" }))).toContain("🆕 Restocked:\n• Games / Epic: 1")
      expect(lastText(yield* h.press(ADMIN, { _tag: "AnnounceStock" }))).toContain("📦 In stock now:\n• Games / Epic: 1\n• Games / Steam: 2\n• Soft / Office: 1")
    }).pipe(Effect.provide(ShopMemory(settings))))
})
