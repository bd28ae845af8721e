/**
 * Periodic work as ClusterCron on the shop's engine over SQLite: a job due every second runs once a
 * second, goes on after a restart of the shop, and a failing run does not stop the next. Forgetting
 * old runs deletes the delivered ones only: the next run is still due, and comes.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import { SqliteDatabase } from "@tokenshop/adapters-sql"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { afterAll, describe, expect, it } from "vitest"
import { EngineLive } from "../src/Announcing.js"
import { forgetCronRuns, periodic } from "../src/runtime/Periodic.js"

const dir = mkdtempSync(join(tmpdir(), "tokenshop-periodic-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe("periodic work (ClusterCron)", () => {
  it("runs at its times, after a restart too, past a failing run; old runs are forgotten, the next one stays", async () => {
    const ticks: Array<number> = []
    const job = Effect.suspend(() => {
      ticks.push(Date.now())
      return ticks.length === 2 ? Effect.fail("the second run fails") : Effect.void
    })
    const shop = () =>
      ManagedRuntime.make(periodic("test/tick", "* * * * * *", job).pipe(
        Layer.provideMerge(EngineLive),
        Layer.provideMerge(SqliteDatabase({ filename: join(dir, "shop.db") }))
      ))
    const until = async (n: number) => {
      for (let i = 0; i < 200 && ticks.length < n; i++) await sleep(100)
      return ticks.length
    }

    const first = shop()
    await first.runtime()
    expect(await until(4)).toBeGreaterThanOrEqual(4) // the second run failed; the third and fourth came
    await first.dispose()
    const before = ticks.length

    const second = shop()
    await second.runtime()
    expect(await until(before + 2)).toBeGreaterThanOrEqual(before + 2)
    const runs = await second.runPromise(Effect.flatMap(SqlClient.SqlClient, (sql) =>
      sql<{ n: unknown }>`SELECT COUNT(*) AS n FROM cluster_messages WHERE entity_type = 'ClusterCron/test/tick'`))
    const forgotten = await second.runPromise(forgetCronRuns(Date.now()))
    expect(forgotten).toBeGreaterThanOrEqual(ticks.length - 1) // every delivered run (a run of the first start may be undelivered)
    expect(forgotten).toBeLessThan(Number(runs[0]!.n)) // the next run is kept
    const afterForgetting = ticks.length
    expect(await until(afterForgetting + 2)).toBeGreaterThanOrEqual(afterForgetting + 2)
    await second.dispose()

    // Once a second: never two runs in the same second.
    const seconds = ticks.map((t) => Math.floor(t / 1000))
    expect(new Set(seconds).size).toBe(seconds.length)
  }, 60_000)
})
