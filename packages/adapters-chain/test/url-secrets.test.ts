/**
 * A key inside a node URL never leaves the process: with a refused port, a 5xx answer and an answer
 * that echoes the key, every source's error and every span name the source and the host only.
 */
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Effect from "effect/Effect"
import * as Tracer from "effect/Tracer"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { ChainSourceError, makeChainHttp } from "../src/http/ChainHttp.js"
import { freePort } from "../src/testing/Ports.js"
import { makeEsploraSource } from "../src/watchers/bitcoin/Esplora.js"
import { makeEvmSource } from "../src/watchers/ethereum/Evm.js"
import { makeSolanaSource } from "../src/watchers/solana/Solana.js"
import { makeTronGridSource } from "../src/watchers/tron/TronGrid.js"

const CANARY = "canary7f3e9a1b"

/** Answers 503 to the first path, and 401 with the request's own URL in the body (as some providers do) to the rest. */
const server = createServer((req, res) => {
  if (req.url?.includes("echo") === true) {
    res.writeHead(401, { "content-type": "application/json" })
    res.end(JSON.stringify({ error: `invalid key in ${req.url}`, key: CANARY }))
  } else {
    res.writeHead(503)
    res.end(`upstream ${req.url} is down`)
  }
})
let port = 0
let refused = 0
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()))
  port = (server.address() as AddressInfo).port
  refused = await freePort()
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

/** Runs `effect` with a tracer that keeps every span, and returns its failure and the spans' texts. */
const traced = <A, E>(effect: Effect.Effect<A, E, import("effect/Scope").Scope | import("@effect/platform/HttpClient").HttpClient>) =>
  Effect.gen(function*() {
    const native = yield* Effect.tracer
    const spans: Array<Tracer.Span> = []
    const recording = Tracer.make({
      span: (...args) => {
        const span = native.span(...args)
        spans.push(span)
        return span
      },
      context: native.context
    })
    const error = yield* Effect.flip(effect.pipe(Effect.withTracer(recording)))
    const texts = spans.flatMap((s) => [s.name, ...[...s.attributes].map(([k, v]) => `${k}=${String(v)}`)])
    return { error, texts }
  }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer), Effect.runPromise)

const pacing = { retries: 1, backoff: "5 millis", timeout: "2 seconds" } as const
const urls = () => ({
  refused: `http://127.0.0.1:${refused}/v3/${CANARY}`,
  down: `http://127.0.0.1:${port}/rpc/${CANARY}?api-key=${CANARY}`,
  echo: `http://u:${CANARY}@127.0.0.1:${port}/echo/${CANARY}`
})

const expectClean = ({ error, texts }: { readonly error: unknown; readonly texts: ReadonlyArray<string> }, source: string) => {
  expect(error).toBeInstanceOf(ChainSourceError)
  const e = error as ChainSourceError
  expect(e.source).toBe(source)
  const all = [e.message, e.detail, JSON.stringify(e), String(e.stack), ...texts].join("\n")
  expect(all).not.toContain(CANARY)
  expect(texts.some((t) => t === `server.address=http://127.0.0.1:${port}` || t === `server.address=http://127.0.0.1:${refused}`)).toBe(true)
}

describe("a key in a node URL", () => {
  for (const which of ["refused", "down", "echo"] as const) {
    it(`ChainHttp, ${which}: neither its error nor its spans carry the key`, async () => {
      const out = await traced(Effect.flatMap(makeChainHttp({ name: "plain", baseUrl: urls()[which], ...pacing }), (http) => http.request("GET", "/x")))
      expectClean(out, "plain")
    })

    it(`each source, ${which}: the error it reports names the source and the host only`, async () => {
      const url = urls()[which]
      const sources = [
        ["btc-esplora", Effect.flatMap(makeEsploraSource({ name: "btc-esplora", baseUrl: url, network: "bitcoin", asset: "BTC", ...pacing }), (s) => Effect.flatMap(s.begin, (session) => session.history("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu", null)))],
        ["eth-rpc", Effect.flatMap(makeEvmSource({ name: "eth-rpc", rpcUrl: url, tokens: [], native: true, ...pacing }), (s) => s.tip)],
        ["sol-rpc", Effect.flatMap(makeSolanaSource({ name: "sol-rpc", rpcUrl: url, ...pacing }), (s) => s.begin)],
        ["tron-trongrid", Effect.flatMap(makeTronGridSource({ name: "tron-trongrid", baseUrl: url, ...pacing }), (s) => s.begin)]
      ] as const
      for (const [name, run] of sources) expectClean(await traced(run as Effect.Effect<unknown, unknown, never>), name)
    })
  }
})
