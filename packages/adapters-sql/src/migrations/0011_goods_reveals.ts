import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import { columnTypes } from "./columns.js"

/** Each time an admin was shown a buyer's delivered goods, chained into the money log like a money move. */
export default Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const { id } = columnTypes(sql)
  yield* sql.unsafe(`CREATE TABLE goods_reveals (
    id ${id},
    admin TEXT NOT NULL,
    buy_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    items INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    audit_seq BIGINT,
    audit_hash TEXT
  )`)
  yield* sql.unsafe(`CREATE UNIQUE INDEX goods_reveals_audit_seq ON goods_reveals (audit_seq)`)
  yield* sql.unsafe(`CREATE INDEX goods_reveals_unsealed ON goods_reveals (id) WHERE audit_seq IS NULL`)
})
