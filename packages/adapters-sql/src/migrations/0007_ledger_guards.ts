import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import { columnTypes } from "./columns.js"

/**
 * Ledger amounts are above zero in the database too, whatever writes to it: a CHECK constraint on
 * PostgreSQL; on SQLite (which cannot add one to an existing table, and keeps amounts as decimal
 * text) triggers that refuse any amount that is not a plain positive integer.
 */
export default Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  if (columnTypes(sql).pg) {
    yield* sql.unsafe(`ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_amount_positive CHECK (amount > 0)`)
    return
  }
  const bad = `NEW.amount NOT GLOB '[1-9]*' OR NEW.amount GLOB '*[^0-9]*'`
  for (const event of ["INSERT", "UPDATE OF amount"]) {
    yield* sql.unsafe(`CREATE TRIGGER ledger_entries_amount_positive_${event.startsWith("INSERT") ? "insert" : "update"}
      BEFORE ${event} ON ledger_entries WHEN ${bad}
      BEGIN SELECT RAISE(ABORT, 'ledger amounts must be positive integers'); END`)
  }
})
