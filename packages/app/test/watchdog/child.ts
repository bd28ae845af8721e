/** A process with the watchdog on (2 s) that then blocks its own event loop for 20 s. */
import * as Effect from "effect/Effect"
import { watchdog } from "../../src/runtime/Watchdog.js"

await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
  yield* watchdog(2)
  yield* Effect.sleep("1500 millis") // the heartbeat is fresh while the loop runs
  process.stdout.write("blocking\n")
  const until = Date.now() + 20_000
  while (Date.now() < until) {
    // a frozen event loop
  }
  process.stdout.write("survived\n")
})))
