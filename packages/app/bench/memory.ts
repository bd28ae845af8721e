/** Resident memory of a browse-and-checkout loop over 100,000 users and 1,000,000 items. */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { BENCH_GOODS_KEY, runChild } from "./child.js"
import { LINES, writeInventory } from "./import-1m.js"

export const USERS = 100_000

export const benchMemory = async () => {
  const dir = mkdtempSync(join(tmpdir(), "tokenshop-memory-"))
  try {
    const db = join(dir, "shop.db")
    const inventory = join(dir, "inventory.txt")
    await writeInventory(inventory, LINES)
    await runChild([resolve(import.meta.dirname, "../../dist/tokenshop.mjs"), "import", inventory], { DATABASE_FILE: db, GOODS_ENCRYPTION_KEY: BENCH_GOODS_KEY })
    await runChild([resolve(import.meta.dirname, "memory-seed.js"), db, String(USERS)], {})
    const loop = await runChild([resolve(import.meta.dirname, "memory-child.js"), db, String(USERS), "3000"], {})
    const sampled = Number(/peak-rss-mb ([\d.]+)/.exec(loop.output)?.[1] ?? "NaN")
    return { maxRssMb: loop.maxRssMb, sampledMb: sampled, seconds: loop.seconds }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
