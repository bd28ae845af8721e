import { join } from "node:path"
import * as Effect from "effect/Effect"
import { afterAll, describe, expect, it } from "vitest"
import { makeSqliteSource } from "../../adapters-sql/test/moveinFixtures.js"
import { cliDir, removeDir, runTokenshop } from "./cliHarness.js"

const dirs: Array<string> = []
afterAll(() => dirs.forEach(removeDir))
const fresh = () => {
  const dir = cliDir()
  dirs.push(dir)
  return dir
}
const source = async (dir: string, key?: string) => {
  const file = join(dir, key === undefined ? "anchor.db" : "anchor-encrypted.db")
  await Effect.runPromise(makeSqliteSource(file, "sqlite-2026", key))
  return file
}
/** The command failed with exactly one line, `error: ...`, and the shop knows no moved-in user. */
const refused = async (dir: string, result: { code: number; output: string }, message: string) => {
  expect(result.code).not.toBe(0)
  expect(result.output.split("\n")).toEqual([`error: ${message}`])
  const show = await runTokenshop(dir, ["user", "show", "1001"])
  expect(show.code).not.toBe(0)
}

describe("tokenshop migrate-from aiogramshopbot", () => {
  it("reports without --apply, moves in with it, and changes nothing the second time", async () => {
    const dir = fresh()
    const anchor = await source(dir)
    const dry = await runTokenshop(dir, ["migrate-from", "aiogramshopbot", anchor])
    expect(dry.code).toBe(0)
    for (const line of [
      `moving in from AiogramShopBot: ${anchor} (SQLite, Dec 2025 and later schema)`,
      "amounts in USD: each float is read as its shortest round-trip decimal text (as Python's repr prints it), then rounded half up to the currency's minor unit (2 decimal(s))",
      "users: 4 (1 banned; 0 already in the shop: profile kept, balance added)",
      "balances: top-up 102.98 USD, consumed 30.19 USD, available 72.79 USD",
      "categories: 2, subcategories: 2",
      "items: 8 (5 sold, never sellable again; 3 unsold, in stock); 1 price(s) changed by the conversion",
      "purchases: 3 (1 refunded), 4 item(s); no ledger entries of their own: consume_records already counts them",
      "deposits: 2, payments: 2 (history)",
      "changed by the conversion: 2 value(s)",
      "  user 1001 top_up_amount 0.30000000000000004 -> 0.30 USD",
      "  user 1003 top_up_amount 2.675 -> 2.68 USD",
      "consume_records differing from the sum of purchases: 1 user(s) (reported, not fixed)",
      "  user 1002: consume_records 29.99 USD, purchases 19.99 USD (difference 10.00 USD)",
      "  purchase 4: its buyer (none) is not among the users",
      "nothing written (run again with --apply)"
    ]) expect(dry.output.split("\n")).toContain(line)
    expect((await runTokenshop(dir, ["user", "show", "1002"])).code).not.toBe(0)

    const applied = await runTokenshop(dir, ["migrate-from", "aiogramshopbot", anchor, "--apply"])
    expect(applied.code).toBe(0)
    expect(applied.output.split("\n").at(-1)).toBe("written")
    expect(applied.output).toContain("balances: top-up 102.98 USD, consumed 30.19 USD, available 72.79 USD")

    const bob = await runTokenshop(dir, ["user", "show", "1002"])
    expect(bob.code).toBe(0)
    expect(bob.output).toContain("user 1002 (@bob)")
    expect(bob.output).toContain("language fr")
    expect(bob.output).toMatch(/top-up .*100\.00.*, consumed .*29\.99.*, available .*70\.01/)
    expect(bob.output).toContain("purchases: 2")
    expect(bob.output).toContain("refunded")
    const carol = await runTokenshop(dir, ["user", "show", "1003"])
    expect(carol.output).toContain("user 1003 (@carol) BANNED")
    expect(carol.output).toMatch(/available .*2\.68/)
    const stats = await runTokenshop(dir, ["stats", "--days", "3650"])
    expect(stats.code).toBe(0)
    expect(stats.output).toContain("sales: 3 purchase(s), 4 item(s)")
    expect(stats.output).toContain("deposits: 2, 100.30 USD (0.00001 BTC, 0.030000000000000001 ETH)")
    expect(stats.output).toContain("new users: 4")

    const again = await runTokenshop(dir, ["migrate-from", "aiogramshopbot", anchor, "--apply"])
    expect(again).toEqual({ code: 0, output: `moving in from AiogramShopBot: ${anchor} (SQLite, Dec 2025 and later schema)\nnothing to do, already moved in` })
    expect(await runTokenshop(dir, ["user", "show", "1002"])).toEqual(bob)
    const statsAgain = await runTokenshop(dir, ["stats", "--days", "3650"])
    expect(statsAgain.output.split("\n").slice(1)).toEqual(stats.output.split("\n").slice(1))

    // Only the unsold items are for sale: Keys/Steam keeps 1 of its 3, Accounts/Netflix 2 of its 5.
    expect((await runTokenshop(dir, ["price", "set", "1", "1.00"])).output).toBe("subcategory 1: 1 unsold item(s) now cost 1.00 USD")
    expect((await runTokenshop(dir, ["price", "set", "2", "1.00"])).output).toBe("subcategory 2: 2 unsold item(s) now cost 1.00 USD")
  })

  it("an SQLCipher source opens with the key named by --key-env", async () => {
    const dir = fresh()
    const anchor = await source(dir, "anchor secret")
    const applied = await runTokenshop(dir, ["migrate-from", "aiogramshopbot", anchor, "--key-env", "SOURCE_DB_KEY", "--apply"], { SOURCE_DB_KEY: "anchor secret" })
    expect(applied.code).toBe(0)
    expect(applied.output).toContain("written")
    expect((await runTokenshop(dir, ["user", "show", "1001"])).output).toMatch(/available .*0\.10/)
  })

  it("bad inputs give one error line and change nothing", async () => {
    const dir = fresh()
    const missing = join(dir, "missing.db")
    await refused(dir, await runTokenshop(dir, ["migrate-from", "aiogramshopbot", missing, "--apply"]), `${missing}: no such file`)
    await runTokenshop(dir, ["migrate"])
    await refused(dir, await runTokenshop(dir, ["migrate-from", "aiogramshopbot", join(dir, "shop.db"), "--apply"]),
      "not an AiogramShopBot database: table users lacks telegram_id, telegram_username, top_up_amount, consume_records")
    const encrypted = await source(dir, "anchor secret")
    await refused(dir, await runTokenshop(dir, ["migrate-from", "aiogramshopbot", encrypted, "--key-env", "SOURCE_DB_KEY", "--apply"], { SOURCE_DB_KEY: "wrong" }),
      `cannot open ${encrypted}: the SQLCipher key was not accepted (or it is not an SQLite database)`)
    await refused(dir, await runTokenshop(dir, ["migrate-from", "aiogramshopbot", encrypted, "--apply"]),
      `${encrypted} is not an SQLite database, or it is encrypted (give its key with --key-env NAME)`)
    await refused(dir, await runTokenshop(dir, ["migrate-from", "aiogramshopbot", encrypted, "--key-env", "SOURCE_DB_KEY", "--apply"]),
      "--key-env SOURCE_DB_KEY: the environment variable SOURCE_DB_KEY is not set")
  })
})
