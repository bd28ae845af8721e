import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { AnnouncementRepo, Announcements, TelegramId, Users } from "../src/index.js"
import { BroadcastLog } from "../src/testing/memory.js"
import { admin, buyer, shop } from "./support.js"

const untilDone = (id: Parameters<Announcements["Type"]["step"]>[0], size = 2) =>
  Effect.flatMap(Announcements, (a) => a.step(id, size).pipe(Effect.repeat({ until: (r) => r.done })))

describe("announcements", () => {
  it.effect("reach every buyer once, in steps; a buyer who blocked the bot is counted and skipped next time", () =>
    Effect.gen(function*() {
      const announcements = yield* Announcements
      const log = yield* BroadcastLog
      const buyers = [yield* buyer(), yield* buyer(), yield* buyer(), yield* buyer(), yield* buyer()]
      yield* (yield* Users).setBanned(admin, buyers[4]!, true)
      log.outcomeFor(buyers[1]!, "blocked")
      log.outcomeFor(buyers[2]!, "failed")
      const made = yield* announcements.announce(admin, "broadcast", { text: "  New keys!  ", photo: null })
      expect(made).toMatchObject({ total: 4, status: "running", content: { text: "New keys!" }, admin: "admin 999" })
      expect(log.started).toEqual([made.id])
      yield* untilDone(made.id)
      expect(log.delivered.map((d) => d.user)).toEqual([buyers[0], buyers[3]])
      const done = yield* announcements.get(admin, made.id)
      expect(done).toMatchObject({ status: "done", sent: 2, blocked: 1, failed: 1 })
      // the first report sends the progress message to the admin, later ones edit it
      expect(log.reports.at(-1)).toMatchObject({ status: "done", reportMessage: 1 })
      const next = yield* announcements.announce(admin, "stock", { text: "In stock", photo: "file-1" })
      expect(next.total).toBe(3)
      yield* announcements.reachable(buyers[1]!)
      expect((yield* announcements.announce(admin, "stock", { text: "Again", photo: null })).total).toBe(4)
    }).pipe(Effect.provide(shop())))

  it.effect("cancel stops between steps; a step after a crash counts the claimed recipients as failed, never sends them again", () =>
    Effect.gen(function*() {
      const announcements = yield* Announcements
      const log = yield* BroadcastLog
      for (let i = 0; i < 6; i++) yield* buyer()
      const made = yield* announcements.announce(admin, "broadcast", { text: "Hello", photo: null })
      yield* announcements.step(made.id, 2)
      expect(yield* announcements.cancel(admin, made.id)).toBe(true)
      expect(yield* announcements.cancel(admin, made.id)).toBe(false)
      expect(yield* announcements.step(made.id, 2)).toEqual({ done: true })
      expect(yield* announcements.get(admin, made.id)).toMatchObject({ status: "cancelled", sent: 2, total: 6 })
      // a run that claimed two recipients and stopped before recording them
      const other = yield* announcements.announce(admin, "broadcast", { text: "Again", photo: null })
      const crashed = yield* (yield* AnnouncementRepo).claim(other.id, 2)
      yield* untilDone(other.id, 3)
      expect(yield* announcements.get(admin, other.id)).toMatchObject({ status: "done", failed: 2, sent: 4 })
      expect(log.delivered.filter((d) => d.content.text === "Again").map((d) => d.user)).not.toContain(crashed[0])
      expect(log.delivered.filter((d) => d.content.text === "Again").length).toBe(4)
    }).pipe(Effect.provide(shop())))

  it.effect("are for admins, and need a text within Telegram's limits", () =>
    Effect.gen(function*() {
      const announcements = yield* Announcements
      yield* buyer()
      expect((yield* Effect.flip(announcements.announce({ kind: "telegram", id: TelegramId.make(5) }, "broadcast", { text: "x", photo: null })))._tag).toBe("NotAdmin")
      expect((yield* Effect.flip(announcements.announce(admin, "broadcast", { text: " ", photo: null })))._tag).toBe("InvalidInput")
      expect((yield* Effect.flip(announcements.announce(admin, "broadcast", { text: "x".repeat(1025), photo: "p" })))._tag).toBe("InvalidInput")
      expect((yield* announcements.announce(admin, "broadcast", { text: "x".repeat(4096), photo: null })).total).toBe(1)
    }).pipe(Effect.provide(shop())))
})
