import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import { columnTypes } from "./columns.js"

/**
 * The withdrawal address book (an address per asset, usable from a time) and the withdrawals that
 * wait for a second admin (pending → approved → sent | failed; pending → rejected | expired).
 */
export default Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const { amount, id } = columnTypes(sql)
  yield* sql.unsafe(`CREATE TABLE withdrawal_addresses (
    asset TEXT NOT NULL,
    address TEXT NOT NULL,
    label TEXT NOT NULL,
    added_by TEXT NOT NULL,
    added_at BIGINT NOT NULL,
    usable_from BIGINT NOT NULL,
    PRIMARY KEY (asset, address)
  )`)
  yield* sql.unsafe(`CREATE TABLE withdrawal_approvals (
    id ${id},
    idempotency_key TEXT NOT NULL UNIQUE,
    asset TEXT NOT NULL,
    destination TEXT NOT NULL,
    scope TEXT NOT NULL,
    previewed_total ${amount} NOT NULL,
    previewed_fee ${amount} NOT NULL,
    value_amount ${amount},
    value_currency TEXT,
    requested_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'expired', 'sent', 'failed')),
    decided_by TEXT,
    note TEXT
  )`)
  yield* sql.unsafe(`CREATE INDEX withdrawal_approvals_pending ON withdrawal_approvals (state, id)`)
})
