/**
 * Updates per second through one, two and three `tokenshop start` processes on one PostgreSQL
 * database (webhook mode, behind a round-robin proxy, Redis for the shared limits when
 * TEST_REDIS_URL is set), all in this run: "open a category list" presses from 1,000 buyers, 64 in
 * flight, answered by a Bot API stand-in. On two cores the processes share the same CPUs, so the
 * figure is expected to stay about flat: more processes buy availability, not speed, here.
 */
import { resolve } from "node:path"
import { encodeCallback } from "@tokenshop/adapters-telegram"
import { freePort, startRateLimitedBotApi } from "@tokenshop/adapters-telegram/emulator"
import { startRoundRobin } from "../test/processes/roundRobin.js"
import { eventually, freshDatabase, type ShopProcess, startShop } from "../test/processes/support.js"
import { post, pressUpdate } from "../test/processes/updates.js"

const bundle = resolve(import.meta.dirname, "../../dist/tokenshop.mjs")
const USERS = 1_000
const UPDATES = 4_000
const IN_FLIGHT = 64
const TOKEN = `710001:${"P".repeat(35)}`

/** Presses `count` category lists through the proxy; seconds until every answer reached the stand-in. */
const press = async (proxyPort: number, edits: () => number, count: number) => {
  const target = edits() + count
  const data = encodeCallback({ _tag: "Categories", page: 0 })
  const start = performance.now()
  let next = 0
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < count) {
      const i = next++
      await post({ port: proxyPort, path: "/hook", secret: "bench-secret" }, pressUpdate(50_001 + (i % USERS), data))
    }
  }))
  await eventually(async () => edits() >= target || undefined, "the answers", 120_000)
  return (performance.now() - start) / 1000
}

export const benchProcesses = async (url: string, redis: string | undefined) => {
  const api = await startRateLimitedBotApi({ perSecond: 1_000_000, bots: new Map([[TOKEN, { id: 710001, username: "bench_shop_bot", name: "Bench" }]]) })
  /** Screens the shop sent (the answer to every press is the list, edited in place). */
  const edits = () => Array.from({ length: USERS }, (_, i) => api.messages(50_001 + i).length).reduce((a, b) => a + b, 0)
  const rates: Array<number> = []
  try {
    for (const count of [1, 2, 3]) {
      const db = await freshDatabase(url, `tokenshop_bench_${process.pid}_${count}`)
      const ports = await Promise.all(Array.from({ length: count }, () => freePort()))
      const proxy = await startRoundRobin(ports)
      const shops: Array<ShopProcess> = []
      try {
        for (const port of ports) {
          shops.push(startShop({
            BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, DATABASE_URL: db.url, DATABASE_POOL_SIZE: "8", ...(redis === undefined ? {} : { REDIS_URL: redis }),
            WEBHOOK_URL: `http://127.0.0.1:${proxy.port}/hook`, WEBHOOK_SECRET: "bench-secret", THROTTLE_MS: "0", HTTP_HOST: "127.0.0.1",
            HTTP_PORT: String(port), CLUSTER_PORT: String(await freePort()), ADMIN_IDS: "1"
          }, bundle))
          await eventually(async () => shops.at(-1)!.health(), "a process to start", 60_000)
        }
        await press(proxy.port, edits, USERS) // every buyer's first contact registers them
        rates.push(UPDATES / await press(proxy.port, edits, UPDATES))
      } finally {
        for (const shop of shops) shop.child.kill("SIGTERM")
        await Promise.all(shops.map((shop) => shop.exited))
        await proxy.close()
        await db.drop()
      }
    }
  } finally {
    await api.close()
  }
  return rates
}
