import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"

/** Items an import has staged but not yet published (`sold = 2`), found by the import's key. */
export default Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql.unsafe(`ALTER TABLE items ADD COLUMN import_key TEXT`)
  yield* sql.unsafe(`CREATE INDEX items_staged ON items (import_key) WHERE sold = 2`)
})
