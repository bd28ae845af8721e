/**
 * Where updates are claimed before they are handled (so that one delivered twice is handled once):
 * process memory on SQLite, where one process owns the shop; the database on PostgreSQL, where
 * several processes may receive the same update. Claims older than a day are forgotten every hour,
 * by one process (Telegram redelivers an update for at most a day).
 */
import { SqlUpdateInbox } from "@tokenshop/adapters-sql"
import * as SqlClient from "@effect/sql/SqlClient"
import { UpdateInbox } from "@tokenshop/domain"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schedule from "effect/Schedule"
import { singleton } from "./RunningWork.js"

export const InboxLive = Layer.unwrapEffect(Effect.map(SqlClient.SqlClient, (sql) =>
  sql.onDialectOrElse({ pg: () => SqlUpdateInbox, orElse: () => UpdateInbox.memory() })))

const KEEP = Duration.days(1)

export const InboxPruningLive = singleton("telegram/inbox-pruning", Effect.gen(function*() {
  const inbox = yield* UpdateInbox
  const prune = Effect.gen(function*() {
    const forgotten = yield* inbox.prune(new Date((yield* Clock.currentTimeMillis) - Duration.toMillis(KEEP)))
    if (forgotten > 0) yield* Effect.logDebug(`forgot ${forgotten} handled update ids`)
  })
  return yield* prune.pipe(Effect.repeat(Schedule.spaced("1 hour")), Effect.zipRight(Effect.never))
})).pipe(Layer.provide(InboxLive))
