/**
 * HTTP for chain sources: one token bucket per source, a timeout per request, Retry-After honoured
 * on 429, exponential backoff on 5xx, timeouts and refused connections, a size cap on answers, and
 * a count of the requests actually sent (the benchmarks read it). Nothing throws: every failure is a
 * ChainSourceError naming the source.
 *
 * A node URL often carries a key (`https://…/v3/KEY`, `?api-key=KEY`, `user:password@`): nothing
 * here lets its path, query or credentials out. Errors name the source and what went wrong, and no
 * ChainSourceError carries a piece of a configured URL that may be secret, whatever text an answer
 * or the transport gave it;
 * the HTTP client's own spans (which record the full URL) are off, and each request's span names the
 * source, the method and the origin only. Configured headers never reach a span either.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Data from "effect/Data"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as RateLimiter from "effect/RateLimiter"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import { guardUrl, originOf, scrubSecrets } from "./Secrets.js"

interface ChainSourceErrorFields {
  readonly source: string
  /** timeout, transport (no answer), status (an unexpected HTTP status), decode (an answer we cannot read), rpc (the node refused). */
  readonly kind: "timeout" | "transport" | "status" | "decode" | "rpc"
  readonly status?: number | undefined
  /** Cleaned of every secret piece of the configured node URLs (see `guardUrl`). */
  readonly detail: string
}

export class ChainSourceError extends Data.TaggedError("ChainSourceError")<ChainSourceErrorFields> {
  constructor(fields: ChainSourceErrorFields) {
    super({ ...fields, detail: scrubSecrets(fields.detail) })
  }

  override get message() {
    return `${this.source}: ${this.kind}${this.status === undefined ? "" : ` ${this.status}`}: ${this.detail}`
  }
}

/** How a source paces and retries its requests; each source documents its own defaults where they differ. */
export interface HttpPacing {
  /** Token bucket: at most this many requests a second on average (default 5). */
  readonly requestsPerSecond?: number | undefined
  /** Per attempt (default 20 s). */
  readonly timeout?: Duration.DurationInput | undefined
  /** Attempts after the first for 429, 5xx, timeouts and transport failures (default 4). */
  readonly retries?: number | undefined
  /** Backoff before the first retry, doubled each time (default 500 ms). */
  readonly backoff?: Duration.DurationInput | undefined
  /** The longest Retry-After obeyed (default 120 s); longer ones fail the request. */
  readonly maxRetryAfter?: Duration.DurationInput | undefined
}

/** The pacing fields of a source's settings, as `makeChainHttp` takes them. */
export const pacingOf = ({ backoff, maxRetryAfter, requestsPerSecond, retries, timeout }: HttpPacing): HttpPacing =>
  ({ backoff, maxRetryAfter, requestsPerSecond, retries, timeout })

export interface SourceSettings extends HttpPacing {
  /** Names the source in errors, logs and the admins' watcher list, e.g. "btc-esplora". */
  readonly name: string
  readonly baseUrl: string
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** Answers larger than this fail (default 64 MiB: a full block with its transactions). */
  readonly maxBytes?: number | undefined
}

export interface HttpAnswer {
  readonly status: number
  readonly text: string
}

export interface ChainHttp {
  readonly name: string
  /** GET or POST `path` (relative to the base URL); answers with a status in `accept` (default 2xx and 404) come back, others fail. */
  readonly request: (
    method: "GET" | "POST",
    path: string,
    options?: { readonly body?: unknown; readonly accept?: (status: number) => boolean }
  ) => Effect.Effect<HttpAnswer, ChainSourceError>
  /** Requests sent so far (each retry counts). */
  readonly sent: () => number
}


/** What a transport failure says, without the request's URL (the client's own message carries it). */
const transportDetail = (e: { readonly message: string; readonly reason?: string; readonly cause?: unknown }): string => {
  if (e.reason === undefined) return e.message
  const causes: Array<string> = []
  for (let c: unknown = e.cause, depth = 0; c instanceof Error && depth < 5; c = c.cause, depth++) causes.push(c.message)
  return [`${e.reason.toLowerCase()} failure`, ...causes].join(": ")
}

/** Seconds or an HTTP date, as the Retry-After header allows; undefined when absent or unreadable. */
export const retryAfterMillis = (header: string | undefined, nowMs: number): number | undefined => {
  if (header === undefined || header.trim() === "") return undefined
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000
  const at = Date.parse(header)
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs)
}

/**
 * The answer's text, read chunk by chunk and abandoned as soon as it passes `max` bytes (None), so
 * that a huge or endless answer (chunked, with no length announced) never sits in memory whole.
 */
const textWithin = (response: HttpClientResponse.HttpClientResponse, max: number) =>
  Effect.gen(function*() {
    const chunks: Array<Uint8Array> = []
    let size = 0
    yield* Stream.runForEachWhile(response.stream, (chunk) =>
      Effect.sync(() => {
        size += chunk.length
        if (size <= max) chunks.push(chunk)
        return size <= max
      }))
    return size > max ? Option.none() : Option.some(Buffer.concat(chunks).toString("utf8"))
  })

const okOr404 = (status: number) => (status >= 200 && status < 300) || status === 404

