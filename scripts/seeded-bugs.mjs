#!/usr/bin/env node
/**
 * Seeds one bug at a time into the domain (or its in-memory adapters), runs the in-memory property
 * suite against it, and reports whether the suite caught it, at which run, how fast, and how small
 * fast-check shrank the counterexample; every mutation is undone before the next one (and on Ctrl-C).
 * Usage: node scripts/seeded-bugs.mjs [name ...] [--seeds=1,2,3]
 * Each mutation is one exact text replacement; the script refuses to run when the text is not found
 * exactly once, and undoes it by the reverse replacement, so other edits to the same file survive.
 */
import { spawnSync } from "node:child_process"
import { readFileSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"

const root = resolve(import.meta.dirname, "..")
const domain = join(root, "packages/domain")

const mutations = [
  {
    name: "newest-items",
    what: "checkout takes the newest unsold items instead of the oldest",
    file: "src/testing/CatalogRepoMemory.ts",
    from: "const claimed = unsoldOf(s, sub, n).map(",
    to: "const claimed = unsoldOf(s, sub).reverse().slice(0, n).map("
  },
  {
    name: "cart-kept",
    what: "the cart is not emptied after a checkout",
    file: "src/Checkout.ts",
    from: "yield* carts.clear(user)",
    to: "void carts"
  },
  {
    name: "overpayment-kept",
    what: "an overpaid quoted invoice credits only the asked amount",
    file: "src/PaymentValuation.ts",
    from: "if (amount.units >= asked.units) return Either.right({ amount, fiat: atQuote, short: null })",
    to: "if (amount.units >= asked.units) return Either.right({ amount, fiat: price, short: null })"
  },
  {
    name: "banned-buys",
    what: "a banned user can check out",
    file: "src/Checkout.ts",
    from: "yield* users.active(user)",
    to: "yield* users.get(user)"
  },
  {
    name: "refund-first-item",
    what: "a refund credits the first item's price instead of the purchase's total",
    file: "src/Refunds.ts",
    from: "amount: buy.total,",
    to: "amount: buy.items[0]!.price,"
  },
  {
    name: "half-up",
    what: "a deposit valued at a rate rounds half up instead of half to even",
    file: "src/Conversion.ts",
    from: "if (twice > d || (twice === d && q % 2n === 1n)) q += 1n",
    to: "if (twice >= d) q += 1n"
  },
  {
    name: "tolerance-edge",
    what: "a shortfall of exactly the payment tolerance is not counted as paid in full",
    file: "src/PaymentValuation.ts",
    from: "const withinTolerance = amount.units * BigInt(MAX_TOLERANCE_BP) >= asked.units",
    to: "const withinTolerance = amount.units * BigInt(MAX_TOLERANCE_BP) > asked.units"
  }
]

const args = process.argv.slice(2)
const seedsArg = args.find((a) => a.startsWith("--seeds="))
const seeds = seedsArg === undefined ? ["1", "2", "3"] : seedsArg.slice("--seeds=".length).split(",")
const wanted = args.filter((a) => !a.startsWith("--"))
const chosen = wanted.length === 0 ? mutations : mutations.filter((m) => wanted.includes(m.name))

const count = (text, part) => text.split(part).length - 1

const replaceOnce = (file, from, to) => {
  const path = join(domain, file)
  const text = readFileSync(path, "utf8")
  if (count(text, from) !== 1) throw new Error(`${file}: expected the text once, found it ${count(text, from)} times: ${from}`)
  writeFileSync(path, text.replace(from, to))
}

let applied
const undo = () => {
  if (applied === undefined) return
  replaceOnce(applied.file, applied.to, applied.from)
  applied = undefined
}
process.on("SIGINT", () => {
  undo()
  process.exit(130)
})

const results = []
try {
  for (const m of chosen) {
    for (const seed of seeds) {
      replaceOnce(m.file, m.from, m.to)
      applied = m
      const started = Date.now()
      let output
      try {
        const run = spawnSync("npx", ["vitest", "run", "test/properties.test.ts", "-t", "reference model"], {
          cwd: domain,
          env: { ...process.env, PROPERTY_SEED: seed },
          encoding: "utf8",
          timeout: 600_000
        })
        output = `${run.stdout}\n${run.stderr}`
      } finally {
        undo()
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      const found = /memory: first failure at run (\d+), after ([\d.]+) s; shrunk (\d+) times in ([\d.]+) s in all, (\d+) commands, ([^\n]*)/.exec(output)
      const result = found === null
        ? { bug: m.name, seed, caught: false, seconds }
        : { bug: m.name, seed, caught: true, run: Number(found[1]), firstFailureS: Number(found[2]), shrinks: Number(found[3]), totalS: Number(found[4]), commands: Number(found[5]), shrunk: found[6], vitestS: seconds }
      results.push(result)
      console.log(JSON.stringify(result))
      if (found === null && !/Tests\s+1 passed/.test(output)) console.log(output.slice(-3000))
    }
  }
} finally {
  undo()
}

console.log("\n| bug | caught | first failure (run, s) | shrunk to (commands) | with shrinking (s) |")
console.log("|---|---|---|---|---|")
for (const m of chosen) {
  const mine = results.filter((r) => r.bug === m.name)
  const caught = mine.filter((r) => r.caught)
  const cell = (f) => caught.map(f).join(" / ")
  console.log(`| ${m.what} | ${caught.length}/${mine.length} | ${cell((r) => `${r.run}, ${r.firstFailureS}`)} | ${cell((r) => r.commands)} | ${cell((r) => r.totalS)} |`)
}
