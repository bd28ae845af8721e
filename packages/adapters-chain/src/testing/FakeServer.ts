/**
 * A local HTTP server for the fakes of chain and price APIs, with fault switches that every fake
 * shares: answer the next requests with 500, with 429 and a Retry-After, with malformed JSON, or not
 * at all (a timeout), or answer 429 to the requests a predicate picks (a node throttling one
 * address). Listens on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

export interface FakeRequest {
  readonly method: string
  readonly path: string
  readonly query: URLSearchParams
  readonly headers: IncomingMessage["headers"]
  readonly body: string
}

export interface FakeAnswer {
  readonly status?: number
  /** Sent as JSON unless it is already a string. */
  readonly body: unknown
  readonly headers?: Readonly<Record<string, string>>
}

export interface Faults {
  /** The next n requests get 500. */
  serverErrors: number
  /** The next n requests get 429 with this Retry-After (seconds). */
  rateLimited: number
  retryAfterSeconds: number
  /** The next n requests get a body that is not JSON. */
  malformed: number
  /** The next n requests get no answer at all. */
  hangs: number
}

export class FakeServer {
  readonly faults: Faults = { serverErrors: 0, rateLimited: 0, retryAfterSeconds: 1, malformed: 0, hangs: 0 }
  /** The requests this picks get 429 with the Retry-After (seconds) it gives, while it is set. */
  throttle: ((request: FakeRequest) => number | undefined) | undefined = undefined
  /** Every request received, oldest first. */
  readonly requests: Array<FakeRequest> = []
  private server: Server | undefined
  private readonly hanging = new Set<ServerResponse>()

  constructor(private readonly handle: (request: FakeRequest) => FakeAnswer | Promise<FakeAnswer>) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined
    if (address === undefined || address === null) throw new Error("the fake server is not started")
    return `http://127.0.0.1:${address.port}`
  }

  start = (port = 0): Promise<void> =>
    new Promise((resolve) => {
      this.server = createServer((req, res) => void this.serve(req, res))
      this.server.listen(port, "127.0.0.1", () => resolve())
    })

  stop = (): Promise<void> =>
    new Promise((resolve) => {
      for (const res of this.hanging) res.destroy()
      this.hanging.clear()
      this.server?.closeAllConnections()
      this.server?.close(() => resolve())
    })

  private async serve(req: IncomingMessage, res: ServerResponse) {
    const chunks: Array<Buffer> = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const url = new URL(req.url ?? "/", "http://127.0.0.1")
    const request: FakeRequest = { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") }
    this.requests.push(request)
    const f = this.faults
    if (f.hangs > 0) {
      f.hangs--
      this.hanging.add(res)
      return
    }
    const wait = this.throttle?.(request)
    if (wait !== undefined) return this.send(res, { status: 429, body: "too many requests", headers: { "retry-after": String(wait) } })
    if (f.serverErrors > 0) {
      f.serverErrors--
      return this.send(res, { status: 500, body: "internal error" })
    }
    if (f.rateLimited > 0) {
      f.rateLimited--
      return this.send(res, { status: 429, body: "too many requests", headers: { "retry-after": String(f.retryAfterSeconds) } })
    }
    if (f.malformed > 0) {
      f.malformed--
      return this.send(res, { status: 200, body: "{\"result\": [1, 2" })
    }
    try {
      this.send(res, await this.handle(request))
    } catch (e) {
      this.send(res, { status: 500, body: `fake failed: ${e instanceof Error ? e.message : String(e)}` })
    }
  }

  private send(res: ServerResponse, answer: FakeAnswer) {
    const text = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body, (_, v) => typeof v === "bigint" ? v.toString() : v)
    res.writeHead(answer.status ?? 200, { "content-type": "application/json", ...answer.headers })
    res.end(text)
  }
}
