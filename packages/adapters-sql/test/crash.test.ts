/**
 * Crash safety: a child process runs checkouts, deposits and refunds against one SQLite file and is
 * killed with SIGKILL at random moments. After every kill the file reopens, every ledger invariant
 * holds, and every operation the child reported as committed is there.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { BuyId, BuyRepo, Catalog, CatalogRepo, DepositRepo, LedgerRepo, operator, page, TelegramId, Users } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { SqliteStorage } from "../src/index.js"

const dir = mkdtempSync(join(tmpdir(), "tokenshop-crash-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const file = join(dir, "shop.db")
const root = resolve(import.meta.dirname, "..")
const shop = () => ShopMemory({}, { storage: SqliteStorage({ filename: file }) })
const USERS = 20

const seed = Effect.gen(function*() {
  const lines: Array<string> = []
  for (const sub of ["A", "B", "C"]) for (let i = 0; i < 1500; i++) lines.push(`Crash;${sub};item;${(1 + (i % 40)) / 4};${sub}-${i}`)
  yield* (yield* Catalog).importFile(operator("crash"), "txt", lines.join("\n"))
  for (let u = 1; u <= USERS; u++) yield* (yield* Users).register({ id: TelegramId.make(u), username: null, language: null })
})

interface Reported {
  readonly buys: Map<number, bigint>
  readonly deposits: Set<string>
  readonly refunds: Set<number>
}

/** Runs the worker until it has done some work, then kills it with SIGKILL at a random moment. */
const runAndKill = (round: number, reported: Reported) =>
  new Promise<number>((done, fail) => {
    const child: ChildProcess = spawn(
      join(root, "../../node_modules/.bin/vite-node"),
      ["--config", "vitest.config.ts", "test/crash/worker.ts", "--", file, String(round + 1)],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] }
    )
    let buffer = ""
    let lines = 0
    let errors = ""
    const killAfter = 150 + Math.floor(Math.random() * 900)
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString()
      const parts = buffer.split("\n")
      buffer = parts.pop() ?? ""
      for (const line of parts) {
        const [kind, a, b] = line.split(" ")
        if (kind === "READY") setTimeout(() => child.kill("SIGKILL"), killAfter)
        else if (kind === "BUY") reported.buys.set(Number(a), BigInt(b!))
        else if (kind === "DEP") reported.deposits.add(a!)
        else if (kind === "REF") reported.refunds.add(Number(a))
        lines++
      }
    })
    child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()))
    child.on("exit", (code, signal) => signal === "SIGKILL" ? done(lines) : fail(new Error(`worker exited with ${code}: ${errors}`)))
  })

/** Every invariant, read back from the file after a crash. */
const verify = (reported: Reported) =>
  Effect.gen(function*() {
    const ledger = yield* LedgerRepo
    const buys = yield* BuyRepo
    const catalog = yield* CatalogRepo
    const deposits = yield* DepositRepo
    for (let u = 1; u <= USERS; u++) {
      const user = TelegramId.make(u)
      const balance = yield* ledger.balance(user, "USD")
      const entries = (yield* ledger.history(user, page(0, 100))).total
      let sum = 0n
      for (let offset = 0; offset < entries; offset += 100) {
        for (const e of (yield* ledger.history(user, page(offset, 100))).items) {
          sum += e.kind === "purchase" || e.kind === "admin_debit" ? -e.amount.amount : e.amount.amount
        }
      }
      expect(balance.available.amount >= 0n).toBe(true)
      expect(balance.available.amount).toBe(sum)
      expect(balance.topUp.amount - balance.consumed.amount).toBe(balance.available.amount)
    }
    for (const [id, total] of reported.buys) {
      const buy = Option.getOrThrow(yield* buys.get(BuyId.make(id)))
      expect(buy.total.amount).toBe(total)
      expect(buy.items.reduce((s, i) => s + i.price.amount, 0n)).toBe(total)
    }
    for (const id of reported.refunds) expect(Option.getOrThrow(yield* buys.get(BuyId.make(id))).refundedAt).not.toBeNull()
    for (const externalId of reported.deposits) {
      expect(Option.isSome(yield* deposits.findBySource({ kind: "processor", provider: "crash", externalId }))).toBe(true)
    }
    // Every sold item is in exactly one purchase.
    const [category] = (yield* catalog.categories(page(0, 1), false)).items
    const subs = (yield* catalog.subcategories(category!.id, page(0, 10), false)).items
    let sold = 0
    for (const sub of subs) {
      for (let offset = 0; ; offset += 100) {
        const items = yield* catalog.items(sub.id, page(offset, 100))
        sold += items.items.filter((i) => i.sold).length
        if (offset + 100 >= items.total) break
      }
    }
    let inBuys = 0
    for (let u = 1; u <= USERS; u++) {
      const list = yield* buys.listByUser(TelegramId.make(u), page(0, 100))
      for (let offset = 0; offset < list.total; offset += 100) {
        for (const b of (yield* buys.listByUser(TelegramId.make(u), page(offset, 100))).items) inBuys += b.quantity
      }
    }
    expect(inBuys).toBe(sold)
  })

describe("crash safety on SQLite", () => {
  it("survives SIGKILL at random moments, twelve times", async () => {
    await Effect.runPromise(seed.pipe(Effect.provide(shop())))
    const reported: Reported = { buys: new Map(), deposits: new Set(), refunds: new Set() }
    let work = 0
    for (let round = 0; round < 12; round++) {
      work += await runAndKill(round, reported)
      await Effect.runPromise(verify(reported).pipe(Effect.provide(shop())))
    }
    console.log(`crash test: 12 kills, ${work} reported lines, ${reported.buys.size} purchases, ${reported.deposits.size} deposits, ${reported.refunds.size} refunds`)
    expect(work).toBeGreaterThan(12)
    expect(reported.buys.size).toBeGreaterThan(0)
  }, 300_000)
})
