/**
 * A stand-in in front of the Bot API emulator for tests with several bots: the emulator answers
 * getMe with one fixed bot for any token, so this proxy answers getMe for the tokens it is given
 * (id, username, name), answers 401 for every call with an unknown or revoked token (as Telegram
 * does), and passes everything else on to the emulator.
 */
import { createServer, request, type Server } from "node:http"
import type { AddressInfo } from "node:net"

export interface Identity {
  readonly id: number
  readonly username: string
  readonly name: string
}

export const startBotIdentities = async (emulatorUrl: string, known: ReadonlyMap<string, Identity>) => {
  const revoked = new Set<string>()
  const target = new URL(emulatorUrl)
  const server: Server = createServer((req, res) => {
    const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? "")
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" })
      res.end(JSON.stringify(body))
    }
    if (match !== null) {
      const [, token = "", method = ""] = match
      const who = known.get(token)
      if (who === undefined || revoked.has(token)) return answer(401, { ok: false, error_code: 401, description: "Unauthorized" })
      if (method === "getMe") {
        return answer(200, { ok: true, result: { id: who.id, is_bot: true, first_name: who.name, username: who.username, can_join_groups: false } })
      }
    }
    const forward = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (reply) => {
      res.writeHead(reply.statusCode ?? 502, reply.headers)
      reply.pipe(res)
    })
    forward.on("error", () => res.writeHead(502).end())
    req.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return {
    apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** From now on every call with this token is refused with 401. */
    revoke: (token: string) => void revoked.add(token),
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
