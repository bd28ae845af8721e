/**
 * A 1,000,000-line import in one process (as `tokenshop import` would run) while another process
 * (the bot) sells and credits on the same SQLite file. The import stages its items a batch per short
 * transaction and publishes them in one step, so the bot's writes go on between its batches (none
 * fails or waits for the whole import), and buyers see none of the new stock, then all of it.
 */
import { spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import { Cart, Catalog, Checkout, idempotencyKey, Ledger, money, operator, TelegramId, Users } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { afterAll, describe, expect, it } from "vitest"
import { SqliteDatabase, SqliteStorage } from "../src/index.js"

const LINES = 1_000_000
const BUYERS = 20
const dir = mkdtempSync(join(tmpdir(), "tokenshop-import-selling-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const file = join(dir, "shop.db")
const root = resolve(import.meta.dirname, "..")

interface Observation { readonly staged: number; readonly visible: number }

describe("an import while the shop sells", () => {
  it("does not stop the shop: checkouts and credits go on between its batches; its stock appears all at once", async () => {
    const shop = ManagedRuntime.make(Layer.merge(ShopMemory({}, { storage: SqliteStorage({ filename: file }) }), SqliteDatabase({ filename: file })))
    const admin = operator("test")
    await shop.runPromise(Effect.gen(function*() {
      const lines = Array.from({ length: 4000 }, (_, i) => `Shop;Games;seeded;0.25;seed-${i}`) // more than the checkouts an import lasts
      yield* (yield* Catalog).importFile(admin, "txt", lines.join("\n"))
      for (let u = 1; u <= BUYERS; u++) {
        yield* (yield* Users).register({ id: TelegramId.make(u), username: null, language: null })
        yield* (yield* Ledger).adjust(admin, { user: TelegramId.make(u), direction: "credit", amount: money(10_00n, "USD"), reason: "seed", key: idempotencyKey("seed", u) })
      }
    }))
    const games = await shop.runPromise(Effect.map(Effect.flatMap(Catalog, (c) => c.categories({ offset: 0, limit: 10 })), (p) => p.items[0]!.id))
    const sub = await shop.runPromise(Effect.map(Effect.flatMap(Catalog, (c) => c.subcategories(games, { offset: 0, limit: 10 })), (p) => p.items[0]!.id))

    const child = spawn(join(root, "../../node_modules/.bin/vite-node"), ["--config", "vitest.config.ts", "test/import-while-selling/importer.ts", "--", file, String(LINES)], {
      cwd: root, stdio: ["pipe", "pipe", "pipe"]
    })
    const reports: Array<{ op: string; imported?: number; message?: string }> = []
    let stderr = ""
    let isReady: () => void = () => {}
    const ready = new Promise<void>((done) => (isReady = done))
    child.stdout.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) {
        if (!line.startsWith("{")) continue
        const report = JSON.parse(line) as { op: string }
        reports.push(report)
        if (report.op === "ready") isReady()
      }
    })
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise<number | null>((done) => child.on("exit", (code) => { isReady(); done(code) }))
    await ready
    child.stdin.write("GO\n")

    let running = true
    void exited.then(() => (running = false))
    const observe = Effect.flatMap(SqlClient.SqlClient, (sql) =>
      sql<{ staged: unknown; visible: unknown }>`SELECT (SELECT COUNT(*) FROM items WHERE sold = 2) AS staged,
        (SELECT COALESCE(SUM(stock), 0) FROM subcategories WHERE name = 'Keys') AS visible`).pipe(
      Effect.map(([r]): Observation => ({ staged: Number(r!.staged), visible: Number(r!.visible) })))
    const seen: Array<Observation> = []
    const whileStaging: Array<string> = []
    const failures: Array<string> = []
    let slowest = 0
    for (let n = 0; running; n++) {
      const user = TelegramId.make(1 + (n % BUYERS))
      const started = Date.now()
      const outcome = await shop.runPromise(Effect.gen(function*() {
        yield* (yield* Ledger).adjust(admin, { user, direction: "credit", amount: money(25n, "USD"), reason: "callback", key: idempotencyKey("during", n) })
        yield* (yield* Cart).add(user, sub, 1)
        yield* (yield* Checkout).checkout(user, idempotencyKey("during-buy", n))
      }).pipe(Effect.either))
      slowest = Math.max(slowest, Date.now() - started)
      if (outcome._tag === "Left") failures.push(`${n}: ${String(outcome.left)}`)
      const now = await shop.runPromise(observe)
      seen.push(now)
      if (outcome._tag === "Right" && now.staged > 0 && now.staged < LINES) whileStaging.push(`${n}`)
      await new Promise((r) => setTimeout(r, 20))
    }
    const code = await exited
    const final = await shop.runPromise(observe)
    await shop.dispose()
    console.log(`import of ${LINES} lines beside ${seen.length} checkouts and credits: ${whileStaging.length} committed while it was staging; slowest ${slowest} ms`)

    expect(code, stderr).toBe(0)
    expect(reports.find((r) => r.op === "done")?.imported).toBe(LINES)
    expect(failures).toEqual([])
    expect(whileStaging.length).toBeGreaterThanOrEqual(3) // the shop kept writing while the import went on
    for (const o of seen) expect([0, LINES]).toContain(o.visible) // never a partial import in the shop
    expect(final).toEqual({ staged: 0, visible: LINES })
  }, 240_000)
})
