import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import { columnTypes } from "./columns.js"

/**
 * The daily approval total: a withdrawal's claim records its part in it (counted or not, and its value
 * in the shop's currency, none when it could not be priced), and an approval why it waits (its amount
 * alone, or the daily total). Claims made before this migration do not count.
 */
export default Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const { amount } = columnTypes(sql)
  yield* sql.unsafe(`ALTER TABLE withdrawal_claims ADD COLUMN counted SMALLINT NOT NULL DEFAULT 0`)
  yield* sql.unsafe(`ALTER TABLE withdrawal_claims ADD COLUMN value_amount ${amount}`)
  yield* sql.unsafe(`ALTER TABLE withdrawal_claims ADD COLUMN value_currency TEXT`)
  yield* sql.unsafe(`CREATE INDEX withdrawal_claims_counted ON withdrawal_claims (created_at) WHERE counted = 1`)
  yield* sql.unsafe(`ALTER TABLE withdrawal_approvals ADD COLUMN reason TEXT NOT NULL DEFAULT 'amount'`)
})
