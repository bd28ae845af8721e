import * as SqlClient from "@effect/sql/SqlClient"
import { type Announcement, AnnouncementId, AnnouncementRepo, type Outcome, TelegramId } from "@tokenshop/domain"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { int, millis, nullable, oneOf, time, trusted } from "./internal/rows.js"
import { queries } from "./internal/run.js"
import { makeTransaction } from "./internal/transaction.js"

interface Row {
  readonly id: unknown
  readonly kind: string
  readonly text: string
  readonly photo: string | null
  readonly admin: string
  readonly status: string
  readonly total: unknown
  readonly sent: unknown
  readonly failed: unknown
  readonly blocked: unknown
  readonly report_to: unknown
  readonly report_message: unknown
  readonly created_at: unknown
  readonly finished_at: unknown
}

const kindOf = oneOf(["broadcast", "restock", "stock"] as const)
const statusOf = oneOf(["running", "done", "cancelled"] as const)

const toAnnouncement = (r: Row): Announcement => ({
  id: AnnouncementId.make(int(r.id), trusted),
  kind: kindOf(r.kind),
  content: { text: r.text, photo: r.photo },
  admin: r.admin,
  status: statusOf(r.status),
  total: int(r.total),
  sent: int(r.sent),
  failed: int(r.failed),
  blocked: int(r.blocked),
  reportTo: nullable(r.report_to, (v) => TelegramId.make(int(v), trusted)),
  reportMessage: nullable(r.report_message, int),
  createdAt: time(r.created_at),
  finishedAt: nullable(r.finished_at, time)
})

const one = (n: boolean) => (n ? 1 : 0)

export const SqlAnnouncementRepo = Layer.effect(AnnouncementRepo, Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const q = queries(sql)
  const atomically = makeTransaction(sql)
  const get = (id: AnnouncementId) =>
    q<Row>`SELECT * FROM announcements WHERE id = ${id}`.pipe(Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), toAnnouncement)))

  return AnnouncementRepo.of({
    create: (a, now) =>
      atomically(Effect.gen(function*() {
        const [row] = yield* q<{ id: unknown }>`INSERT INTO announcements (kind, text, photo, admin, status, total, report_to, report_message, created_at)
          VALUES (${a.kind}, ${a.content.text}, ${a.content.photo}, ${a.admin}, 'running', 0, ${a.reportTo}, ${a.reportMessage}, ${millis(now)}) RETURNING id`
        const id = AnnouncementId.make(int(row!.id), trusted)
        yield* q`INSERT INTO announcement_recipients (announcement_id, user_id, state)
          SELECT ${id}, u.id, 'pending' FROM users u
          WHERE u.banned = 0 AND NOT EXISTS (SELECT 1 FROM unreachable_users x WHERE x.user_id = u.id)`
        yield* q`UPDATE announcements SET total = (SELECT COUNT(*) FROM announcement_recipients WHERE announcement_id = ${id}) WHERE id = ${id}`
        return Option.getOrThrow(yield* get(id))
      }).pipe(Effect.orDie)),
    get: (id) => Effect.orDie(get(id)),
    recent: (limit) => q<Row>`SELECT * FROM announcements ORDER BY id DESC LIMIT ${limit}`.pipe(Effect.map((rows) => rows.map(toAnnouncement)), Effect.orDie),
    setReportMessage: (id, message) => q`UPDATE announcements SET report_message = ${message} WHERE id = ${id}`.pipe(Effect.asVoid, Effect.orDie),
    claim: (id, n) =>
      atomically(Effect.gen(function*() {
        const [running] = yield* q<{ id: unknown }>`SELECT id FROM announcements WHERE id = ${id} AND status = 'running'`
        if (running === undefined) return []
        const rows = yield* q<{ user_id: unknown }>`UPDATE announcement_recipients SET state = 'sending'
          WHERE announcement_id = ${id} AND user_id IN (
            SELECT user_id FROM announcement_recipients WHERE announcement_id = ${id} AND state = 'pending' ORDER BY user_id LIMIT ${n}
          ) RETURNING user_id`
        return rows.map((r) => int(r.user_id)).sort((a, b) => a - b).map((u) => TelegramId.make(u, trusted))
      }).pipe(Effect.orDie)),
    settle: (id, user, outcome: Outcome) =>
      atomically(Effect.gen(function*() {
        const moved = yield* q`UPDATE announcement_recipients SET state = ${outcome}
          WHERE announcement_id = ${id} AND user_id = ${user} AND state = 'sending' RETURNING user_id`
        if (moved.length === 0) return
        yield* q`UPDATE announcements SET sent = sent + ${one(outcome === "sent")}, failed = failed + ${one(outcome === "failed")},
          blocked = blocked + ${one(outcome === "blocked")} WHERE id = ${id}`
        if (outcome === "blocked") yield* q`INSERT INTO unreachable_users (user_id, since) VALUES (${user}, ${yield* Clock.currentTimeMillis}) ON CONFLICT (user_id) DO NOTHING`
      }).pipe(Effect.orDie)),
    abandon: (id) =>
      atomically(Effect.gen(function*() {
        const stuck = yield* q`UPDATE announcement_recipients SET state = 'failed' WHERE announcement_id = ${id} AND state = 'sending' RETURNING user_id`
        if (stuck.length > 0) yield* q`UPDATE announcements SET failed = failed + ${stuck.length} WHERE id = ${id}`
        return stuck.length
      }).pipe(Effect.orDie)),
    end: (id, status, now) =>
      q`UPDATE announcements SET status = ${status}, finished_at = ${millis(now)} WHERE id = ${id} AND status = 'running' RETURNING id`.pipe(
        Effect.map((rows) => rows.length > 0),
        Effect.orDie
      ),
    reachable: (user) => q`DELETE FROM unreachable_users WHERE user_id = ${user}`.pipe(Effect.asVoid, Effect.orDie),
    purge: (before) =>
      atomically(Effect.gen(function*() {
        const rows = yield* q<{ id: unknown }>`SELECT a.id FROM announcements a WHERE a.finished_at IS NOT NULL AND a.finished_at < ${millis(before)}
          AND EXISTS (SELECT 1 FROM announcement_recipients r WHERE r.announcement_id = a.id)`
        const ids = rows.map((r) => AnnouncementId.make(int(r.id), trusted))
        if (ids.length > 0) yield* q`DELETE FROM announcement_recipients WHERE ${sql.in("announcement_id", ids)}`
        return ids
      }).pipe(Effect.orDie))
  })
}))
