/**
 * What reading one address may cost in one poll: a number of requests and a time box. A source
 * asks the budget before each request; once it is spent, or the time is up (a request waiting out a
 * long Retry-After is cut short then), the source stops where it got to and returns a partial mark,
 * from which the next poll goes on. So one address with a huge history, or one the node throttles,
 * never holds up the others or the re-checks of the open payments.
 */
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"

export interface Budget {
  /** Runs one request if the budget allows: None (the request not sent, or cut short) once it is spent or out of time. */
  readonly spend: <A, E, R>(request: Effect.Effect<A, E, R>) => Effect.Effect<Option.Option<A>, E, R>
  /** Requests sent through it so far. */
  readonly used: () => number
}

/** Requests one address may cost in one poll (default); at 5 to 10 requests a second, about the time box. */
export const defaultRequestsPerAddress = 100
/** The time one address may take in one poll (default). */
export const defaultAddressTimeBox: Duration.DurationInput = "15 seconds"

/** No limit: for a single read outside a poll (tests, tools). */
export const unlimited: Budget = { spend: (request) => Effect.map(request, Option.some), used: () => 0 }

/** A budget of `requests` requests and `timeBox`, starting now. */
export const makeBudget = (requests: number, timeBox: Duration.DurationInput): Effect.Effect<Budget> =>
  Effect.map(Clock.currentTimeMillis, (start) => {
    const until = start + Duration.toMillis(timeBox)
    let used = 0
    return {
      spend: <A, E, R>(request: Effect.Effect<A, E, R>) =>
        Effect.flatMap(Clock.currentTimeMillis, (now): Effect.Effect<Option.Option<A>, E, R> => {
          if (used >= requests || now >= until) return Effect.succeed(Option.none())
          used++
          return Effect.timeoutOption(request, Duration.millis(until - now))
        }),
      used: () => used
    }
  })
