/**
 * Announcements end to end on the workflow engine over SQLite, against a Bot API stand-in that
 * enforces Telegram's limits (429 past them): every buyer gets the message once, a buyer who
 * blocked the bot is counted and skipped, and a shop stopped in the middle resumes the sending
 * after its restart without sending anyone a second message. A day after it ended, the retention job
 * removes its recipient list and the engine's rows.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import { SqliteStorage } from "@tokenshop/adapters-sql"
import { startRateLimitedBotApi } from "@tokenshop/adapters-telegram/emulator"
import { type AnnouncementId, Announcements, TelegramId, UserRepo } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as TestContext from "effect/TestContext"
import { afterAll, describe, expect, it } from "vitest"
import { AnnouncementWorkflow, announcingShop, cleanFinished } from "../src/Announcing.js"

const ADMIN = 1
const BUYERS = 150
const BLOCKED = 7

describe("announcements on the workflow engine", () => {
  const dir = mkdtempSync(join(tmpdir(), "tokenshop-announce-"))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("reach every buyer once under the rate limit, across a restart in the middle", async () => {
    const api = await startRateLimitedBotApi({ perSecond: 60, blocked: new Set([BLOCKED]) })
    const file = join(dir, "shop.db")
    const shop = () => ManagedRuntime.make(announcingShop(
      { token: Redacted.make("1:standin"), apiRoot: api.apiRoot, shopName: "Test" },
      SqliteStorage({ filename: file }),
      [ADMIN]
    ))
    const first = shop()
    await first.runPromise(Effect.flatMap(UserRepo, (users) =>
      Effect.forEach(Array.from({ length: BUYERS }, (_, i) => i + 1), (id) =>
        users.upsert({ id: TelegramId.make(id), username: null, language: "en" }, new Date(0)))))
    const made = await first.runPromise(Effect.flatMap(Announcements, (a) =>
      a.announce({ kind: "telegram", id: TelegramId.make(ADMIN) }, "broadcast", { text: "Restocked!", photo: null })))
    expect(made.total).toBe(BUYERS)
    while (api.delivered() < 40) await new Promise((r) => setTimeout(r, 50))
    await first.dispose()
    const atStop = api.delivered()
    expect(atStop).toBeLessThan(BUYERS)

    const second = shop()
    const status = (id: AnnouncementId) => second.runPromise(Effect.flatMap(Announcements, (a) => a.get({ kind: "operator", name: "t" }, id)))
    let now = await status(made.id)
    for (let i = 0; i < 400 && now.status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 100))
      now = await status(made.id)
    }
    // the retention job: a day later the recipient list and the engine's rows of the finished announcement go
    const execution = await Effect.runPromise(AnnouncementWorkflow.executionId({ announcement: made.id }))
    const rows = () => second.runPromise(Effect.flatMap(SqlClient.SqlClient, (sql) =>
      Effect.all([
        sql<{ n: number }>`SELECT COUNT(*) AS n FROM cluster_messages WHERE entity_id = ${execution}`,
        sql<{ n: number }>`SELECT COUNT(*) AS n FROM announcement_recipients WHERE announcement_id = ${made.id}`
      ])).pipe(Effect.map(([m, r]) => [Number(m[0]!.n), Number(r[0]!.n)])))
    const before = await rows()
    expect(before[0]).toBeGreaterThan(0)
    expect(before[1]).toBe(BUYERS)
    expect(await second.runPromise(cleanFinished)).toBe(0)
    const later = Effect.zipRight(TestClock.setTime(Date.now() + 2 * 86_400_000), cleanFinished).pipe(Effect.provide(TestContext.TestContext))
    expect(await second.runPromise(later)).toBe(1)
    expect(await rows()).toEqual([0, 0])
    await second.dispose()
    await api.close()

    expect(now.status).toBe("done")
    const received = api.accepted()
    const twice = [...received.entries()].filter(([, n]) => n > 1)
    // the admin (chat 1) also gets the progress message; every chat got the announcement at most once
    expect(twice.filter(([chat]) => chat !== ADMIN)).toEqual([])
    expect(received.has(BLOCKED)).toBe(false)
    expect(now.blocked).toBe(1)
    const lost = Array.from({ length: BUYERS }, (_, i) => i + 1).filter((id) => id !== BLOCKED && !received.has(id))
    // a message in flight when the shop stopped is counted failed (sent or not, it is never sent again)
    expect(lost.length).toBeLessThanOrEqual(now.failed)
    expect(now.sent + now.failed + now.blocked).toBe(BUYERS)
  }, 60_000)
})
