import * as SqlClient from "@effect/sql/SqlClient"
import { now, UpdateInbox } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { int, millis } from "./internal/rows.js"
import { queries } from "./internal/run.js"
import { makeTransaction } from "./internal/transaction.js"

/**
 * The update inbox in the database (`update_inbox`), shared by every process on it: for several
 * processes over one PostgreSQL. One process does as well with `UpdateInbox.memory`.
 */
export const SqlUpdateInbox: Layer.Layer<UpdateInbox, never, SqlClient.SqlClient> = Layer.effect(UpdateInbox, Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const q = queries(sql)
  const atomically = makeTransaction(sql)
  return UpdateInbox.of({
    claim: (source, id) =>
      Effect.flatMap(now, (at) =>
        q<{ update_id: unknown }>`INSERT INTO update_inbox (source, update_id, claimed_at) VALUES (${source}, ${id}, ${millis(at)})
          ON CONFLICT DO NOTHING RETURNING update_id`).pipe(
        Effect.map((rows) => rows.length > 0),
        Effect.orDie
      ),
    prune: (before) =>
      atomically(Effect.gen(function*() {
        const [counted] = yield* q<{ n: unknown }>`SELECT COUNT(*) AS n FROM update_inbox WHERE claimed_at < ${millis(before)}`
        yield* q`DELETE FROM update_inbox WHERE claimed_at < ${millis(before)}`
        return int(counted?.n ?? 0)
      })).pipe(Effect.orDie, Effect.withSpan("SqlUpdateInbox.prune"))
  })
}))
