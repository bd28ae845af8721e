import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"

/** Withdrawal keys reserved before the processor is asked to send: one sender per key. */
export default Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql.unsafe(`CREATE TABLE withdrawal_claims (
    idempotency_key TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL
  )`)
})
