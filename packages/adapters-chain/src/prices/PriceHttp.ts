/**
 * What the price sources share: their settings, the HTTP client under them, exact decimal reading
 * (prices never pass through a JS number), the domain's error and a short cache of answers. The cache
 * keeps an answer for `cacheFor` and never keeps a failure; callers asking for the same pair while it
 * is being fetched wait for that one request.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import { ServiceUnavailable } from "@tokenshop/domain"
import * as BigDecimal from "effect/BigDecimal"
import * as Clock from "effect/Clock"
import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import { type ChainHttp, type ChainSourceError, type HttpPacing, makeChainHttp } from "../http/ChainHttp.js"

/**
 * Pacing defaults differ from ChainHttp's: requests a second suit each API's public limit, 10 s per
 * attempt, 2 retries, Retry-After obeyed up to 30 s.
 */
export interface PriceSourceSettings extends HttpPacing {
  /** The API's root; each source has its public default. */
  readonly baseUrl?: string | undefined
  /** How long one pair's answer is reused (default 60 s). */
  readonly cacheFor?: Duration.DurationInput | undefined
}

/** The domain's error; `detail` names the source. */
export const unavailable = (detail: string) => new ServiceUnavailable({ service: "prices", detail })

const fromChainError = (e: ChainSourceError) => unavailable(e.message)

/** The rate-limited client for one price API: only 2xx answers come back, everything else is ServiceUnavailable. */
export const makePriceHttp = (
  name: string,
  defaults: { readonly baseUrl: string; readonly requestsPerSecond: number },
  settings: PriceSourceSettings,
  headers: Readonly<Record<string, string>> = {}
): Effect.Effect<(path: string) => Effect.Effect<string, ServiceUnavailable>, never, HttpClient.HttpClient | Scope.Scope> =>
  Effect.map(
    makeChainHttp({
      name,
      baseUrl: settings.baseUrl ?? defaults.baseUrl,
      headers,
      requestsPerSecond: settings.requestsPerSecond ?? defaults.requestsPerSecond,
      timeout: settings.timeout ?? "10 seconds",
      retries: settings.retries ?? 2,
      backoff: settings.backoff,
      maxRetryAfter: settings.maxRetryAfter ?? "30 seconds",
      maxBytes: 1024 * 1024
    }),
    (http: ChainHttp) => (path: string) =>
      http.request("GET", path, { accept: (s) => s >= 200 && s < 300 }).pipe(
        Effect.map((answer) => answer.text),
        Effect.mapError(fromChainError)
      )
  )

const plain = /^(?:0|[1-9]\d{0,29})(?:\.\d{1,30})?$/
const jsonNumber = /^(?:0|[1-9]\d{0,29})(?:\.\d{1,30})?(?:[eE][+-]?\d{1,2})?$/

const positive = (text: string, shape: RegExp): Option.Option<BigDecimal.BigDecimal> =>
  shape.test(text)
    ? Option.filter(BigDecimal.fromString(text), BigDecimal.isPositive).pipe(Option.map(BigDecimal.normalize))
    : Option.none()

/** A plain positive decimal written as text ("88230.10000"); signs, exponents, spaces and empty text are refused. */
export const plainPositiveDecimal = (text: string): Option.Option<BigDecimal.BigDecimal> => positive(text, plain)

/** A positive JSON number exactly as written, exponent allowed ("88230.15", "1e-7"); a bounded size. */
export const positiveJsonNumber = (text: string): Option.Option<BigDecimal.BigDecimal> => positive(text, jsonNumber)

export interface AnswerCache<A> {
  /** The cached answer for `key` if still fresh, else `lookup`'s (kept only when it succeeds). */
  readonly get: (key: string, lookup: Effect.Effect<A, ServiceUnavailable>) => Effect.Effect<A, ServiceUnavailable>
}

export const makeAnswerCache = <A>(source: string, cacheFor: Duration.DurationInput): Effect.Effect<AnswerCache<A>> =>
  Effect.sync(() => {
    const ttl = Duration.toMillis(cacheFor)
    const kept = new Map<string, { readonly value: A; readonly until: number }>()
    const pending = new Map<string, Deferred.Deferred<A, ServiceUnavailable>>()
    const get: AnswerCache<A>["get"] = (key, lookup) =>
      Effect.gen(function*() {
        const t = yield* Clock.currentTimeMillis
        const hit = kept.get(key)
        if (hit !== undefined && t < hit.until) return hit.value
        const waiting = pending.get(key)
        if (waiting !== undefined) return yield* Deferred.await(waiting)
        const done = yield* Deferred.make<A, ServiceUnavailable>()
        pending.set(key, done)
        return yield* lookup.pipe(
          Effect.onExit((exit) =>
            Effect.gen(function*() {
              pending.delete(key)
              if (Exit.isSuccess(exit)) kept.set(key, { value: exit.value, until: (yield* Clock.currentTimeMillis) + ttl })
              const settled = Exit.isInterrupted(exit) ? Exit.fail(unavailable(`${source}: request interrupted`)) : exit
              yield* Deferred.done(done, settled)
            })
          )
        )
      })
    return { get }
  })
