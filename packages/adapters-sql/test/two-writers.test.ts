/**
 * Two writers, one file: two real OS processes (as the bot and the `tokenshop` CLI would be) write
 * to the same SQLite file at the same time: credits and debits, imports, checkouts and refunds.
 * Neither fails with SQLITE_BUSY (every transaction takes the write lock first, so the other waits
 * for the busy timeout instead of failing half-way), and the file ends up holding exactly what the
 * two reported: every balance, every ledger entry, every item sold once.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { BuyId, BuyRepo, Catalog, CatalogRepo, idempotencyKey, Ledger, money, operator, page, TelegramId, Users } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { SqliteStorage } from "../src/index.js"

const dir = mkdtempSync(join(tmpdir(), "tokenshop-two-writers-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const file = join(dir, "shop.db")
const root = resolve(import.meta.dirname, "..")
const shop = () => ShopMemory({}, { storage: SqliteStorage({ filename: file }) })
const USERS = 10
const STEPS = 600
const SEEDED = 600
const FUNDS = 50_00n

/** One line a worker printed: an operation it committed, or its failure. */
interface Report {
  readonly w: number
  readonly t: number
  readonly op: "ready" | "start" | "done" | "error" | "credit" | "debit" | "import" | "buy" | "refund"
  readonly user?: number
  readonly cents?: string
  readonly count?: number
  readonly buy?: number
  readonly items?: ReadonlyArray<number>
  readonly message?: string
}

/** Users 1..10, each credited $50, and 600 items in two subcategories of one category. */
const seed = Effect.gen(function*() {
  const lines: Array<string> = []
  for (const sub of ["A", "B"]) for (let i = 0; i < SEEDED / 2; i++) lines.push(`Shop;${sub};seeded;${(1 + (i % 8)) / 4};seed-${sub}-${i}`)
  yield* (yield* Catalog).importFile(operator("seed"), "txt", lines.join("\n"))
  for (let u = 1; u <= USERS; u++) {
    const user = TelegramId.make(u)
    yield* (yield* Users).register({ id: user, username: null, language: null })
    yield* (yield* Ledger).adjust(operator("seed"), {
      user, direction: "credit", amount: money(FUNDS, "USD"), reason: "seed", key: idempotencyKey("seed", u)
    })
  }
})

interface Worker {
  readonly child: ChildProcess
  readonly reports: Array<Report>
  readonly ready: Promise<void>
  readonly exited: Promise<{ readonly code: number | null; readonly stderr: string }>
}

/** Starts worker `n` on the file; it reports each committed operation as one JSON line. */
const start = (n: number): Worker => {
  const child = spawn(
    join(root, "../../node_modules/.bin/vite-node"),
    ["--config", "vitest.config.ts", "test/two-writers/worker.ts", "--", file, String(n), String(STEPS)],
    { cwd: root, stdio: ["pipe", "pipe", "pipe"] }
  )
  const reports: Array<Report> = []
  let buffer = ""
  let stderr = ""
  let isReady: () => void = () => {}
  const ready = new Promise<void>((done) => (isReady = done))
  child.stdout!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString()
    const parts = buffer.split("\n")
    buffer = parts.pop() ?? ""
    for (const line of parts) {
      if (!line.startsWith("{")) continue // vite-node's own output, if any
      const report = JSON.parse(line) as Report
      reports.push(report)
      if (report.op === "ready") isReady()
    }
  })
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdin!.on("error", () => {}) // "GO" to a worker that has already died: its exit code tells
  const exited = new Promise<{ code: number | null; stderr: string }>((done) => {
    child.on("exit", (code) => {
      isReady() // a worker that died before it was ready must not hold the other one back
      done({ code, stderr })
    })
  })
  return { child, reports, ready, exited }
}

const cents = (r: Report) => BigInt(r.cents!)

