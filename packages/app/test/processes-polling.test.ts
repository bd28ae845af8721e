/**
 * Long polling with two `tokenshop start` processes on one PostgreSQL database and one bot: exactly
 * one of them polls (the Bot API stand-in never answers 409), and when it is killed (SIGKILL) the
 * other takes the polling over, after about the cluster's shard lock expiry (printed).
 */
import { freePort } from "@tokenshop/adapters-telegram/emulator"
import { afterAll, describe, expect, it } from "vitest"
import { startPollingStandIn } from "./processes/pollingStandIn.js"
import { eventually, freshDatabase, type ShopProcess, startShop } from "./processes/support.js"

const url = process.env["TEST_DATABASE_URL"]
const BOT = { id: 555001, username: "poll_shop_bot" }
const polling = (health: string | undefined) => health !== undefined && health.includes(`polling here: @${BOT.username}`)

describe.skipIf(url === undefined)("long polling by one of two processes", () => {
  const shops: Array<ShopProcess> = []
  let cleanup: Array<() => Promise<unknown>> = []
  afterAll(async () => {
    for (const shop of shops) shop.child.kill("SIGKILL")
    for (const step of cleanup) await step().catch(() => undefined)
  })

  it("exactly one process polls, without a 409; after a SIGKILL the other takes over", async () => {
    const db = await freshDatabase(url!, `tokenshop_polling_${process.pid}`)
    const standIn = await startPollingStandIn(BOT)
    cleanup = [() => standIn.close(), () => db.drop()]
    const envFor = async () => ({
      BOT_TOKEN: `${BOT.id}:polling-test`, TELEGRAM_API_ROOT: standIn.apiRoot, DATABASE_URL: db.url, DATABASE_POOL_SIZE: "4",
      ADMIN_IDS: "1", HTTP_HOST: "127.0.0.1", HTTP_PORT: String(await freePort()), CLUSTER_PORT: String(await freePort())
    })
    // One after the other: the first creates the schema.
    shops.push(startShop(await envFor()))
    await eventually(async () => polling(await shops[0]!.health()) || undefined, "the first process to poll")
    shops.push(startShop(await envFor()))
    await eventually(async () => (await shops[1]!.health()) !== undefined || undefined, "the second process to answer /health")

    // A few seconds with both up: one poller at any time (the polling may move once as the second joins).
    for (let i = 0; i < 30; i++) {
      const states = await Promise.all(shops.map((s) => s.health()))
      expect(states.filter(polling).length).toBeLessThanOrEqual(1)
      await new Promise((r) => setTimeout(r, 100))
    }
    const pollers = await eventually(async () => {
      const states = await Promise.all(shops.map((s) => s.health()))
      return states.filter(polling).length === 1 ? states.map(polling) : undefined
    }, "one poller")
    expect(standIn.conflicts()).toBe(0)

    const victim = shops[pollers.indexOf(true)]!
    const survivor = shops[pollers.indexOf(false)]!
    const polls = standIn.polls()
    const killedAt = Date.now()
    victim.child.kill("SIGKILL")
    await victim.exited
    await eventually(async () => polling(await survivor.health()) || undefined, "the survivor to take the polling over", 60_000)
    const seconds = (Date.now() - killedAt) / 1000
    console.log(`long polling moved to the other process ${seconds.toFixed(1)} s after a SIGKILL (shard locks expire after 8 s)`)
    expect(seconds).toBeLessThan(30)
    await eventually(async () => standIn.polls() > polls || undefined, "a poll from the survivor")
    expect(standIn.conflicts()).toBe(0)
    survivor.child.kill("SIGTERM")
    expect(await survivor.exited).toBe(0)
  }, 120_000)
})
