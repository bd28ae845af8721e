import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"

/**
 * Rows moved in from another shop's database (`tokenshop migrate-from`): for each source row, its kind,
 * its id there and ours here (null for rows kept as history only, whose content is in `detail`, JSON).
 * A move-in skips every row already here, so running it again changes nothing.
 */
export default Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql.unsafe(`CREATE TABLE movein_map (
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    anchor_id TEXT NOT NULL,
    our_id TEXT,
    detail TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (source, kind, anchor_id)
  )`)
})
