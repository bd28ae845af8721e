/**
 * The loop every chain watcher runs: one cycle, then a pause, for ever. A failed cycle is logged and
 * recorded for the admins (the watcher's last error) and the next one runs as usual; a cycle that
 * works clears the error. Nothing a chain source answers can stop it.
 */
import { ChainDeposits } from "@tokenshop/domain"
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"

export interface WatcherLoop<R> {
  readonly name: string
  readonly interval: Duration.DurationInput
  readonly cycle: Effect.Effect<void, unknown, R>
}

/** One line a person can read: the failure's message, not a stack. */
export const describeCause = (cause: Cause.Cause<unknown>): string => {
  const failure = Cause.squash(cause)
  return failure instanceof Error ? failure.message : String(failure)
}

/** Runs `loop` until interrupted; never fails. */
export const runWatcher = <R>(loop: WatcherLoop<R>): Effect.Effect<never, never, R | ChainDeposits> =>
  Effect.gen(function*() {
    const chain = yield* ChainDeposits
    let failing = true // the first good cycle clears whatever an earlier run recorded
    const once = loop.cycle.pipe(
      Effect.zipRight(Effect.suspend(() => failing ? chain.recordError(loop.name, null).pipe(Effect.tap(() => (failing = false))) : Effect.void)),
      Effect.catchAllCause((cause) =>
        Cause.isInterruptedOnly(cause)
          ? Effect.interrupt
          : Effect.gen(function*() {
            failing = true
            const reason = describeCause(cause)
            yield* Effect.logWarning(`watcher ${loop.name}: ${reason}`)
            yield* chain.recordError(loop.name, reason).pipe(Effect.catchAllCause(() => Effect.void))
          }))
    )
    return yield* once.pipe(Effect.zipRight(Effect.sleep(loop.interval)), Effect.forever)
  }).pipe(Effect.annotateLogs({ watcher: loop.name }))
