/**
 * The file `npm start` and the `tokenshop` command run: dist/tokenshop.mjs, one bundled module built
 * by `npm run build` (the app's tests depend on the build). Run as its own process, it must do what
 * the modules it was made from do: answer `--help`, refuse to start without a token, and serve a
 * buyer with texts from the locale files that sit next to it, then stop cleanly on SIGTERM.
 */
import { spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { createServer, type Server } from "node:http"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { afterAll, describe, expect, it } from "vitest"

const bundle = resolve(import.meta.dirname, "../dist/tokenshop.mjs")
const dir = mkdtempSync(join(tmpdir(), "tokenshop-bundle-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const run = (args: ReadonlyArray<string>, env: Record<string, string>) => {
  const child = spawn(process.execPath, [bundle, ...args], {
    env: { PATH: process.env["PATH"] ?? "", HOME: dir, GOODS_KEY_FILE: join(dir, "goods.key"), ...env },
    stdio: ["ignore", "pipe", "pipe"]
  })
  let output = ""
  child.stdout.on("data", (d: Buffer) => (output += d.toString()))
  child.stderr.on("data", (d: Buffer) => (output += d.toString()))
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)))
  return { child, exited, output: () => output }
}

/** A Bot API that delivers one "/start" from a buyer and records what the bot sends. */
const fakeBotApi = async () => {
  const sent: Array<{ method: string; body: Record<string, unknown> }> = []
  let delivered = false
  const server: Server = createServer((req, res) => {
    let raw = ""
    req.on("data", (d: Buffer) => (raw += d.toString()))
    req.on("end", () => {
      const method = req.url?.split("/").pop() ?? ""
      const body = raw === "" ? {} : (JSON.parse(raw) as Record<string, unknown>)
      const reply = (result: unknown) => res.end(JSON.stringify({ ok: true, result }))
      if (method === "getMe") return reply({ id: 42, is_bot: true, first_name: "Bundle", username: "bundle_bot" })
      if (method === "getUpdates") {
        if (!delivered) {
          delivered = true
          return reply([{
            update_id: 1,
            message: { message_id: 1, date: 0, text: "/start", from: { id: 7, is_bot: false, first_name: "B", language_code: "de" }, chat: { id: 7, type: "private" } }
          }])
        }
        return void setTimeout(() => reply([]), 100)
      }
      sent.push({ method, body })
      return reply(method === "sendMessage" ? { message_id: sent.length, date: 0, chat: { id: 7, type: "private" }, text: body["text"] } : true)
    })
  })
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()))
  return { server, sent, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` }
}

describe("the bundled CLI (dist/tokenshop.mjs)", () => {
  it("answers --help", async () => {
    const p = run(["--help"], {})
    expect(await p.exited).toBe(0)
    expect(p.output()).toContain("tokenshop")
    expect(p.output()).toContain("start")
  }, 30_000)

  it("refuses to start without BOT_TOKEN, naming the variable", async () => {
    const p = run(["start"], { DATABASE_FILE: join(dir, "refused.db") })
    expect(await p.exited).not.toBe(0)
    expect(p.output()).toContain("BOT_TOKEN")
  }, 30_000)

  it("serves a buyer in their language and stops cleanly on SIGTERM", async () => {
    const api = await fakeBotApi()
    try {
      const p = run(["start"], { BOT_TOKEN: "42:bundle", TELEGRAM_API_ROOT: api.url, DATABASE_FILE: join(dir, "shop.db"), SHOP_NAME: "Bündel" })
      for (let i = 0; i < 200 && !api.sent.some((s) => s.method === "sendMessage"); i++) await new Promise((r) => setTimeout(r, 50))
      const welcome = api.sent.find((s) => s.method === "sendMessage")
      expect(welcome?.body["chat_id"]).toBe(7)
      // German, from de.ftl next to the bundle; the menu's buttons came with it.
      expect(String(welcome?.body["text"])).toContain("Bündel")
      expect(JSON.stringify(welcome?.body["reply_markup"])).toContain("Alle Kategorien")
      p.child.kill("SIGTERM")
      expect(await p.exited).toBe(0)
    } finally {
      api.server.close()
    }
  }, 60_000)
})
