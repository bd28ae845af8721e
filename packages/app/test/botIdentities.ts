/**
 * A stand-in in front of the Bot API emulator for tests with several bots: the emulator answers
 * getMe with one fixed bot for any token, so this proxy answers getMe for the tokens it is given
 * (id, username, name), answers 401 for every call with an unknown or revoked token, refuses a
 * sendMessage (403) to a user who never wrote to that bot (all as Telegram does), and passes
 * everything else on to the emulator.
 */
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

export interface Identity {
  readonly id: number
  readonly username: string
  readonly name: string
}

const parse = (text: Buffer): Record<string, unknown> | undefined => {
  try {
    return JSON.parse(text.toString("utf8")) as Record<string, unknown>
  } catch {
    return undefined
  }
}

export const startBotIdentities = async (emulatorUrl: string, known: ReadonlyMap<string, Identity>) => {
  const revoked = new Set<string>()
  const target = new URL(emulatorUrl)
  /** Who has written to which bot: "token/user". */
  const started = new Set<string>()
  const server: Server = createServer((req, res) => {
    const chunks: Array<Buffer> = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => handle(req, res, Buffer.concat(chunks)))
  })
  const handle = (req: IncomingMessage, res: ServerResponse, payload: Buffer) => {
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
      const chat = method === "sendMessage" ? Number(parse(payload)?.["chat_id"]) : undefined
      if (chat !== undefined && !started.has(`${token}/${chat}`)) {
        return answer(403, { ok: false, error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" })
      }
    }
    const forward = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (reply) => {
      const body: Array<Buffer> = []
      reply.on("data", (c: Buffer) => body.push(c))
      reply.on("end", () => {
        const text = Buffer.concat(body)
        if (match?.[2] === "getUpdates") {
          const updates = (parse(text)?.["result"] ?? []) as Array<{ message?: { from?: { id: number } }; callback_query?: { from?: { id: number } } }>
          for (const u of updates) {
            const user = u.message?.from?.id ?? u.callback_query?.from?.id
            if (user !== undefined) started.add(`${match[1]}/${user}`)
          }
        }
        res.writeHead(reply.statusCode ?? 502, reply.headers)
        res.end(text)
      })
    })
    forward.on("error", () => res.writeHead(502).end())
    forward.end(payload)
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return {
    apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** From now on every call with this token is refused with 401. */
    revoke: (token: string) => void revoked.add(token),
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
