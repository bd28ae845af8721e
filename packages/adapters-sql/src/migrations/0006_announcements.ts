import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import { columnTypes } from "./columns.js"

/**
 * Announcements to every buyer, one row per recipient (pending → sending → sent | failed | blocked),
 * and the buyers who blocked the bot, skipped by later announcements.
 */
export default Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const { id } = columnTypes(sql)
  yield* sql.unsafe(`CREATE TABLE announcements (
    id ${id},
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    photo TEXT,
    admin TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running', 'done', 'cancelled')),
    total INTEGER NOT NULL,
    sent INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    blocked INTEGER NOT NULL DEFAULT 0,
    report_to BIGINT,
    report_message BIGINT,
    created_at BIGINT NOT NULL,
    finished_at BIGINT
  )`)
  yield* sql.unsafe(`CREATE TABLE announcement_recipients (
    announcement_id BIGINT NOT NULL REFERENCES announcements(id),
    user_id BIGINT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'blocked')),
    PRIMARY KEY (announcement_id, user_id)
  )`)
  yield* sql.unsafe(`CREATE INDEX announcement_recipients_state ON announcement_recipients (announcement_id, state, user_id)`)
  yield* sql.unsafe(`CREATE TABLE unreachable_users (user_id BIGINT PRIMARY KEY, since BIGINT NOT NULL)`)
})
