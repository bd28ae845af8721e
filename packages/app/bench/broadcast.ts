/**
 * Broadcast to 10,000 buyers against a Bot API stand-in that allows 30 messages a second (429 past
 * it), with the sending process killed (SIGKILL) in the middle and started again: the achieved
 * rate against the limit, and how many buyers got nothing or got the message twice.
 */
import { spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { startRateLimitedBotApi } from "@tokenshop/adapters-telegram/emulator"

export const RECIPIENTS = 10_000
export const LIMIT = 30
const KILL_AT = 4_000

const child = (args: ReadonlyArray<string>) => {
  const p = spawn(process.execPath, [resolve(import.meta.dirname, "broadcast-child.js"), ...args], { stdio: ["ignore", "pipe", "pipe"] })
  let output = ""
  p.stdout.on("data", (d: Buffer) => (output += d.toString()))
  p.stderr.on("data", (d: Buffer) => (output += d.toString()))
  const exited = new Promise<number | null>((r) => p.on("exit", (code) => r(code)))
  return { p, exited, output: () => output }
}

export const benchBroadcast = async () => {
  const dir = mkdtempSync(join(tmpdir(), "tokenshop-broadcast-"))
  const api = await startRateLimitedBotApi({ perSecond: LIMIT })
  try {
    const db = join(dir, "shop.db")
    const first = child([db, api.apiRoot, "announce", String(RECIPIENTS)])
    while (api.delivered() < KILL_AT) {
      if (first.p.exitCode !== null) throw new Error(`the sender stopped early: ${first.output()}`)
      await new Promise((r) => setTimeout(r, 20))
    }
    first.p.kill("SIGKILL")
    await first.exited
    const killedAt = Date.now()
    const second = child([db, api.apiRoot])
    const code = await second.exited
    if (code !== 0) throw new Error(`the restarted sender failed: ${second.output()}`)
    const times = api.times()
    const resumedAt = times.find((t) => t > killedAt) ?? killedAt
    const downtime = resumedAt - (times.filter((t) => t <= killedAt).at(-1) ?? killedAt)
    const counts = [...api.accepted().values()]
    const result = JSON.parse(/done (\{.*\})/.exec(second.output())?.[1] ?? "{}") as { sent: number; failed: number }
    return {
      delivered: api.delivered(),
      lost: RECIPIENTS - api.accepted().size,
      twice: counts.filter((n) => n > 1).length,
      seconds: api.span() / 1000,
      downtimeSeconds: downtime / 1000,
      rate: api.delivered() / ((api.span() - downtime) / 1000),
      tooMany: api.tooMany(),
      uncertain: result.failed
    }
  } finally {
    await api.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
