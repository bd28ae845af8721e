import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"

/** What each user was last asked to type: one row per user, replaced by the next question. */
export default Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql.unsafe(`CREATE TABLE prompts (
    user_id BIGINT PRIMARY KEY,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    expires_at BIGINT NOT NULL
  )`)
})
