/**
 * Where updates are claimed before they are handled (so that one delivered twice is handled once):
 * process memory on SQLite, where one process owns the shop; the database on PostgreSQL, where
 * several processes may receive the same update. Claims older than a day are forgotten every hour,
 * once across processes (Telegram redelivers an update for at most a day).
 */
import { SqlUpdateInbox } from "@tokenshop/adapters-sql"
import * as SqlClient from "@effect/sql/SqlClient"
import { UpdateInbox } from "@tokenshop/domain"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { periodic } from "./Periodic.js"

export const InboxLive = Layer.unwrapEffect(Effect.map(SqlClient.SqlClient, (sql) =>
  sql.onDialectOrElse({ pg: () => SqlUpdateInbox, orElse: () => UpdateInbox.memory() })))

const KEEP = Duration.days(1)

export const InboxPruningLive = periodic("telegram/inbox-pruning", "7 * * * *", Effect.gen(function*() {
  const forgotten = yield* (yield* UpdateInbox).prune(new Date((yield* Clock.currentTimeMillis) - Duration.toMillis(KEEP)))
  if (forgotten > 0) yield* Effect.logDebug(`forgot ${forgotten} handled update ids`)
})).pipe(Layer.provide(InboxLive))
