/**
 * A stand-in for a Core node's JSON-RPC on the shared FakeServer, for faults a real node will not
 * produce on demand: it checks HTTP Basic auth against a cookie it can rewrite (answering 401 with
 * an empty body, as Core does), answers batches with HTTP 200 and a lone call's error with HTTP 500
 * (as Core 0.21 does), and takes its answers from `methods` (raw JSON text, so amounts keep digits).
 */
import { writeFile } from "node:fs/promises"
import { FakeServer } from "../../src/testing/FakeServer.js"

export type FakeMethod = (params: ReadonlyArray<unknown>) => { readonly result: string } | { readonly error: { readonly code: number; readonly message: string } }

export const makeFakeCore = (cookieFile: string, methods: Record<string, FakeMethod>) => {
  let cookie = ""
  const answer = (call: { id?: unknown; method?: unknown; params?: unknown }) => {
    const method = typeof call.method === "string" ? methods[call.method] : undefined
    const out = method === undefined ? { error: { code: -32601, message: "Method not found" } } : method(Array.isArray(call.params) ? call.params : [])
    const id = JSON.stringify(call.id ?? null)
    return "result" in out ? `{"result":${out.result},"error":null,"id":${id}}` : `{"result":null,"error":${JSON.stringify(out.error)},"id":${id}}`
  }
  const server = new FakeServer((request) => {
    if (request.headers.authorization !== `Basic ${Buffer.from(cookie).toString("base64")}`) return { status: 401, body: "" }
    const body = JSON.parse(request.body) as unknown
    if (Array.isArray(body)) return { body: `[${body.map(answer).join(",")}]` }
    const text = answer(body as { id?: unknown; method?: unknown; params?: unknown })
    return { status: text.includes("\"error\":null") ? 200 : 500, body: text }
  })
  return {
    server,
    /** Writes a new cookie file, as a node does when it starts; the old credentials stop working. */
    rotateCookie: async (password: string) => {
      cookie = `__cookie__:${password}`
      await writeFile(cookieFile, cookie)
    }
  }
}