/** The file against the reports: balances, ledger entries, purchases, refunds and stock. */
const verify = (reports: ReadonlyArray<Report>) =>
  Effect.gen(function*() {
    const ledger = yield* Ledger
    const buys = yield* BuyRepo
    for (let u = 1; u <= USERS; u++) {
      const mine = reports.filter((r) => r.user === u)
      let expected = FUNDS
      for (const r of mine) expected += r.op === "credit" || r.op === "refund" ? cents(r) : -cents(r)
      const balance = yield* ledger.balance(TelegramId.make(u))
      expect(balance.available.amount, `user ${u}'s balance`).toBe(expected)
      expect(balance.topUp.amount - balance.consumed.amount).toBe(expected)
      // One entry for the seed's credit and one per reported operation: nothing lost, nothing extra.
      expect((yield* ledger.history(TelegramId.make(u), page(0, 1))).total, `user ${u}'s entries`).toBe(1 + mine.length)
    }
    const bought = reports.filter((r) => r.op === "buy")
    const refunded = new Set(reports.filter((r) => r.op === "refund").map((r) => r.buy!))
    const sold = bought.flatMap((r) => r.items!)
    expect(new Set(sold).size, "an item sold twice").toBe(sold.length)
    for (const r of bought) {
      expect(new Set(r.items).size).toBe(r.items!.length)
      const buy = Option.getOrThrow(yield* buys.get(BuyId.make(r.buy!)))
      expect(buy.user).toBe(r.user)
      expect(buy.total.amount).toBe(cents(r))
      expect(buy.items.map((i) => i.itemId)).toEqual(r.items)
      expect(buy.refundedAt !== null, `buy ${r.buy} refunded`).toBe(refunded.has(r.buy!))
    }
    const imported = reports.filter((r) => r.op === "import").reduce((n, r) => n + r.count!, 0)
    // Every item, sold or not, read back page by page: the seeded and imported ones, sold exactly as reported.
    const catalog = yield* CatalogRepo
    const [category] = (yield* catalog.categories(page(0, 10), false)).items
    const items: Array<{ readonly id: number; readonly sold: boolean }> = []
    for (const sub of (yield* catalog.subcategories(category!.id, page(0, 10), false)).items) {
      for (let offset = 0, total = 1; offset < total; offset += 100) {
        const found = yield* catalog.items(sub.id, page(offset, 100))
        total = found.total
        items.push(...found.items)
      }
    }
    expect(items.length).toBe(SEEDED + imported)
    expect(items.filter((i) => i.sold).map((i) => i.id).sort((x, y) => x - y)).toEqual([...sold].sort((x, y) => x - y))
    // The stock the shop shows, kept per subcategory, agrees with the items.
    expect(category!.stock).toBe(SEEDED + imported - sold.length)
    let buysInFile = 0
    for (let u = 1; u <= USERS; u++) buysInFile += (yield* buys.listByUser(TelegramId.make(u), page(0, 1))).total
    expect(buysInFile).toBe(bought.length)
    return { bought: bought.length, sold: sold.length, imported, refunds: refunded.size }
  })

/** How long both workers were running operations at the same time, in milliseconds. */
const overlap = (a: ReadonlyArray<Report>, b: ReadonlyArray<Report>) => {
  const span = (rs: ReadonlyArray<Report>) => [rs.find((r) => r.op === "start")!.t, rs.find((r) => r.op === "done")!.t] as const
  const [a0, a1] = span(a)
  const [b0, b1] = span(b)
  return Math.min(a1, b1) - Math.max(a0, b0)
}

describe("two processes writing to one SQLite file", () => {
  it("both finish without SQLITE_BUSY, and the file holds exactly what they reported", async () => {
    const began = Date.now()
    await Effect.runPromise(seed.pipe(Effect.provide(shop())))
    const workers = [start(1), start(2)]
    await Promise.all(workers.map((w) => w.ready))
    for (const w of workers) w.child.stdin!.end("GO\n")
    const exits = await Promise.all(workers.map((w) => w.exited))
    const errors = workers.flatMap((w) => w.reports.filter((r) => r.op === "error").map((r) => `worker ${r.w}, ${r.message}`))
    expect(errors, "a worker failed").toEqual([])
    for (const [i, { code, stderr }] of exits.entries()) {
      expect(code, `worker ${i + 1} exited with ${code}; stderr:\n${stderr.slice(0, 2000)}`).toBe(0)
    }
    const [one, two] = workers.map((w) => w.reports)
    const operations = (rs: ReadonlyArray<Report>) => rs.filter((r) => !["ready", "start", "done"].includes(r.op)).length
    const both = overlap(one!, two!)
    const totals = await Effect.runPromise(verify([...one!, ...two!]).pipe(Effect.provide(shop())))
    console.log(
      `two writers: ${operations(one!)} and ${operations(two!)} operations, both running for ${both} ms; ` +
        `${totals.bought} purchases, ${totals.refunds} refunds, ${totals.imported} items imported; ${Date.now() - began} ms in all`
    )
    expect(operations(one!)).toBeGreaterThan(STEPS / 2)
    expect(operations(two!)).toBeGreaterThan(STEPS / 2)
    expect(both).toBeGreaterThan(1000)
    expect(totals.bought).toBeGreaterThan(0)
    expect(totals.refunds).toBeGreaterThan(0)
  }, 120_000)
})
