/**
 * The shop's one cluster runner: shard state and durable messages in the shop's own database, so
 * that singletons (the chain watchers, the retention job) run once and workflows (announcements)
 * resume after a restart. Shared by every layer that needs it (a layer is built once per reference).
 */
import * as SingleRunner from "@effect/cluster/SingleRunner"
import * as Duration from "effect/Duration"

/**
 * Shard locks expire 8 s after their holder stops refreshing them (every 3 s; the default 35 s would
 * leave a dead process's singletons idle that long before another process takes them over).
 */
export const ClusterRunner = SingleRunner.layer({
  runnerStorage: "sql",
  shardingConfig: { entityMessagePollInterval: Duration.seconds(2), shardLockExpiration: Duration.seconds(8), shardLockRefreshInterval: Duration.seconds(3) }
})
