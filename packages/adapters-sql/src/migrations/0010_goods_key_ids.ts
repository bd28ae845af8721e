import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"

/**
 * The ids of the keys stored goods are sealed with (see GoodsCipher), so that opening the storage
 * checks them without reading every good: filled from the goods already stored, once, here.
 */
export default Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql.unsafe(`CREATE TABLE goods_key_ids (id TEXT PRIMARY KEY)`)
  const used = (table: string) => `SELECT substr(private_data, 6, 8) FROM ${table} WHERE private_data LIKE 'enc1:%'`
  yield* sql.unsafe(`INSERT INTO goods_key_ids (id) ${used("items")} UNION ${used("buy_items")}`)
})
