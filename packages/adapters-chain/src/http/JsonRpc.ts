/** JSON-RPC over ChainHttp: Bitcoin Core, Ethereum and Solana nodes all speak it. */
import * as Effect from "effect/Effect"
import { type ChainHttp, ChainSourceError, parseJson } from "./ChainHttp.js"

let ids = 0

/**
 * Calls `method`; the node's own error (a JSON-RPC error object in a 200 answer) fails with kind
 * "rpc" and is not retried; HTTP 5xx is retried like any server error. (Bitcoin Core answers a single
 * call's errors with HTTP 500, so its client sends batches, which it always answers with 200.) `parse` reads the answer's text: plain JSON by
 * default, or a lossless parser where numbers must keep every digit.
 */
export const rpcCall = (
  http: ChainHttp,
  method: string,
  params: ReadonlyArray<unknown> | Readonly<Record<string, unknown>>,
  options: { readonly version?: "1.0" | "2.0"; readonly parse?: (source: string, text: string) => Effect.Effect<unknown, ChainSourceError> } = {}
): Effect.Effect<unknown, ChainSourceError> =>
  Effect.gen(function*() {
    const id = ++ids
    const answer = yield* http.request("POST", "", {
      body: { jsonrpc: options.version ?? "2.0", id, method, params },
      accept: (s) => s >= 200 && s < 300
    })
    const parsed = yield* (options.parse ?? parseJson)(http.name, answer.text)
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      return yield* new ChainSourceError({ source: http.name, kind: "decode", detail: `${method}: not a JSON-RPC answer` })
    }
    const record = parsed as { readonly result?: unknown; readonly error?: unknown }
    if (record.error !== undefined && record.error !== null) {
      const e = record.error as { readonly message?: unknown; readonly code?: unknown }
      return yield* new ChainSourceError({
        source: http.name, kind: "rpc", status: typeof e.code === "number" ? e.code : undefined,
        detail: `${method}: ${typeof e.message === "string" ? e.message : JSON.stringify(record.error).slice(0, 200)}`
      })
    }
    if (answer.status !== 200 || !("result" in record)) {
      return yield* new ChainSourceError({ source: http.name, kind: "status", status: answer.status, detail: `${method}: no result` })
    }
    return record.result
  })
