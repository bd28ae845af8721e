/**
 * A forwarder in front of a fake API, one per process: each process is given its own tap's URL, so
 * the fake's requests can be told apart by the process that made them. Records the time of each
 * request it passes on, and `runs` folds them into who asked when.
 */
import { createServer, request, type Server } from "node:http"
import type { AddressInfo } from "node:net"

export interface Tapped {
  readonly label: string
  readonly at: number
}

/** Forwards everything to `target` (http://127.0.0.1:port), recording each request under `label` in `log`. */
export const startTap = async (target: string, label: string, log: Array<Tapped>) => {
  const to = new URL(target)
  const server: Server = createServer((req, res) => {
    log.push({ label, at: Date.now() })
    const forward = request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    forward.on("error", () => res.writeHead(502).end())
    req.pipe(forward)
  })
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r()))
  }
}

/** The requests in time order, folded into runs of one label: who asked, how often, from when to when. */
export const runs = (log: ReadonlyArray<Tapped>) => {
  const out: Array<{ label: string; count: number; from: number; to: number }> = []
  for (const t of [...log].sort((a, b) => a.at - b.at)) {
    const last = out.at(-1)
    if (last?.label === t.label) {
      last.count++
      last.to = t.at
    } else out.push({ label: t.label, count: 1, from: t.at, to: t.at })
  }
  return out
}
