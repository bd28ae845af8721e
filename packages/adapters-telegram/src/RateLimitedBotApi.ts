/**
 * A stand-in for the Bot API that enforces Telegram's limits, for benchmarks and tests of
 * announcements and of several processes: per bot (token), at most `perSecond` messages in any second
 * and one a second per chat; past that it answers 429 with a Retry-After, as Telegram does. It
 * records every accepted message per chat (to count lost and doubled deliveries) with its text and
 * buttons, answers 403 for chats that blocked the bot, getMe for the bots it is told of (401 for
 * other tokens, when it is told of any), and keeps each bot's webhook.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

export interface StandInOptions {
  readonly perSecond?: number
  /** Chats that blocked the bot. */
  readonly blocked?: ReadonlySet<number>
  /** The bots, by token: getMe answers with them, and any other token gets 401. */
  readonly bots?: ReadonlyMap<string, { readonly id: number; readonly username: string; readonly name: string }>
}

export interface SentMessage {
  readonly bot: number
  readonly method: string
  readonly text: string
  readonly buttons: ReadonlyArray<{ readonly text: string; readonly callback_data: string }>
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

const buttonsOf = (params: Record<string, unknown>) =>
  ((params["reply_markup"] as { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>> } | undefined)?.inline_keyboard ?? []).flat()

export const startRateLimitedBotApi = async (options: StandInOptions = {}) => {
  const perSecond = options.perSecond ?? 30
  const accepted = new Map<number, number>()
  const sent = new Map<number, Array<SentMessage>>()
  const lastInChat = new Map<string, number>()
  const recent = new Map<string, Array<number>>()
  const webhooks = new Map<string, { readonly url: string; readonly secret: string }>()
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
    const [, token = "", method = ""] = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? "") ?? []
    const params = await body(req)
    const bot = options.bots?.get(token)
    if (options.bots !== undefined && bot === undefined) return reply(res, 401, { ok: false, error_code: 401, description: "Unauthorized" })
    if (method === "getMe") {
      return reply(res, 200, { ok: true, result: { id: bot?.id ?? Number(token.split(":")[0]), is_bot: true, first_name: bot?.name ?? "Stand-in", username: bot?.username ?? "stand_in_bot" } })
    }
    if (method === "setWebhook") webhooks.set(token, { url: String(params["url"]), secret: String(params["secret_token"] ?? "") })
    const chat = Number(params["chat_id"])
    if (!["sendMessage", "sendPhoto", "editMessageText"].includes(method)) return reply(res, 200, { ok: true, result: true })
    if (options.blocked?.has(chat) === true) return reply(res, 403, { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" })
    const now = Date.now()
    const window = recent.get(token) ?? []
    recent.set(token, window)
    while (window.length > 0 && window[0]! <= now - 1000) window.shift()
    const chatWait = 1000 - (now - (lastInChat.get(`${token}/${chat}`) ?? 0))
    if (window.length >= perSecond || (chatWait > 0 && method !== "editMessageText")) {
      tooMany++
      const after = Math.max(1, Math.ceil((window.length >= perSecond ? window[0]! + 1000 - now : chatWait) / 1000))
      return reply(res, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${after}`, parameters: { retry_after: after } })
    }
    window.push(now)
    if (method !== "editMessageText") lastInChat.set(`${token}/${chat}`, now)
    const message: SentMessage = { bot: Number(token.split(":")[0]), method, text: String(params["text"] ?? params["caption"] ?? ""), buttons: buttonsOf(params) }
    sent.set(chat, [...(sent.get(chat) ?? []), message])
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
    /** Every message accepted in `chat` (sent, or edited), oldest first. */
    messages: (chat: number): ReadonlyArray<SentMessage> => sent.get(chat) ?? [],
    delivered: () => [...accepted.values()].reduce((a, b) => a + b, 0),
    /** When each message was accepted, in order. */
    times: (): ReadonlyArray<number> => times,
    /** 429 answers given. */
    tooMany: () => tooMany,
    /** Milliseconds from the first accepted message to the last. */
    span: () => last - first,
    /** The webhook each bot registered, by token. */
    webhooks: (): ReadonlyMap<string, { readonly url: string; readonly secret: string }> => webhooks,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
export type RateLimitedBotApi = Awaited<ReturnType<typeof startRateLimitedBotApi>>
