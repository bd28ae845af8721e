import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"

/**
 * The money log's chain (see SqlAuditLog): a position and a hash on every ledger entry and withdrawal
 * once sealed, partial indexes to find the unsealed ones, and the chain's head kept apart.
 */
export default Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  for (const table of ["ledger_entries", "withdrawals"]) {
    yield* sql.unsafe(`ALTER TABLE ${table} ADD COLUMN audit_seq BIGINT`)
    yield* sql.unsafe(`ALTER TABLE ${table} ADD COLUMN audit_hash TEXT`)
    yield* sql.unsafe(`CREATE UNIQUE INDEX ${table}_audit_seq ON ${table} (audit_seq)`)
    yield* sql.unsafe(`CREATE INDEX ${table}_unsealed ON ${table} (id) WHERE audit_seq IS NULL`)
  }
  yield* sql.unsafe(`CREATE TABLE audit_head (id INTEGER PRIMARY KEY, seq BIGINT NOT NULL, hash TEXT NOT NULL)`)
  yield* sql.unsafe(`INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '')`)
})
