/**
 * A Bot API stand-in for long polling by several processes: it holds each getUpdates open for a
 * while (as Telegram's long poll does) and answers 409, as Telegram does, when a second getUpdates
 * of the bot comes while one is open. It counts those conflicts and the polls.
 */
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"

export const startPollingStandIn = async (bot: { readonly id: number; readonly username: string }, holdMs = 500) => {
  let open = 0
  let conflicts = 0
  let polls = 0
  const server = createServer((req, res) => {
    const method = (req.url ?? "").split("/").at(-1) ?? ""
    const reply = (status: number, body: unknown) => {
      if (res.writableEnded || res.destroyed) return
      res.writeHead(status, { "content-type": "application/json" })
      res.end(JSON.stringify(body))
    }
    if (method === "getMe") return reply(200, { ok: true, result: { id: bot.id, is_bot: true, first_name: "Poll", username: bot.username } })
    if (method !== "getUpdates") return reply(200, { ok: true, result: true })
    if (open > 0) {
      conflicts++
      return reply(409, { ok: false, error_code: 409, description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running" })
    }
    open++
    polls++
    let done = false
    const finish = () => {
      if (done) return
      done = true
      open--
    }
    // A poller that dies (SIGKILL) closes its connection: its poll is over.
    res.on("close", finish)
    setTimeout(() => {
      finish()
      reply(200, { ok: true, result: [] })
    }, holdMs)
  })
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r))
  return {
    apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    conflicts: () => conflicts,
    polls: () => polls,
    close: () => new Promise<void>((r) => server.close(() => r()))
  }
}
