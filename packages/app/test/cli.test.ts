import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import { afterAll, beforeEach, describe, expect, it } from "vitest"
import { SqliteStorage } from "@tokenshop/adapters-sql"
import { Cart, Catalog, Checkout, idempotencyKey, Ledger, money, operator, page, TelegramId, Users } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import { cliDir, removeDir, runTokenshop } from "./cliHarness.js"

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
    expect(bad).toEqual({ code: 1, output: "error: user 42 is not registered" })
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
    }).pipe(Effect.provide(ShopMemory({}, { storage: SqliteStorage({ filename: join(dir, "shop.db") }) }))))

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
    expect((await tokenshop(["user", "debit", "42", "100", "--reason", "too much"])).output).toBe("error: insufficient funds")
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

  it("an encrypted database needs its key: a wrong or missing key exits 2 with a plain message", async () => {
    const env = { DATABASE_FILE: join(dir, "enc.db"), DB_ENCRYPTION_KEY: "s3cret" }
    expect((await tokenshop(["migrate"], env)).code).toBe(0)
    expect(readFileSync(join(dir, "enc.db")).subarray(0, 15).toString()).not.toBe("SQLite format 3")
    for (const wrong of [{ ...env, DB_ENCRYPTION_KEY: "guess" }, { DATABASE_FILE: env.DATABASE_FILE }]) {
      expect(await tokenshop(["stats"], wrong)).toEqual({ code: 2, output: "error: cannot open database: wrong or missing encryption key" })
    }
    const out = join(dir, "enc-backup.db")
    expect((await tokenshop(["backup", out], env)).code).toBe(0)
    expect(readFileSync(out).subarray(0, 15).toString()).not.toBe("SQLite format 3")
    expect(statSync(out).mode & 0o777).toBe(0o600)
    expect((await tokenshop(["stats"], { ...env, DATABASE_FILE: out })).code).toBe(0)
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
