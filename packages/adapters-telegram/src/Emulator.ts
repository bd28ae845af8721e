/** The Bot API emulator (telegram-test-api) on a free loopback port, and a buyer that talks to it. */
import { createServer } from "node:net"
import tts from "telegram-test-api/lib/telegramServer.js"
import type { Transformer } from "grammy"

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))))
    })
  })

export const startEmulator = async () => {
  const port = await freePort()
  const server = new tts.TelegramServer({ port, host: "127.0.0.1", storeTimeout: 600 })
  await server.start()
  return server
}
export type Emulator = Awaited<ReturnType<typeof startEmulator>>

/** The emulator answers getUpdates at once even when there is nothing: pause a little then, as Telegram's long poll would. */
export const idlePolling: Transformer = async (prev, method, payload, signal) => {
  const result = await prev(method, payload, signal)
  if (method === "getUpdates" && result.ok && Array.isArray(result.result) && result.result.length === 0) {
    await new Promise((r) => setTimeout(r, 40))
  }
  return result
}

interface BotMessage {
  readonly messageId: number
  readonly text: string
  readonly buttons: ReadonlyArray<{ readonly text: string; readonly callback_data: string }>
}

/** A Telegram user in the emulator. */
export const buyer = (server: Emulator, token: string, userId: number) => {
  const client = server.getClient(token, { userId, chatId: userId, firstName: `Buyer${userId}`, userName: `buyer${userId}` })
  const botMessages = async (): Promise<Array<BotMessage>> => {
    const history = (await client.getUpdatesHistory()) as unknown as Array<{ messageId: number; message?: { chat_id?: number; text?: string; reply_markup?: { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>> } } }>
    return history
      .filter((h) => h.message?.chat_id === userId)
      .map((h) => ({ messageId: h.messageId, text: h.message?.text ?? "", buttons: (h.message?.reply_markup?.inline_keyboard ?? []).flat() }))
  }
  /** Waits until a bot message satisfies `check`, and returns it. */
  const waitFor = async (check: (m: BotMessage) => boolean, what: string, timeoutMs = 8000): Promise<BotMessage> => {
    const until = Date.now() + timeoutMs
    while (Date.now() < until) {
      const found = (await botMessages()).reverse().find(check)
      if (found !== undefined) return found
      await new Promise((r) => setTimeout(r, 40))
    }
    throw new Error(`timed out waiting for: ${what}; bot said: ${JSON.stringify((await botMessages()).map((m) => m.text))}`)
  }
  return {
    botMessages,
    waitFor,
    say: (text: string) => text.startsWith("/") ? client.sendCommand(client.makeCommand(text)) : client.sendMessage(client.makeMessage(text)),
    press: (message: BotMessage, data: string) =>
      client.sendCallback(client.makeCallbackQuery(data, { message: { message_id: message.messageId } }) as never),
    pressButton: (message: BotMessage, label: (text: string) => boolean) => {
      const button = message.buttons.find((b) => label(b.text))
      if (button === undefined) throw new Error(`no button like that in ${JSON.stringify(message.buttons.map((b) => b.text))}`)
      return client.sendCallback(client.makeCallbackQuery(button.callback_data, { message: { message_id: message.messageId } }) as never)
    }
  }
}

/**
 * The emulator has no sendPhoto: this transformer records each photo and delivers its caption and
 * buttons as a text message instead, so the buyer in a test or the demo still sees the screen.
 */
export const photosAsMessages = (photos: Array<Record<string, unknown>> = []): Transformer => async (prev, method, payload, signal) => {
  if (method !== "sendPhoto") return prev(method, payload, signal)
  const p = payload as unknown as Record<string, unknown>
  photos.push(p)
  const message = { chat_id: p["chat_id"], text: p["caption"], parse_mode: p["parse_mode"], reply_markup: p["reply_markup"] }
  return prev("sendMessage" as never, message as never, signal) as never
}

/**
 * Answers, locally, the methods the emulator does not implement (setMyCommands, ...), recording each
 * call so that a test can check the bot made it.
 */
export const unsupportedMethods = (calls: Array<{ readonly method: string; readonly payload: unknown }> = [], methods: ReadonlyArray<string> = ["setMyCommands"]): Transformer =>
  async (prev, method, payload, signal) => {
    if (!methods.includes(method)) return prev(method, payload, signal)
    calls.push({ method, payload })
    return { ok: true, result: true } as never
  }
export * from "./RateLimitedBotApi.js"
