import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"

/**
 * A keyed digest of each item's private data (`GoodsCipher.digest`), so an import can find keys
 * already in stock without opening every sealed value; older rows get theirs on the first check.
 */
export default Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql.unsafe(`ALTER TABLE items ADD COLUMN private_digest TEXT`)
  // over every row, not only unsold ones: publishing a staged import (sold 2 -> 0) then leaves the index alone
  yield* sql.unsafe(`CREATE INDEX items_digest ON items (private_digest)`)
})
