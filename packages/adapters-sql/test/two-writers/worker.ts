/**
 * One of two shop processes writing to the same SQLite file at once, as the bot and the `tokenshop`
 * CLI do: admin credits and debits (a debit reads the balance, then writes), small imports,
 * one-item checkouts and refunds of its own purchases. It waits for "GO" on stdin, so that both
 * workers start together, and prints one JSON line per committed operation on stdout; any
 * unexpected failure prints an "error" line and exits with 1.
 * Usage: vite-node test/two-writers/worker.ts -- FILE WORKER STEPS
 */
import {
  type BuyId, Cart, Catalog, Checkout, idempotencyKey, Ledger, money, operator, page, Refunds, type SubcategoryId, TelegramId
} from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { SqliteStorage } from "../../src/index.js"

const [file, workerText, stepsText] = process.argv.slice(-3)
const worker = Number.parseInt(workerText ?? "1", 10)
const steps = Number.parseInt(stepsText ?? "300", 10)
const admin = operator(`worker-${worker}`)
/** What the worker is doing, for its error line. */
let current = "setup"
const USERS = 10

/** mulberry32, seeded per worker: each run does the same mix of operations. */
let seed = 7919 * worker
const random = (n: number) => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)
}
const say = (report: Record<string, unknown>) =>
  Effect.sync(() => process.stdout.write(`${JSON.stringify({ w: worker, t: Date.now(), ...report })}\n`))

/** Resolves on the first line on stdin: the test's signal that both workers are ready. */
const go = Effect.async<void>((resume) => {
  process.stdin.once("data", () => {
    process.stdin.pause()
    resume(Effect.void)
  })
})

/** Credits any user, and debits any user when the balance allows (the debit is refused otherwise). */
const adjust = (step: number, direction: "credit" | "debit") =>
  Effect.gen(function*() {
    const user = TelegramId.make(1 + random(USERS))
    const cents = BigInt(1 + random(direction === "credit" ? 300 : 400))
    const key = idempotencyKey("two-writers", worker, step)
    const result = yield* (yield* Ledger).adjust(admin, { user, direction, amount: money(cents, "USD"), reason: `worker ${worker}`, key }).pipe(
      Effect.map((r) => r.replayed ? "replayed" : "done"),
      Effect.catchTag("InsufficientFunds", () => Effect.succeed("refused" as const))
    )
    if (result === "replayed") return yield* Effect.dieMessage(`key ${key} replayed`)
    if (result === "done") yield* say({ op: direction, user, cents: cents.toString() })
  })

/** A few new items in a subcategory that both workers also buy from. */
const importSome = (step: number) =>
  Effect.gen(function*() {
    const count = 1 + random(5)
    const sub = random(2) === 0 ? "A" : "B"
    const lines = Array.from({ length: count }, (_, i) => `Shop;${sub};imported;${(1 + random(8)) / 4};w${worker}-${step}-${i}`)
    const report = yield* (yield* Catalog).importFile(admin, "txt", lines.join("\n"))
    if (report.imported !== count) return yield* Effect.dieMessage(`imported ${report.imported} of ${count}`)
    yield* say({ op: "import", count })
  })

/** One item into the cart of one of this worker's own users, then the checkout. */
const buyOne = (step: number, subs: ReadonlyArray<SubcategoryId>, bought: Array<{ id: BuyId; user: number; cents: bigint }>) =>
  Effect.gen(function*() {
    // Worker 1 shops for the odd users, worker 2 for the even ones: a cart is never shared.
    const user = TelegramId.make(2 * random(USERS / 2) + (worker === 1 ? 1 : 2))
    const added = yield* Effect.either((yield* Cart).add(user, subs[random(subs.length)]!, 1))
    if (added._tag === "Left") {
      if (added.left._tag === "OutOfStock") return
      return yield* Effect.dieMessage(`cart: ${added.left._tag}`)
    }
    const result = yield* Effect.either((yield* Checkout).checkout(user, idempotencyKey("two-writers", worker, step)))
    if (result._tag === "Left") {
      if (result.left._tag !== "InsufficientFunds" && result.left._tag !== "OutOfStock") return yield* Effect.dieMessage(`checkout: ${result.left._tag}`)
      return yield* (yield* Cart).clear(user)
    }
    const { buy, replayed } = result.right
    if (replayed) return yield* Effect.dieMessage(`checkout ${step} replayed`)
    bought.push({ id: buy.id, user, cents: buy.total.amount })
    yield* say({ op: "buy", user, buy: buy.id, cents: buy.total.amount.toString(), items: buy.items.map((i) => i.itemId) })
  })

/** Refunds one of this worker's purchases, never twice. */
const refundOne = (bought: Array<{ id: BuyId; user: number; cents: bigint }>) =>
  Effect.gen(function*() {
    if (bought.length === 0) return
    const [buy] = bought.splice(random(bought.length), 1)
    const { balance } = yield* (yield* Refunds).refund(admin, buy!.id)
    if (balance.available.amount < buy!.cents) return yield* Effect.dieMessage(`refund of ${buy!.id} left ${balance.available.amount}`)
    yield* say({ op: "refund", user: buy!.user, buy: buy!.id, cents: buy!.cents.toString() })
  })

const work = Effect.gen(function*() {
  const catalog = yield* Catalog
  const [category] = (yield* catalog.categories(page(0, 1))).items
  const subs = (yield* catalog.subcategories(category!.id, page(0, 10))).items.map((s) => s.id)
  const bought: Array<{ id: BuyId; user: number; cents: bigint }> = []
  yield* say({ op: "ready" })
  yield* go
  yield* say({ op: "start" })
  for (let step = 0; step < steps; step++) {
    const op = random(20)
    current = `step ${step}, ${op < 6 ? "credit" : op < 10 ? "debit" : op < 11 ? "import" : op < 18 ? "checkout" : "refund"}`
    if (op < 6) yield* adjust(step, "credit")
    else if (op < 10) yield* adjust(step, "debit")
    else if (op < 11) yield* importSome(step)
    else if (op < 18) yield* buyOne(step, subs, bought)
    else yield* refundOne(bought)
  }
  yield* say({ op: "done" })
})

/** An error and its causes on one line, e.g. "SqlError: Failed to execute statement <- SqliteError SQLITE_BUSY: database is locked". */
const describe = (e: unknown): string => {
  const parts: Array<string> = []
  for (let c: unknown = e; c instanceof Error && parts.length < 5; c = c.cause) {
    const code = "code" in c && typeof c.code === "string" ? ` ${c.code}` : ""
    parts.push(`${c.name}${code}: ${c.message}`)
  }
  return parts.length > 0 ? parts.join(" <- ") : String(e)
}

Effect.runPromiseExit(work.pipe(Effect.provide(ShopMemory({}, { storage: SqliteStorage({ filename: file! }) })))).then((exit) => {
  if (Exit.isSuccess(exit)) return process.exit(0)
  process.stdout.write(`${JSON.stringify({ w: worker, t: Date.now(), op: "error", message: `${current}: ${describe(Cause.squash(exit.cause))}` })}\n`)
  console.error(Cause.pretty(exit.cause))
  process.exit(1)
})
