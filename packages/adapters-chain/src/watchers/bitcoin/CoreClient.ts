/**
 * JSON-RPC 1.0 to a Bitcoin Core or Litecoin Core node over `makeChainHttp`, with HTTP Basic auth
 * from a user and password or from the node's cookie file (`user:password`, rewritten by the node
 * each time it starts: on a 401 the file is read again and the call made once more).
 *
 * Calls are sent as JSON-RPC batches, even a single one: Core answers a batch with HTTP 200 and an
 * error object per call, while a lone call that the node refuses comes back as HTTP 500, which
 * ChainHttp retries as a server fault (and so would report "Block height out of range" as a 500
 * after several seconds of backoff). Answers are parsed with lossless-json.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import { readFile } from "node:fs/promises"
import { type ChainHttp, ChainSourceError, type HttpPacing, makeChainHttp, pacingOf } from "../../http/ChainHttp.js"
import { parseLossless } from "./CoreJson.js"

export type CoreAuth =
  | { readonly user: string; readonly password: Redacted.Redacted<string> }
  /** The node's `.cookie` (in its datadir, or the network's subfolder). */
  | { readonly cookieFile: string }

export interface CoreClientSettings extends HttpPacing {
  readonly name: string
  readonly url: string
  readonly auth: CoreAuth
}

export interface CoreCall {
  readonly method: string
  readonly params: ReadonlyArray<unknown>
}

export interface CoreClient {
  /** One call; the node's refusal fails with kind "rpc" and its error code as `status`. */
  readonly call: (method: string, params: ReadonlyArray<unknown>) => Effect.Effect<unknown, ChainSourceError>
  /** Several calls in one request; each answer is its result or the node's refusal, in order. */
  readonly batch: (calls: ReadonlyArray<CoreCall>) => Effect.Effect<ReadonlyArray<Either.Either<unknown, ChainSourceError>>, ChainSourceError>
  /** HTTP requests sent so far (each retry counts). */
  readonly sent: () => number
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`, "utf8").toString("base64")}`

export const makeCoreClient = (settings: CoreClientSettings): Effect.Effect<CoreClient, never, HttpClient.HttpClient | Scope.Scope> =>
  Effect.gen(function*() {
    const context = yield* Effect.context<HttpClient.HttpClient | Scope.Scope>()
    const fail = (kind: ChainSourceError["kind"], detail: string, status?: number) =>
      new ChainSourceError({ source: settings.name, kind, status, detail })
    const auth = settings.auth

    const authorization: Effect.Effect<string, ChainSourceError> = "cookieFile" in auth
      ? Effect.tryPromise({
        try: () => readFile(auth.cookieFile, "utf8"),
        catch: () => fail("transport", `cannot read the cookie file ${auth.cookieFile}`)
      }).pipe(Effect.flatMap((text) => {
        const line = text.trim()
        const colon = line.indexOf(":")
        return colon <= 0 ? Effect.fail(fail("decode", `the cookie file ${auth.cookieFile} does not hold user:password`)) : Effect.succeed(basic(line.slice(0, colon), line.slice(colon + 1)))
      }))
      : Effect.succeed(basic(auth.user, Redacted.value(auth.password)))

    /** A ChainHttp per credential: made again only when the cookie changed. */
    let current: { readonly http: ChainHttp; readonly authorization: string } | undefined
    let sentBefore = 0
    const connect = (value: string): Effect.Effect<{ readonly http: ChainHttp; readonly authorization: string }> =>
      makeChainHttp({
        name: settings.name,
        baseUrl: settings.url,
        headers: { authorization: value },
        ...pacingOf(settings)
      }).pipe(
        Effect.provide(context),
        Effect.map((http) => {
          sentBefore += current?.http.sent() ?? 0
          current = { http, authorization: value }
          return current
        })
      )
    const connection = Effect.suspend(() => current === undefined ? Effect.flatMap(authorization, connect) : Effect.succeed(current))

    const post = (body: unknown) =>
      Effect.gen(function*() {
        const c = yield* connection
        const first = yield* Effect.either(c.http.request("POST", "", { body, accept: (s) => s >= 200 && s < 300 }))
        if (Either.isRight(first)) return first.right.text
        if (!(first.left.status === 401 && "cookieFile" in auth)) return yield* first.left
        const fresh = yield* authorization
        if (fresh === c.authorization) return yield* fail("status", "the node refused the credentials of its cookie file", 401)
        const again = yield* connect(fresh)
        return (yield* again.http.request("POST", "", { body, accept: (s) => s >= 200 && s < 300 })).text
      })

    const batch: CoreClient["batch"] = (calls) =>
      Effect.gen(function*() {
        if (calls.length === 0) return []
        const text = yield* post(calls.map((c, id) => ({ jsonrpc: "1.0", id, method: c.method, params: c.params })))
        const parsed = yield* parseLossless(settings.name, text)
        if (!Array.isArray(parsed)) return yield* fail("decode", `${calls[0]!.method}: not a JSON-RPC batch answer`)
        const byId = new Map<number, { readonly result?: unknown; readonly error?: unknown }>()
        for (const entry of parsed as ReadonlyArray<unknown>) {
          if (typeof entry !== "object" || entry === null) continue
          const e = entry as { readonly id?: unknown; readonly result?: unknown; readonly error?: unknown }
          const id = e.id === undefined || e.id === null ? Number.NaN : Number(String(e.id))
          if (Number.isInteger(id)) byId.set(id, e)
        }
        return calls.map((c, id): Either.Either<unknown, ChainSourceError> => {
          const answer = byId.get(id)
          if (answer === undefined) return Either.left(fail("decode", `${c.method}: no answer in the batch`))
          if (answer.error !== undefined && answer.error !== null) {
            const e = answer.error as { readonly code?: unknown; readonly message?: unknown }
            const code = e.code === undefined || e.code === null ? Number.NaN : Number(String(e.code))
            const message = typeof e.message === "string" ? e.message : "refused"
            return Either.left(fail("rpc", `${c.method}: ${message}`, Number.isInteger(code) ? code : undefined))
          }
          return "result" in answer ? Either.right(answer.result) : Either.left(fail("decode", `${c.method}: no result`))
        })
      })

    const call: CoreClient["call"] = (method, params) =>
      Effect.flatMap(batch([{ method, params }]), ([answer]) => answer === undefined ? Effect.fail(fail("decode", `${method}: no answer`)) : answer)

    return { call, batch, sent: () => sentBefore + (current?.http.sent() ?? 0) }
  })
