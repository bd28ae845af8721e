/**
 * The event-loop watchdog: a process whose event loop stalls keeps its cluster locks (advisory locks
 * on PostgreSQL) while doing nothing, so its singletons (chain watchers, the expiry sweep, backups)
 * stall with it and never move to another process. The main thread writes a heartbeat into shared
 * memory every second; a worker thread (which a blocked main thread cannot stop) checks it, and when
 * the heartbeat is older than WATCHDOG_SECONDS (default 30; 0: off) it writes why to standard error
 * and kills the process, so the service manager restarts it and the locks expire. Both threads read
 * the process's monotonic clock (process.hrtime), never the wall clock: a clock step (NTP, a VM
 * resumed) is no stall.
 */
import { Worker } from "node:worker_threads"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"

export const watchdogConfig = Config.integer("WATCHDOG_SECONDS").pipe(
  Config.withDefault(30),
  Config.mapOrFail((n) => n === 0 || (n >= 2 && n <= 3600)
    ? Either.right(n)
    : Either.left(ConfigError.InvalidData(["WATCHDOG_SECONDS"], `must be 0 (off) or from 2 to 3600, got ${n}`)))
)

/** Milliseconds on the process's monotonic clock, the same in every thread of the process. */
const monotonicMs = () => Number(process.hrtime.bigint() / 1_000_000n)

/** The worker's code: it reads the heartbeat (monotonic milliseconds) and kills the process when it is too old. */
const watcher = `
const { workerData } = require("node:worker_threads")
const { writeSync } = require("node:fs")
const beat = new Float64Array(workerData.heartbeat)
const limit = workerData.seconds * 1000
setInterval(() => {
  const stalled = Number(process.hrtime.bigint() / 1000000n) - beat[0]
  if (stalled > limit) {
    // straight to file descriptor 2: a worker's process.stderr goes through the (blocked) main thread
    writeSync(2, "watchdog: the event loop has not run for " + Math.round(stalled / 1000) + " s (limit WATCHDOG_SECONDS=" + workerData.seconds + "): stopping this process so that its work moves elsewhere\\n")
    process.kill(process.pid, "SIGKILL")
  }
}, Math.min(1000, limit / 2)) // not unref: it is what keeps this worker alive
`

/** Starts the watchdog for `seconds` (nothing for 0) until the scope closes. */
export const watchdog = (seconds: number) =>
  seconds === 0 ? Effect.void : Effect.acquireRelease(
    Effect.sync(() => {
      const heartbeat = new SharedArrayBuffer(8)
      const beat = new Float64Array(heartbeat)
      beat[0] = monotonicMs()
      const timer = setInterval(() => { beat[0] = monotonicMs() }, 500)
      timer.unref()
      const worker = new Worker(watcher, { eval: true, workerData: { heartbeat, seconds } })
      worker.unref()
      return { timer, worker }
    }),
    ({ timer, worker }) => Effect.promise(async () => {
      clearInterval(timer)
      await worker.terminate()
    })
  )

/** The watchdog while the shop runs, as WATCHDOG_SECONDS says. */
export const WatchdogLive = Layer.scopedDiscard(Effect.flatMap(watchdogConfig, watchdog))
