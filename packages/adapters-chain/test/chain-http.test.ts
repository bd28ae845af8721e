/** ChainHttp's size cap holds for answers that announce no length: the reader stops at the cap. */
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Effect from "effect/Effect"
import { describe, expect, it } from "vitest"
import { makeChainHttp } from "../src/http/ChainHttp.js"

const ENDLESS = 64 * 1024 * 1024

/** A loopback server answering `status` with a chunked body of up to 64 MiB; how much it wrote. */
const endlessServer = async (status: number) => {
  const state = { written: 0 }
  let closed = false
  const server = createServer((_req, res) => {
    res.writeHead(status, { "content-type": "application/json" })
    const block = Buffer.alloc(64 * 1024, 0x20)
    const pump = () => {
      while (!closed && state.written < ENDLESS && res.write(block)) state.written += block.length
      if (!closed && state.written < ENDLESS) res.once("drain", pump)
      else res.end()
    }
    res.on("close", () => (closed = true))
    pump()
  })
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()))
  const stop = async () => {
    server.closeAllConnections()
    await new Promise<void>((r) => server.close(() => r()))
  }
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, state, stop }
}

const get = (url: string) =>
  Effect.runPromise(Effect.flatMap(
    makeChainHttp({ name: "endless", baseUrl: url, maxBytes: 1024 * 1024, retries: 0, timeout: "10 seconds" }),
    (http) => Effect.either(http.request("GET", "/blocks"))
  ).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer)))

describe("ChainHttp answer size cap", () => {
  it.each([
    { status: 200, kind: "decode" },
    { status: 503, kind: "status" }
  ])("an endless chunked $status answer is cut off after 1 MiB, not read whole", async ({ status, kind }) => {
    const server = await endlessServer(status)
    const result = await get(server.url).finally(server.stop)
    expect(result._tag === "Left" && result.left).toMatchObject({ _tag: "ChainSourceError", source: "endless", kind })
    // the reader stopped early: the server never got to write its 64 MiB
    expect(server.state.written).toBeLessThan(32 * 1024 * 1024)
  })
})
