/** A process with the watchdog on (2 s) whose wall clock steps back an hour (NTP, a VM resumed) while its event loop runs on. */
import * as Effect from "effect/Effect"
import { watchdog } from "../../src/runtime/Watchdog.js"

await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
  yield* watchdog(2)
  const real = Date.now.bind(Date)
  Date.now = () => real() - 3_600_000
  process.stdout.write("stepped\n")
  yield* Effect.sleep("5 seconds")
  process.stdout.write("survived\n")
})))
