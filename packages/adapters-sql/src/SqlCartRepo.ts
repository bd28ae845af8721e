import * as SqlClient from "@effect/sql/SqlClient"
import { CartRepo, SubcategoryId } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { int, trusted } from "./internal/rows.js"
import { queries } from "./internal/run.js"

export const SqlCartRepo = Layer.effect(CartRepo, Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const q = queries(sql)
  return CartRepo.of({
    lines: (user) =>
      q<{ subcategory_id: unknown; quantity: unknown }>`
        SELECT subcategory_id, quantity FROM cart_lines WHERE user_id = ${user} ORDER BY position`.pipe(
        Effect.map((rows) => rows.map((r) => ({ subcategoryId: SubcategoryId.make(int(r.subcategory_id), trusted), quantity: int(r.quantity) }))),
        Effect.orDie
      ),
    setLine: (user, subcategoryId, quantity) =>
      (quantity <= 0
        ? q`DELETE FROM cart_lines WHERE user_id = ${user} AND subcategory_id = ${subcategoryId}`
        : q`INSERT INTO cart_lines (user_id, subcategory_id, quantity, position)
            VALUES (${user}, ${subcategoryId}, ${quantity},
              (SELECT COALESCE(MAX(position), 0) + 1 FROM cart_lines WHERE user_id = ${user}))
            ON CONFLICT (user_id, subcategory_id) DO UPDATE SET quantity = excluded.quantity`).pipe(Effect.asVoid, Effect.orDie),
    clear: (user) => q`DELETE FROM cart_lines WHERE user_id = ${user}`.pipe(Effect.asVoid, Effect.orDie)
  })
}))
