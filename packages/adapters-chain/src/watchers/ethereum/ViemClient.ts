/**
 * viem's public client over ChainHttp: every request goes through `rpcCall`, so the source's rate
 * limit, timeouts, Retry-After, backoff and request count apply; viem itself never retries. A call
 * fails with our own ChainSourceError when the transport failed, else with viem's reason (a malformed
 * answer) as a decode error.
 */
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import * as Runtime from "effect/Runtime"
import { AsyncLocalStorage } from "node:async_hooks"
import { BaseError, createPublicClient, custom, type PublicClient } from "viem"
import { type ChainHttp, ChainSourceError } from "../../http/ChainHttp.js"
import { rpcCall } from "../../http/JsonRpc.js"

/** The abort signal of the source call a viem request belongs to (viem's actions take none). */
const callSignal = new AsyncLocalStorage<AbortSignal>()

/** A viem "not found" error of this class becomes null; anything else stays a failure. */
export const orNull = <E>(kind: new(...args: never) => E) => (e: unknown) => e instanceof kind ? null : Promise.reject(e)

export type ViemCall = <A>(what: string, use: (c: PublicClient) => Promise<A>) => Effect.Effect<A, ChainSourceError>

export const makeViemCall = (http: ChainHttp): Effect.Effect<ViemCall> =>
  Effect.gen(function*() {
    const fail = (kind: ChainSourceError["kind"], detail: string) => new ChainSourceError({ source: http.name, kind, detail })
    const run = Runtime.runPromiseExit(yield* Effect.runtime<never>())
    const client: PublicClient = createPublicClient({
      cacheTime: 0,
      transport: custom({
        request: ({ method, params }: { readonly method: string; readonly params?: unknown }) => {
          const signal = callSignal.getStore()
          const args = Array.isArray(params) ? params : typeof params === "object" && params !== null ? params as Record<string, unknown> : []
          return run(rpcCall(http, method, args), signal === undefined ? {} : { signal }).then((exit) =>
            Exit.isSuccess(exit)
              ? exit.value
              : Promise.reject(Option.getOrElse(Cause.failureOption(exit.cause), () => fail("transport", `${method}: ${Cause.pretty(exit.cause)}`)))
          )
        }
      }, { retryCount: 0 })
    })
    const sourceError = (what: string, e: unknown): ChainSourceError => {
      for (let c: unknown = e, depth = 0; c instanceof Error && depth < 10; c = c.cause, depth++) {
        if (c instanceof ChainSourceError) return c
      }
      return fail("decode", `${what}: ${e instanceof BaseError ? e.shortMessage : String(e)}`)
    }
    return <A>(what: string, use: (c: PublicClient) => Promise<A>) =>
      Effect.tryPromise({ try: (signal) => callSignal.run(signal, () => use(client)), catch: (e) => sourceError(what, e) })
  })
