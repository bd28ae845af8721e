/**
 * The four Solana JSON-RPC methods the deposit watcher needs, through @solana/kit: kit builds each
 * request and reads its answer (every u64 as a bigint), and a custom kit transport sends it through
 * ChainHttp, so the rate limit, Retry-After, backoff and request count apply. Every answer is checked
 * here; an answer of the wrong shape is a ChainSourceError of kind "decode", a node's own error one of
 * kind "rpc". Nothing throws.
 */
import { createSolanaRpcFromTransport, isAddress, isSignature, type RpcTransport, type Signature } from "@solana/kit"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Runtime from "effect/Runtime"
import * as Schema from "effect/Schema"
import { parse } from "lossless-json"
import { type ChainHttp, ChainSourceError } from "../../http/ChainHttp.js"
import { SignatureInfo, SignatureStatus, Slot, TransactionJsonParsed } from "./SolanaSchema.js"

export type { Commitment, SignatureInfo, SignatureStatus, TransactionJsonParsed } from "./SolanaSchema.js"

export interface SignaturePage {
  readonly until?: string | undefined
  readonly before?: string | undefined
  readonly limit: number
}

export interface SolanaRpc {
  /** getSignaturesForAddress at "confirmed": newest first, as the node sends them. */
  readonly signatures: (address: string, page: SignaturePage) => Effect.Effect<ReadonlyArray<SignatureInfo>, ChainSourceError>
  /** getTransaction as jsonParsed at "confirmed"; null when the node does not have it (yet). */
  readonly transaction: (signature: string) => Effect.Effect<TransactionJsonParsed | null, ChainSourceError>
  /** getSignatureStatuses searching the whole history; null for a signature the node does not know. */
  readonly status: (signature: string) => Effect.Effect<SignatureStatus | null, ChainSourceError>
  /** getSlot at "confirmed". */
  readonly slot: Effect.Effect<number, ChainSourceError>
}

/** Kit's own number reading: every integer a bigint, so that no u64 passes through a float. */
const parseWithBigInts = (text: string): unknown => parse(text, null, (n) => /^-?\d+$/.test(n) ? BigInt(n) : Number(n))

/** One JSON-RPC exchange over ChainHttp; the whole answer (`result` or `error`) goes back to kit. */
const exchange = (http: ChainHttp, payload: unknown) =>
  Effect.gen(function*() {
    const fail = (kind: "decode" | "rpc", detail: string, status?: number) => new ChainSourceError({ source: http.name, kind, status, detail })
    const request = payload as { readonly id?: unknown; readonly method?: unknown }
    const method = typeof request.method === "string" ? request.method : "?"
    const body = yield* Effect.try({
      try: () => JSON.parse(JSON.stringify(payload, (_, v: unknown) => typeof v === "bigint" ? Number(v) : v)) as unknown,
      catch: () => fail("decode", `${method}: the request cannot be written as JSON`)
    })
    const answer = yield* http.request("POST", "", { body, accept: (s) => s >= 200 && s < 300 })
    const parsed = yield* Effect.try({ try: () => parseWithBigInts(answer.text), catch: () => fail("decode", `${method}: malformed JSON: ${answer.text.slice(0, 80)}`) })
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return yield* fail("decode", `${method}: not a JSON-RPC answer`)
    const record = parsed as { readonly id?: unknown; readonly result?: unknown; readonly error?: unknown }
    if (record.id !== undefined && request.id !== undefined && String(record.id) !== String(request.id)) {
      return yield* fail("decode", `${method}: the answer is for another request`)
    }
    if (record.error !== undefined && record.error !== null) {
      const e = record.error as { readonly code?: unknown; readonly message?: unknown }
      const code = typeof e.code === "bigint" || typeof e.code === "number" ? Number(e.code) : undefined
      return yield* fail("rpc", `${method}: ${typeof e.message === "string" ? e.message.slice(0, 200) : "error"}`, code)
    }
    if (!("result" in record)) return yield* fail("decode", `${method}: no result`)
    return parsed
  })

