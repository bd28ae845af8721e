import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"

/**
 * A running count of unsold items per subcategory, kept by every write that adds, sells or removes
 * items, so that listings never count a large stock row by row.
 */
export default Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql.unsafe("ALTER TABLE subcategories ADD COLUMN stock BIGINT NOT NULL DEFAULT 0")
  yield* sql.unsafe(`UPDATE subcategories SET stock = (
    SELECT COUNT(*) FROM items WHERE items.subcategory_id = subcategories.id AND items.sold = 0)`)
})
