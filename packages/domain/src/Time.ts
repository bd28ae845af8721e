import * as Effect from "effect/Effect"

/** The current time from Effect's Clock, so tests can move it with TestClock. */
export const now: Effect.Effect<Date> = Effect.clockWith((clock) => clock.currentTimeMillis).pipe(
  Effect.map((ms) => new Date(ms))
)
