import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"

/**
 * Shop fronts (child bots selling from the shop) with their tokens, sealed like goods when a goods
 * key is set; and the update inbox, each (source, update id) claimed once by any process.
 */
export default Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql.unsafe(`CREATE TABLE shop_fronts (
    id BIGINT PRIMARY KEY,
    username TEXT NOT NULL,
    name TEXT NOT NULL,
    token TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running', 'stopped')),
    stopped_reason TEXT,
    added_by TEXT NOT NULL,
    added_at BIGINT NOT NULL,
    last_update_at BIGINT
  )`)
  yield* sql.unsafe(`CREATE TABLE update_inbox (
    source TEXT NOT NULL,
    update_id BIGINT NOT NULL,
    claimed_at BIGINT NOT NULL,
    PRIMARY KEY (source, update_id)
  )`)
  yield* sql.unsafe(`CREATE INDEX update_inbox_claimed_at ON update_inbox (claimed_at)`)
})