/** The kit transport: runs each exchange in the caller's runtime; abort (kit's signal) interrupts it. */
const transportOf = (http: ChainHttp, runtime: Runtime.Runtime<never>): RpcTransport => <T>(config: { readonly payload: unknown; readonly signal?: AbortSignal }) =>
  Runtime.runPromiseExit(runtime)(exchange(http, config.payload), config.signal === undefined ? undefined : { signal: config.signal }).then((exit): Promise<T> =>
    Exit.isSuccess(exit)
      ? Promise.resolve(exit.value as T)
      : Promise.reject(Option.getOrElse(Cause.failureOption(exit.cause), () =>
        new ChainSourceError({ source: http.name, kind: "transport", detail: Cause.isInterruptedOnly(exit.cause) ? "interrupted" : Cause.pretty(exit.cause).slice(0, 200) })))
  )

/** Builds the calls in the current runtime (one poll's): its clock, logger and interruption apply. */
export const makeSolanaRpc = (http: ChainHttp): Effect.Effect<SolanaRpc> =>
  Effect.gen(function*() {
    const runtime = yield* Effect.runtime<never>()
    const rpc = createSolanaRpcFromTransport(transportOf(http, runtime))
    const fail = (detail: string) => new ChainSourceError({ source: http.name, kind: "decode", detail })

    const send = <A>(method: string, run: (signal: AbortSignal) => Promise<A>): Effect.Effect<A, ChainSourceError> =>
      Effect.tryPromise({
        try: run,
        catch: (e) => e instanceof ChainSourceError ? e : fail(`${method}: ${e instanceof Error ? e.message.slice(0, 200) : "unreadable answer"}`)
      })

    const decode = <A, I>(method: string, schema: Schema.Schema<A, I>) => (value: unknown): Effect.Effect<A, ChainSourceError> =>
      Effect.mapError(Schema.decodeUnknown(schema)(value), (e) => fail(`${method}: ${ParseResult.TreeFormatter.formatErrorSync(e).slice(0, 300)}`))

    const asSignature = (s: string): Effect.Effect<Signature, ChainSourceError> => isSignature(s) ? Effect.succeed(s) : Effect.fail(fail(`not a signature: ${s.slice(0, 100)}`))

    return {
      signatures: (address, page) =>
        Effect.gen(function*() {
          if (!isAddress(address)) return yield* fail(`not a Solana address: ${address.slice(0, 60)}`)
          const until = page.until === undefined ? undefined : yield* asSignature(page.until)
          const before = page.before === undefined ? undefined : yield* asSignature(page.before)
          const config = { limit: page.limit, commitment: "confirmed" as const, ...(until === undefined ? {} : { until }), ...(before === undefined ? {} : { before }) }
          const list = yield* send("getSignaturesForAddress", (abortSignal) => rpc.getSignaturesForAddress(address, config).send({ abortSignal }))
          return yield* decode("getSignaturesForAddress", Schema.Array(SignatureInfo))(list)
        }),
      transaction: (signature) =>
        Effect.gen(function*() {
          const sig = yield* asSignature(signature)
          const tx = yield* send("getTransaction", (abortSignal) =>
            rpc.getTransaction(sig, { encoding: "jsonParsed", maxSupportedTransactionVersion: 0, commitment: "confirmed" }).send({ abortSignal }))
          return yield* decode("getTransaction", Schema.NullOr(TransactionJsonParsed))(tx)
        }),
      status: (signature) =>
        Effect.gen(function*() {
          const sig = yield* asSignature(signature)
          const answer = yield* send("getSignatureStatuses", (abortSignal) => rpc.getSignatureStatuses([sig], { searchTransactionHistory: true }).send({ abortSignal }))
          const { value } = yield* decode("getSignatureStatuses", Schema.Struct({ value: Schema.Array(Schema.NullOr(SignatureStatus)) }))(answer)
          if (value.length !== 1) return yield* fail(`getSignatureStatuses: ${value.length} statuses for one signature`)
          return value[0] ?? null
        }),
      slot: Effect.flatMap(send("getSlot", (abortSignal) => rpc.getSlot({ commitment: "confirmed" }).send({ abortSignal })), decode("getSlot", Slot))
    }
  })
