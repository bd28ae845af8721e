/**
 * A stand-in for the Bot API's sending side that enforces Telegram's limits, for benchmarks and
 * tests of announcements: at most `perSecond` messages in any second overall and one a second per
 * chat; past that it answers 429 with a Retry-After, as Telegram does. It records every accepted
 * message per chat (to count lost and doubled deliveries), and answers 403 for chats that blocked the bot.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

export interface StandInOptions {
  readonly perSecond?: number
  /** Chats that blocked the bot. */
  readonly blocked?: ReadonlySet<number>
}

const body = (req: IncomingMessage) =>
  new Promise<Record<string, unknown>>((resolve) => {
    let text = ""
    req.on("data", (c: Buffer) => (text += c.toString()))
    req.on("end", () => {
      try {
        resolve(text === "" ? {} : JSON.parse(text) as Record<string, unknown>)
      } catch {
        resolve({})
      }
    })
  })

export const startRateLimitedBotApi = async (options: StandInOptions = {}) => {
  const perSecond = options.perSecond ?? 30
  const accepted = new Map<number, number>()
  const lastInChat = new Map<number, number>()
  const recent: Array<number> = []
  const times: Array<number> = []
  let tooMany = 0
  let first = 0
  let last = 0
  let messageId = 0
  const reply = (res: ServerResponse, status: number, payload: unknown) => {
    res.writeHead(status, { "content-type": "application/json" })
    res.end(JSON.stringify(payload))
  }
  const server = createServer(async (req, res) => {
    const method = (req.url ?? "").split("/").at(-1) ?? ""
    const params = await body(req)
    const chat = Number(params["chat_id"])
    if (!["sendMessage", "sendPhoto", "editMessageText"].includes(method)) return reply(res, 200, { ok: true, result: true })
    if (options.blocked?.has(chat) === true) return reply(res, 403, { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" })
    const now = Date.now()
    while (recent.length > 0 && recent[0]! <= now - 1000) recent.shift()
    const chatWait = 1000 - (now - (lastInChat.get(chat) ?? 0))
    if (recent.length >= perSecond || chatWait > 0) {
      tooMany++
      const after = Math.max(1, Math.ceil((recent.length >= perSecond ? recent[0]! + 1000 - now : chatWait) / 1000))
      return reply(res, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${after}`, parameters: { retry_after: after } })
    }
    recent.push(now)
    lastInChat.set(chat, now)
    if (method !== "editMessageText") {
      accepted.set(chat, (accepted.get(chat) ?? 0) + 1)
      times.push(now)
      if (first === 0) first = now
      last = now
    }
    return reply(res, 200, { ok: true, result: { message_id: ++messageId, date: Math.floor(now / 1000), chat: { id: chat, type: "private" }, text: "" } })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    /** The apiRoot to give a bot. */
    apiRoot: `http://127.0.0.1:${port}`,
    /** Messages accepted per chat. */
    accepted: (): ReadonlyMap<number, number> => accepted,
    delivered: () => [...accepted.values()].reduce((a, b) => a + b, 0),
    /** When each message was accepted, in order. */
    times: (): ReadonlyArray<number> => times,
    /** 429 answers given. */
    tooMany: () => tooMany,
    /** Milliseconds from the first accepted message to the last. */
    span: () => last - first,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
export type RateLimitedBotApi = Awaited<ReturnType<typeof startRateLimitedBotApi>>
