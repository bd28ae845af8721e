/**
 * Periodic work on the shop's cluster (@effect/cluster's ClusterCron): each run is a message to a cron
 * entity, persisted with its time, so a run happens once whichever process is up and however often
 * they restart, and each run schedules the next. A failed run is logged; the next one runs as usual.
 *
 * The engine keeps every delivered message: `forgetCronRuns` deletes the runs delivered more than a
 * day ago, itself hourly. Work due every minute or so (the expiry sweep, the watchers) stays a
 * `singleton` loop instead: a cron run a minute would be 1,440 rows a day for nothing.
 */
import * as ClusterCron from "@effect/cluster/ClusterCron"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Clock from "effect/Clock"
import * as Cron from "effect/Cron"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"

/** Runs `job` at the times `cron` names (five fields, or six with seconds first), once across processes. */
export const periodic = <E, R>(name: string, cron: string, job: Effect.Effect<unknown, E, R>) =>
  ClusterCron.make({
    name,
    cron: Cron.unsafeParse(cron),
    execute: job.pipe(
      Effect.asVoid,
      Effect.catchAllCause((cause) => Effect.logWarning(`${name} failed; it runs again at its next time`, cause))
    ),
    // A run missed while every process was down is not worth doing late: the next one does it all.
    skipIfOlderThan: "1 hour"
  })

/** Deletes the cron runs delivered before `before` (epoch ms) and their replies; how many runs. */
export const forgetCronRuns = (before: number) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const old = sql`SELECT id FROM cluster_messages WHERE entity_type LIKE 'ClusterCron/%' AND processed AND deliver_at < ${before}`
    yield* sql`DELETE FROM cluster_replies WHERE request_id IN (${old})`
    const removed = yield* sql<{ id: unknown }>`DELETE FROM cluster_messages WHERE id IN (${old}) RETURNING id`
    return removed.length
  })

/** Every hour, the cron runs older than a day are forgotten. */
export const CronHousekeepingLive = periodic(
  "cluster/forget-cron-runs",
  "17 * * * *",
  Effect.flatMap(Clock.currentTimeMillis, (now) => forgetCronRuns(now - Duration.toMillis(Duration.days(1))))
)
