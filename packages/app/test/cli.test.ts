import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import { afterAll, beforeEach, describe, expect, it } from "vitest"
import { SqliteStorage } from "@tokenshop/adapters-sql"
import { Cart, Catalog, Checkout, idempotencyKey, Ledger, money, operator, page, TelegramId, Users } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import { cliDir, goodsKeysIn, removeDir, runTokenshop } from "./cliHarness.js"

const dir = cliDir()
afterAll(() => removeDir(dir))
const tokenshop = (args: ReadonlyArray<string>, env: Record<string, string> = {}) => runTokenshop(dir, args, env)

const file = (name: string, lines: ReadonlyArray<string>) => {
  const path = join(dir, name)
  writeFileSync(path, lines.join("\n"))
  return path
}

describe("tokenshop", () => {
  beforeEach(() => rmSync(join(dir, "shop.db"), { force: true }))

  it("migrate creates the database", async () => {
    const { code, output } = await tokenshop(["migrate"])
    expect(code).toBe(0)
    expect(output).toContain("database is up to date (SQLite")
    expect(existsSync(join(dir, "shop.db"))).toBe(true)
  })

  it("import of a 10-line TXT with one bad price rejects the whole file, naming line and field", async () => {
    const bad = file("bad.txt", Array.from({ length: 10 }, (_, i) => `Games;Steam;key ${i};${i === 6 ? "4.9.9" : "4.99"};KEY-${i}`))
    const rejected = await tokenshop(["import", bad])
    expect(rejected.code).toBe(1)
    expect(rejected.output).toContain("import rejected, nothing was imported")
    expect(rejected.output).toContain("line 7: price: \"4.9.9\" is not a number")
    const stats = await tokenshop(["stats"])
    expect(stats.code).toBe(0)
    const good = file("good.txt", Array.from({ length: 10 }, (_, i) => `Games;Steam;key ${i};4.99;KEY-${i}`))
    const imported = await tokenshop(["import", good])
    expect(imported).toEqual({ code: 0, output: "imported 10 items:\n  Games / Steam: 10" })
  })

  it("a changed SHOP_CURRENCY refuses to start and to run commands, naming what is priced otherwise; price set converts", async () => {
    await tokenshop(["import", file("usd.txt", ["Games;Steam;key;4.99;KEY-1", "Games;Steam;key;4.99;KEY-2", "Soft;Office;key;9.99;O-1"])])
    const eur = { SHOP_CURRENCY: "EUR" }
    const refused = await tokenshop(["stats"], eur)
    expect(refused.code).toBe(2)
    expect(refused.output).toContain("error: the shop's currency is set to EUR, but the shop holds USD: Games / Steam (subcategory 1): 2 unsold in USD; Soft / Office (subcategory 2): 1 unsold in USD.")
    expect(refused.output).toContain("tokenshop price set SUBCATEGORY_ID PRICE")
    const started = await tokenshop(["start"], { ...eur, BOT_TOKEN: "1:x", TELEGRAM_API_ROOT: "http://127.0.0.1:9" })
    expect(started.code).toBe(2)
    expect(started.output).toContain("but the shop holds USD")
    expect((await tokenshop(["price", "set", "1", "4.50"], eur)).output).toBe("subcategory 1: 2 unsold item(s) now cost 4.50 EUR")
    expect((await tokenshop(["stats"], eur)).output).toContain("Soft / Office (subcategory 2): 1 unsold in USD")
    expect((await tokenshop(["price", "set", "2", "9"], eur)).code).toBe(0)
    expect((await tokenshop(["stats"], eur)).code).toBe(0)
    expect((await tokenshop(["price", "set", "x", "9"], eur)).output).toBe("error: \"x\" is not a subcategory id")
    expect((await tokenshop(["price", "set", "99", "9"], eur)).code).toBe(1)
  })

  it("imports JSON and refuses unknown file types and missing files", async () => {
    const json = join(dir, "stock.json")
    writeFileSync(json, JSON.stringify([{ category: "Soft", subcategory: "Office", price: 19.9, description: "d", private_data: "X" }]))
    expect(await tokenshop(["import", json])).toEqual({ code: 0, output: "imported 1 items:\n  Soft / Office: 1" })
    expect((await tokenshop(["import", join(dir, "stock.csv")])).output).toContain("must end in .json or .txt")
    expect((await tokenshop(["import", join(dir, "missing.txt")])).output).toContain("no such file")
  })

  it("credits, debits, shows and refunds with clear errors", async () => {
    const bad = await tokenshop(["user", "credit", "42", "10", "--reason", "welcome"])
    expect(bad).toEqual({ code: 1, output: "error: user 42 has never opened the bot: they must press /start first (or add --create to a credit to register them by their Telegram id now)" })
    expect((await tokenshop(["user", "credit", "abc", "10", "--reason", "x"])).output).toContain("is not a Telegram user id")
    expect((await tokenshop(["refund", "7"])).output).toBe("error: purchase 7 does not exist")
    expect((await tokenshop(["stats", "--days", "0"])).output).toBe("error: --days must be from 1 to 3650")
  })

  it("credits, debits, shows a user and refunds a purchase once", async () => {
    await tokenshop(["import", file("stock.txt", ["Games;Steam;key;4.99;KEY-1", "Games;Steam;key;4.99;KEY-2"])])
    const buyId = await Effect.runPromise(Effect.gen(function*() {
      const user = TelegramId.make(42)
      yield* (yield* Users).register({ id: user, username: "alice", language: "en" })
      yield* (yield* Ledger).adjust(operator("test"), { user, direction: "credit", amount: money(1000n, "USD"), reason: "seed", key: idempotencyKey("seed") })
      const [category] = (yield* (yield* Catalog).categories(page(0, 1))).items
      const [sub] = (yield* (yield* Catalog).subcategories(category!.id, page(0, 1))).items
      yield* (yield* Cart).add(user, sub!.id, 1)
      return (yield* (yield* Checkout).checkout(user, idempotencyKey("buy"))).buy.id
    }).pipe(Effect.provide(ShopMemory({}, { storage: SqliteStorage({ filename: join(dir, "shop.db"), goodsKeys: goodsKeysIn(dir) }) }))))

    const credited = await tokenshop(["user", "credit", "42", "5,5", "--reason", "goodwill"])
    expect(credited.code).toBe(0)
    expect(credited.output).toContain("credited 5.50 USD to user 42: top-up 15.50 USD, consumed 4.99 USD, available 10.51 USD")
    expect(credited.output).toMatch(/key \d{4}-\d\d-\d\d-credit-42-550-[0-9a-f]{16} \(running the same command again today changes nothing\)/)
    // a re-run after a timeout changes nothing and says so; --repeat is the explicit second credit
    const rerun = await tokenshop(["user", "credit", "42", "5.50", "--reason", "goodwill"])
    expect(rerun.code).toBe(0)
    expect(rerun.output).toContain("already done, nothing changed: credited 5.50 USD to user 42")
    expect(rerun.output).toContain("available 10.51 USD")
    expect(rerun.output).toContain("add --repeat")
    expect((await tokenshop(["user", "credit", "42", "5.50", "--reason", "goodwill", "--repeat"])).output).toContain("available 16.01 USD")
    expect((await tokenshop(["user", "debit", "42", "5.50", "--reason", "undo the repeat", "--key", "undo-1"])).output)
      .toContain("debited 5.50 USD from user 42: top-up 21.00 USD, consumed 10.49 USD, available 10.51 USD")
    expect((await tokenshop(["user", "debit", "42", "100", "--reason", "too much"])).output).toBe("error: insufficient funds: user 42 has 10.51 USD available, 100.00 USD asked")
    expect((await tokenshop(["user", "debit", "42", "0.51", "--reason", "fee", "--key", "fee-1"])).code).toBe(0)
    expect((await tokenshop(["user", "debit", "42", "0.51", "--reason", "fee", "--key", "fee-1"])).output).toContain("available 10.00 USD")
    expect((await tokenshop(["user", "credit", "42", "1.234", "--reason", "x"])).output).toBe("error: at most 2 decimals are allowed")
    const shown = await tokenshop(["user", "show", "42"])
    expect(shown.output).toContain("user 42 (@alice)")
    expect(shown.output).toContain(`#${buyId} `)
    expect(await tokenshop(["refund", String(buyId)])).toEqual({
      code: 0,
      output: `refunded purchase #${buyId} (4.99 USD) to user 42: top-up 21.00 USD, consumed 6.01 USD, available 14.99 USD`
    })
    expect(await tokenshop(["refund", String(buyId)])).toEqual({ code: 1, output: `error: purchase ${buyId} was already refunded` })
    const stats = await tokenshop(["stats", "--days", "1"])
    expect(stats.output).toContain("sales: 1 purchase(s), 1 item(s), 4.99 USD")
    expect(stats.output).toContain("refunds: 1, 4.99 USD")
    expect(stats.output).toContain("new users: 1")
  })

  it("backs up the database into a new file", async () => {
    await tokenshop(["migrate"])
    const out = join(dir, "backup.db")
    expect(await tokenshop(["backup", out])).toEqual({ code: 0, output: `backed up to ${out}` })
    expect(readFileSync(out).subarray(0, 15).toString()).toBe("SQLite format 3")
    expect(statSync(out).mode & 0o777).toBe(0o600)
    expect((await tokenshop(["backup", out])).output).toContain("exists already")
  })

  it("an encrypted database needs its key: a wrong key, a missing key and a key for a plain file each say so, exit 2", async () => {
    const file = join(dir, "enc.db")
    rmSync(file, { force: true })
    const short = await tokenshop(["migrate"], { DATABASE_FILE: file, DB_ENCRYPTION_KEY: "s3cret" })
    expect(short).toEqual({ code: 2, output: "error: DB_ENCRYPTION_KEY is too short for a new encrypted database: use at least 16 characters (e.g. `openssl rand -hex 32`)" })
    expect(existsSync(file)).toBe(false)
    const env = { DATABASE_FILE: file, DB_ENCRYPTION_KEY: "s3cret-s3cret-s3cret" }
    const created = await tokenshop(["migrate"], env)
    expect(created.code).toBe(0)
    expect(created.notes).toContain(`database: SQLite ${file} (encrypted)`)
    expect(created.notes).toContain("creating a new, empty shop")
    expect(readFileSync(file).subarray(0, 15).toString()).not.toBe("SQLite format 3")
    expect(await tokenshop(["stats"], { ...env, DB_ENCRYPTION_KEY: "guess-guess-guess" })).toEqual({ code: 2, output: "error: cannot open database: wrong encryption key" })
    expect(await tokenshop(["stats"], { DATABASE_FILE: file })).toEqual({ code: 2, output: `error: ${file} is encrypted (or is not an SQLite database): set DB_ENCRYPTION_KEY to its key` })
    await tokenshop(["migrate"])
    expect(await tokenshop(["stats"], { DB_ENCRYPTION_KEY: "s3cret-s3cret-s3cret" })).toEqual({
      code: 2,
      output: `error: ${join(dir, "shop.db")} is not encrypted, but DB_ENCRYPTION_KEY is set: unset it to open this database as it is`
    })
    const out = join(dir, "enc-backup.db")
    expect((await tokenshop(["backup", out], env)).code).toBe(0)
    expect(readFileSync(out).subarray(0, 15).toString()).not.toBe("SQLite format 3")
    expect(statSync(out).mode & 0o777).toBe(0o600)
    expect((await tokenshop(["stats"], { ...env, DATABASE_FILE: out })).code).toBe(0)
  })

  it("says which database each command uses, and warns before creating a new, empty one", async () => {
    const first = await tokenshop(["stats"])
    expect(first.notes).toBe(`database: SQLite ${join(dir, "shop.db")}\nwarning: ${join(dir, "shop.db")} does not exist: creating a new, empty shop there (set DATABASE_FILE, or run from the shop's folder, to use an existing one)`)
    expect((await tokenshop(["stats"])).notes).toBe(`database: SQLite ${join(dir, "shop.db")}`)
    const pg = await tokenshop(["stats"], { DATABASE_URL: "postgres://shop:hunter2@127.0.0.1:9/shopdb?sslmode=disable" })
    expect(pg.notes).toBe("database: PostgreSQL postgres://shop@127.0.0.1:9/shopdb")
    expect(pg.code).toBe(2)
    expect(pg.output).not.toContain("hunter2")
  })

  it("parse errors are one line starting error:, with where to look; help is plain text with a usage line as typed", async () => {
    const bogus = await tokenshop(["bogus"])
    expect(bogus.code).toBe(1)
    expect(bogus.output).toMatch(/^error: Invalid subcommand for tokenshop - use one of 'start', .* \(see tokenshop --help\)$/)
    expect(await tokenshop(["user", "credit", "5", "1"])).toEqual({ code: 1, output: "error: Expected to find option: '--reason' (see tokenshop user credit --help)" })
    const days = await tokenshop(["stats", "--days", "x"])
    expect(days.output.split("\n")).toHaveLength(1)
    expect(days.output).toMatch(/^error: .*(see tokenshop stats --help)/)
    const help = await tokenshop(["user", "--help"])
    expect(help.output).not.toMatch(/\u001b\[/)
    expect(help.output).toContain("$ tokenshop user <command>")
    expect((await tokenshop(["--help"])).output).toContain("$ tokenshop <command>")
    expect((await tokenshop(["user", "credit", "--help"])).output).toContain("$ tokenshop user credit --reason text")
  })

  it("a malformed setting names the variable and exits 2", async () => {
    const currency = await tokenshop(["stats"], { SHOP_CURRENCY: "XYZ" })
    expect(currency.code).toBe(2)
    expect(currency.output).toContain("SHOP_CURRENCY")
    const admins = await tokenshop(["stats"], { ADMIN_IDS: "12,abc" })
    expect(admins.output).toContain("ADMIN_IDS")
    expect((await tokenshop(["stats"], { DATABASE_URL: "mysql://x" })).output).toContain("DATABASE_URL")
  })
})
