/**
 * The shop's cluster runner: shard state and durable messages in the shop's own database, so that
 * singletons (the polling, the watchers, the sweeps) run once and workflows (announcements) resume
 * after a restart. Shared by every layer that needs it (a layer is built once per reference).
 *
 * - SQLite: one process owns the file, so one runner (SingleRunner) with its shard locks in the file.
 * - PostgreSQL: several `tokenshop start` processes may share the database. Each is a runner that
 *   listens on CLUSTER_HOST:CLUSTER_PORT (loopback by default) for the others, which route work on
 *   a shard to the runner holding it; shard locks are PostgreSQL advisory locks.
 */
import * as RunnerAddress from "@effect/cluster/RunnerAddress"
import * as SingleRunner from "@effect/cluster/SingleRunner"
import * as NodeClusterSocket from "@effect/platform-node/NodeClusterSocket"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Config from "effect/Config"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { CliFailure } from "./cli/Output.js"

/**
 * Shard locks expire 8 s after their holder stops refreshing them (every 3 s; the default 35 s would
 * leave a dead process's singletons idle that long before another process takes them over).
 */
const timings = {
  entityMessagePollInterval: Duration.seconds(2),
  shardLockExpiration: Duration.seconds(8),
  shardLockRefreshInterval: Duration.seconds(3)
}

/** Where this process's runner listens for the others (PostgreSQL only): each process on a machine needs its own port. */
export const clusterAddressConfig = Config.all({
  host: Config.string("CLUSTER_HOST").pipe(Config.withDefault("127.0.0.1")),
  port: Config.port("CLUSTER_PORT").pipe(Config.withDefault(34431))
})

const single = SingleRunner.layer({ runnerStorage: "sql", shardingConfig: timings })

const socket = Layer.unwrapEffect(Effect.map(clusterAddressConfig, ({ host, port }) =>
  NodeClusterSocket.layer({
    storage: "sql",
    shardingConfig: { ...timings, runnerAddress: Option.some(RunnerAddress.make(host, port)) }
  }).pipe(
    Layer.catchAll((e) =>
      Layer.fail(e._tag === "SocketServerError"
        ? new CliFailure(`cannot listen on CLUSTER_HOST:CLUSTER_PORT ${host}:${port} (${e.reason}): give each process on this machine its own CLUSTER_PORT`, 2)
        : e))
  )))

export const ClusterRunner = Layer.unwrapEffect(Effect.map(SqlClient.SqlClient, (sql) =>
  sql.onDialectOrElse({ pg: () => socket, orElse: () => single })))
