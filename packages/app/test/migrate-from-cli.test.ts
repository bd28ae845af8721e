import { createHash } from "node:crypto"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import { afterAll, describe, expect, it } from "vitest"
import { makeSqliteSource, type SqliteFixture } from "../../adapters-sql/test/moveinFixtures.js"
import { cliDir, removeDir, runTokenshop } from "./cliHarness.js"

const dirs: Array<string> = []
afterAll(() => dirs.forEach(removeDir))
const fresh = () => {
  const dir = cliDir()
  dirs.push(dir)
  return dir
}
const source = async (dir: string, key?: string, fixture: SqliteFixture = "sqlite-2026") => {
  const file = join(dir, key === undefined ? "anchor.db" : "anchor-encrypted.db")
  await Effect.runPromise(makeSqliteSource(file, fixture, key))
  return file
}
const digest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex")
/** Every file and folder under `dir` with its content's digest: what a run may not change. */
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => {
    const path = join(e.parentPath, e.name)
    return [path, e.isDirectory() ? "folder" : digest(path)]
  }))
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
      "items: 8 (5 sold, never sellable again; 2 unsold, in stock; 1 physical, left out of stock (not for sale: tokenshop delivers digital goods only)); " +
      "1 price(s) changed by the conversion",
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

    // Only the unsold digital items are for sale: Keys/Steam keeps 1 of its 3, Accounts/Netflix 1 of its 5 (its physical item 8 is out of stock).
    expect((await runTokenshop(dir, ["price", "set", "1", "1.00"])).output).toBe("subcategory 1: 1 unsold item(s) now cost 1.00 USD")
    expect((await runTokenshop(dir, ["price", "set", "2", "1.00"])).output).toBe("subcategory 2: 1 unsold item(s) now cost 1.00 USD")
  })

  it("a dry run into a database that does not exist creates no file or folder, and prints the report --apply then prints", async () => {
    const dir = fresh()
    const anchor = await source(dir)
    const env = { DATABASE_FILE: join(dir, "data", "tokenshop.db") }
    const before = snapshot(dir)
    expect(Object.keys(before)).toEqual([anchor])
    const dry = await runTokenshop(dir, ["migrate-from", "aiogramshopbot", anchor], env)
    expect(dry.code).toBe(0)
    expect(snapshot(dir)).toEqual(before)
    expect(existsSync(join(dir, "data"))).toBe(false)
    expect(dry.notes).toContain("holds no shop yet: read as a new, empty one, and not created")
    const applied = await runTokenshop(dir, ["migrate-from", "aiogramshopbot", anchor, "--apply"], env)
    expect(applied.code).toBe(0)
    const lines = dry.output.split("\n")
    expect(lines).toContain("users: 4 (1 banned; 0 already in the shop: profile kept, balance added)")
    expect(lines.at(-1)).toBe("nothing written (run again with --apply)")
    expect(applied.output.split("\n")).toEqual([...lines.slice(0, -1), "written"])
    // --apply made the shop's goods key (no key was configured) and sealed what it moved in
    expect(applied.notes).toContain(`made a new key for the delivered goods, in ${join(dir, "goods.key")}`)
    const moved = readdirSync(join(dir, "data")).map((f) => readFileSync(join(dir, "data", f)))
    expect(moved.some((bytes) => bytes.includes("STEAM-AAAA") || bytes.includes("netflix:bob-login"))).toBe(false)
  })

  it("a dry run leaves an existing shop byte for byte (one just restored from its backup, not yet in WAL mode), read as it is", async () => {
    const dir = fresh()
    const anchor = await source(dir)
    const env = { DATABASE_FILE: join(dir, "shop.db") }
    expect((await runTokenshop(dir, ["user", "credit", "1001", "1.00", "--reason", "before the move", "--create"], env)).code).toBe(0)
    expect((await runTokenshop(dir, ["backup", join(dir, "backup.db")], env)).code).toBe(0)
    expect((await runTokenshop(dir, ["restore", join(dir, "backup.db")], env)).code).toBe(0)
    const before = snapshot(dir)
    const dry = await runTokenshop(dir, ["migrate-from", "aiogramshopbot", anchor], env)
    expect(dry.code).toBe(0)
    expect(snapshot(dir)).toEqual(before)
    // The user the shop holds already is found there: the report is the one --apply prints.
    expect(dry.output.split("\n")).toContain("users: 4 (1 banned; 1 already in the shop: profile kept, balance added)")
    const applied = await runTokenshop(dir, ["migrate-from", "aiogramshopbot", anchor, "--apply"], env)
    expect(applied.output.split("\n")).toEqual([...dry.output.split("\n").slice(0, -1), "written"])
  })

  it("the current release: physical items out of stock, every table and value not carried named, dry run and --apply alike", async () => {
    const dir = fresh()
    const anchor = await source(dir, undefined, "sqlite-current")
    const report = [
      `moving in from AiogramShopBot: ${anchor} (SQLite, Dec 2025 and later schema)`,
      "amounts in USD: each float is read as its shortest round-trip decimal text (as Python's repr prints it), then rounded half up to the currency's minor unit (2 decimal(s))",
      "users: 3 (0 banned; 0 already in the shop: profile kept, balance added)",
      "balances: top-up 71.60 USD, consumed 26.99 USD, available 44.61 USD",
      "categories: 2, subcategories: 2",
      "items: 6 (2 sold, never sellable again; 2 unsold, in stock; 2 physical, left out of stock (not for sale: tokenshop delivers digital goods only)); " +
      "0 price(s) changed by the conversion",
      "purchases: 2 (0 refunded), 2 item(s); no ledger entries of their own: consume_records already counts them",
      "deposits: 2, payments: 1 (history)",
      "changed by the conversion: 0 value(s)",
      "consume_records differing from the sum of purchases: 0 user(s) (reported, not fixed)",
      "not carried over (tokenshop has no place for them yet): 7 table(s), 7 column(s)",
      "  table buttons_media: 1 row(s)",
      "  table cart_items: 1 row(s)",
      "  table carts: 1 row(s)",
      "  table coupons: 2 row(s)",
      "  table referral_bonus: 1 row(s)",
      "  table reviews: 2 row(s)",
      "  table shipping_options: 2 row(s)",
      "  column users.referral_code: 1 row(s) with a value",
      "  column users.referred_by_user_id: 2 row(s) with a value",
      "  column buys.coupon_id: 1 row(s) with a value",
      "  column buys.discount: 1 row(s) with a value",
      "  column buys.shipping_option_id: 1 row(s) with a value",
      "  column buys.shipping_address: 1 row(s) with a value",
      "  column buys.track_number: 1 row(s) with a value"
    ]
    const dry = await runTokenshop(dir, ["migrate-from", "aiogramshopbot", anchor])
    expect(dry).toEqual({ code: 0, output: [...report, "nothing written (run again with --apply)"].join("\n") })
    const applied = await runTokenshop(dir, ["migrate-from", "aiogramshopbot", anchor, "--apply"])
    expect(applied).toEqual({ code: 0, output: [...report, "written"].join("\n") })
    const again = await runTokenshop(dir, ["migrate-from", "aiogramshopbot", anchor, "--apply"])
    expect(again.output.split("\n")).toEqual([report[0], "nothing to do, already moved in", ...report.slice(10)])

    // Nothing physical is in stock or for sale; the digital keys are, as before.
    expect((await runTokenshop(dir, ["stock"])).output).toBe([
      "Keys: 2 unsold",
      "  Steam (subcategory 1): 2 unsold, next at 10.00 USD",
      "Merch: 0 unsold",
      "  T-shirts (subcategory 2): 0 unsold",
      "2 unsold item(s) in 2 categories"
    ].join("\n"))
    expect((await runTokenshop(dir, ["price", "set", "2", "1.00"])).output).toBe("subcategory 2: 0 unsold item(s) now cost 1.00 USD")
    const bob = await runTokenshop(dir, ["user", "show", "1002"])
    expect(bob.output).toMatch(/top-up .*21\.00.*, consumed .*17\.99.*, available .*3\.01/)
    expect(bob.output).toContain("purchases: 1")
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
