/** Helpers of the end-to-end tests in webhook mode. */
import { createServer, request, type Server } from "node:http"

/** Forwards the emulator's webhook posts to the shop, adding the secret header the emulator omits. */
export const secretProxy = (port: number, target: number, secret: string) =>
  new Promise<Server>((resolve) => {
    const server = createServer((req, res) => {
      const forward = request({
        host: "127.0.0.1", port: target, path: req.url, method: req.method,
        headers: { ...req.headers, "x-telegram-bot-api-secret-token": secret }
      }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      })
      forward.on("error", () => res.writeHead(502).end())
      req.pipe(forward)
    })
    server.listen(port, "127.0.0.1", () => resolve(server))
  })

export const post = (port: number, body: string, secret?: string) =>
  fetch(`http://127.0.0.1:${port}/hook/telegram`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret === undefined ? {} : { "x-telegram-bot-api-secret-token": secret }) },
    body
  }).then((r) => r.status)
