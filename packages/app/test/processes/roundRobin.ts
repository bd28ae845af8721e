/**
 * A reverse proxy that hands each request to the next of several backends in turn, as a load
 * balancer would; a backend that does not answer (killed) is skipped. Records which served each.
 */
import { createServer, request, type Server } from "node:http"
import type { AddressInfo } from "node:net"

export const startRoundRobin = async (ports: ReadonlyArray<number>) => {
  let next = 0
  const served: Array<number> = []
  const server: Server = createServer((req, res) => {
    const chunks: Array<Buffer> = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => {
      const payload = Buffer.concat(chunks)
      const attempt = (tries: number) => {
        const port = ports[next++ % ports.length]!
        const forward = request({ host: "127.0.0.1", port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
          served.push(port)
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        })
        forward.on("error", () => tries > 1 ? attempt(tries - 1) : res.writeHead(502).end())
        forward.end(payload)
      }
      attempt(ports.length)
    })
  })
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r))
  return {
    port: (server.address() as AddressInfo).port,
    /** The backend port that served each request, in order. */
    served: (): ReadonlyArray<number> => served,
    close: () => new Promise<void>((r) => server.close(() => r()))
  }
}