type Attempt =
  | { readonly _tag: "Done"; readonly answer: HttpAnswer }
  | { readonly _tag: "Retry"; readonly error: ChainSourceError; readonly waitMs: number | undefined }
  | { readonly _tag: "Fail"; readonly error: ChainSourceError }

export const makeChainHttp = (settings: SourceSettings): Effect.Effect<ChainHttp, never, HttpClient.HttpClient | Scope.Scope> =>
  Effect.gen(function*() {
    // The client's own spans record the full URL: off here, and each request gets a span of its own below.
    const client = (yield* HttpClient.HttpClient).pipe(HttpClient.withTracerDisabledWhen(() => true))
    guardUrl(settings.baseUrl)
    const origin = originOf(settings.baseUrl)
    // A bucket of `tokens` refilled over `tokens / perSecond` seconds: perSecond on average, small bursts allowed.
    const perSecond = Math.max(0.01, settings.requestsPerSecond ?? 5)
    const tokens = Math.max(1, Math.round(perSecond))
    const limiter = yield* RateLimiter.make({ limit: tokens, interval: Duration.millis(Math.max(1, Math.round((1000 * tokens) / perSecond))), algorithm: "token-bucket" })
    const timeout = Duration.decode(settings.timeout ?? "20 seconds")
    const retries = settings.retries ?? 4
    const maxRetryAfter = Duration.toMillis(settings.maxRetryAfter ?? "120 seconds")
    const backoff = Duration.toMillis(settings.backoff ?? "500 millis")
    const maxBytes = settings.maxBytes ?? 64 * 1024 * 1024
    const base = settings.baseUrl.replace(/\/+$/, "")
    let sent = 0
    const fail = (kind: ChainSourceError["kind"], detail: string, status?: number) =>
      new ChainSourceError({ source: settings.name, kind, status, detail })

    const attempt = (method: "GET" | "POST", path: string, body: unknown, accept: (s: number) => boolean): Effect.Effect<Attempt> => {
      let request = HttpClientRequest.make(method)(`${base}${path}`).pipe(
        HttpClientRequest.setHeaders({ accept: "application/json", ...settings.headers })
      )
      if (body !== undefined) request = HttpClientRequest.bodyUnsafeJson(request, body)
      return limiter(Effect.sync(() => void sent++)).pipe(
        Effect.zipRight(client.execute(request)),
        Effect.flatMap((response) => {
          const length = Number(response.headers["content-length"] ?? "0")
          if (Number.isFinite(length) && length > maxBytes) return Effect.succeed<Attempt>({ _tag: "Fail", error: fail("decode", `answer of ${length} bytes is too large`) })
          if (response.status === 429 || response.status >= 500) {
            const wait = response.status === 429 ? retryAfterMillis(response.headers["retry-after"], Date.now()) : undefined
            return Effect.as(textWithin(response, maxBytes).pipe(Effect.ignore), {
              _tag: "Retry",
              error: fail("status", response.status === 429 ? "rate limited" : "server error", response.status),
              waitMs: wait
            } as Attempt)
          }
          return textWithin(response, maxBytes).pipe(
            Effect.map((read): Attempt =>
              Option.isNone(read)
                ? { _tag: "Fail", error: fail("decode", "answer too large") }
                : accept(response.status)
                ? { _tag: "Done", answer: { status: response.status, text: read.value } }
                : { _tag: "Fail", error: fail("status", read.value.slice(0, 200), response.status) }),
            Effect.catchAll((e) => Effect.succeed<Attempt>({ _tag: "Retry", error: fail("transport", transportDetail(e)), waitMs: undefined }))
          )
        }),
        Effect.scoped,
        Effect.timeoutFail({ duration: timeout, onTimeout: () => fail("timeout", `no answer within ${Duration.format(timeout)}`) }),
        Effect.catchAll((e): Effect.Effect<Attempt> =>
          Effect.succeed({ _tag: "Retry", error: e instanceof ChainSourceError ? e : fail("transport", transportDetail(e)), waitMs: undefined })),
        Effect.withSpan(`${settings.name} ${method}`, { kind: "client", captureStackTrace: false, attributes: { "server.address": origin } })
      )
    }

    const request: ChainHttp["request"] = (method, path, options = {}) =>
      Effect.gen(function*() {
        const accept = options.accept ?? okOr404
        for (let n = 0; ; n++) {
          const result = yield* attempt(method, path, options.body, accept)
          if (result._tag === "Done") return result.answer
          if (result._tag === "Fail" || n >= retries) return yield* result.error
          const wait = result.waitMs ?? backoff * 2 ** n * (0.75 + Math.random() / 2)
          if (wait > maxRetryAfter) return yield* fail("status", `asked to wait ${Math.round(wait / 1000)} s`, result.error.status)
          yield* Effect.logDebug(`${result.error.message}; again in ${Math.round(wait)} ms`)
          yield* Effect.sleep(Duration.millis(wait))
        }
      })

    return { name: settings.name, request, sent: () => sent }
  })

/** Parses a JSON answer; a malformed one is a decode error. */
export const parseJson = (source: string, text: string): Effect.Effect<unknown, ChainSourceError> =>
  Effect.try({
    try: () => JSON.parse(text) as unknown,
    catch: () => new ChainSourceError({ source, kind: "decode", detail: `malformed JSON: ${text.slice(0, 80)}` })
  })
