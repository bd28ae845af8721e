/**
 * `tokenshop copy-data` end to end: a shop made with the command line on SQLite copied into
 * PostgreSQL, where `stats` and `user show` say the same; a second copy into it refused, nothing
 * written; back into a new SQLite file with --from; and the one-of --to/--from rule. The SQLite files
 * are encrypted and the goods sealed, both copied as stored.
 */
import { spawn } from "node:child_process"
import { rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { cliDir, removeDir, runTokenshop } from "./cliHarness.js"

const url = process.env["TEST_DATABASE_URL"]

describe("tokenshop copy-data", () => {
  const dir = cliDir()
  const home = cliDir()
  afterAll(() => [dir, home].forEach(removeDir))

  it("takes exactly one of --to and --from, each a postgres:// URL", async () => {
    const neither = await runTokenshop(dir, ["copy-data"])
    expect(neither).toEqual({ code: 2, output: "error: give exactly one of --to DATABASE_URL (SQLite to PostgreSQL) or --from DATABASE_URL (PostgreSQL to SQLite)" })
    expect((await runTokenshop(dir, ["copy-data", "--to", "postgres://a/b", "--from", "postgres://c/d"])).code).toBe(2)
    expect(await runTokenshop(dir, ["copy-data", "--to", "shop.db"])).toEqual({ code: 2, output: "error: --to takes a postgres:// URL" })
    const nothing = await runTokenshop(dir, ["copy-data", "--to", "postgres://postgres@127.0.0.1:1/none"])
    expect(nothing.code).toBe(2)
    expect(nothing.output).toMatch(/^error: no shop to copy: .*shop\.db does not exist or is empty/)
  })

  it("refuses while a shop runs on the SQLite file, either way", async () => {
    const file = join(dir, "running.db")
    const sleeper = spawn("sleep", ["30"])
    writeFileSync(`${file}.pid`, `${sleeper.pid}\n`)
    const results = [
      await runTokenshop(dir, ["copy-data", "--to", "postgres://postgres@127.0.0.1:1/none"], { DATABASE_FILE: file }),
      await runTokenshop(dir, ["copy-data", "--from", "postgres://postgres@127.0.0.1:1/none"], { DATABASE_FILE: file })
    ]
    sleeper.kill()
    rmSync(`${file}.pid`)
    const refusal = `error: the shop is running on ${file} (process ${sleeper.pid}): stop it first (e.g. systemctl stop tokenshop), then copy`
    expect(results).toEqual([{ code: 1, output: refusal }, { code: 1, output: refusal }])
  })

  describe.skipIf(url === undefined)("on PostgreSQL", () => {
    /** The SQLite file encrypted (SQLCipher), the goods sealed: both copied as they are stored. */
    const keys = { DB_ENCRYPTION_KEY: "copy-data-test-key-0123456789", GOODS_ENCRYPTION_KEY: "ab".repeat(32) }
    const schema = `tokenshop_copy_${process.pid}_${Date.now().toString(36)}`
    const admin = new pg.Client({ connectionString: url })
    const target = () => {
      const u = new URL(url!)
      u.searchParams.set("options", `-c search_path=${schema}`)
      return u.toString()
    }
    const shown = () => {
      const u = new URL(url!)
      return `${u.protocol}//${u.username === "" ? "" : `${u.username}@`}${u.host}${u.pathname}`
    }
    beforeAll(async () => {
      await admin.connect()
      await admin.query(`CREATE SCHEMA ${schema}`)
    })
    afterAll(async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`)
      await admin.end()
    })

    it("copies to PostgreSQL with the same numbers, refuses a second copy, and comes back with --from", async () => {
      const inventory = join(dir, "keys.txt")
      writeFileSync(inventory, ["Games;Steam;key;4.99;KEY-1", "Games;Steam;key;4.99;KEY-2", "Soft;Office;licence;9.99;OFF-1"].join("\n"))
      expect((await runTokenshop(dir, ["import", inventory], keys)).code).toBe(0)
      expect((await runTokenshop(dir, ["user", "credit", "1001", "25.00", "--reason", "welcome", "--create"], keys)).code).toBe(0)
      expect((await runTokenshop(dir, ["user", "credit", "1002", "7.50", "--reason", "welcome", "--create"], keys)).code).toBe(0)
      expect((await runTokenshop(dir, ["user", "debit", "1002", "2.50", "--reason", "fee"], keys)).code).toBe(0)
      const out = async (args: ReadonlyArray<string>) => (await runTokenshop(dir, args, keys)).output
      /** `stats` without its first line (the period, which ends now). */
      const figures = (output: string) => output.split("\n").slice(1)
      const [stats, alice, bob, stock] = [figures(await out(["stats"])), await out(["user", "show", "1001"]), await out(["user", "show", "1002"]), await out(["stock"])]
      expect(bob).toMatch(/top-up .*7\.50.*, consumed .*2\.50.*, available .*5\.00/)

      const copied = await runTokenshop(dir, ["copy-data", "--to", target()], keys)
      expect(copied.code).toBe(0)
      const lines = copied.output.split("\n")
      expect(lines[0]).toBe(`copying the shop from SQLite ${join(dir, "shop.db")} (encrypted) to PostgreSQL ${shown()}`)
      expect(lines).toContain("  users: 2")
      expect(lines).toContain("  items: 3")
      expect(lines).toContain("  ledger_entries: 3")
      expect(lines.at(-1)).toMatch(/^verified: \d+ tables, 2 balances$/)
      expect(copied.output).not.toContain(schema)
      const sealed = await admin.query(`SELECT COUNT(*) AS n FROM ${schema}.items WHERE private_data LIKE 'enc1:%'`)
      expect(Number(sealed.rows[0].n)).toBe(3)

      const onPg = { ...keys, DATABASE_URL: target() }
      expect(figures((await runTokenshop(dir, ["stats"], onPg)).output)).toEqual(stats)
      expect((await runTokenshop(dir, ["user", "show", "1001"], onPg)).output).toBe(alice)
      expect((await runTokenshop(dir, ["user", "show", "1002"], onPg)).output).toBe(bob)
      expect((await runTokenshop(dir, ["stock"], onPg)).output).toBe(stock)

      const again = await runTokenshop(dir, ["copy-data", "--to", target()], keys)
      expect(again.code).toBe(1)
      expect(again.output.split("\n").slice(1)).toEqual([
        "error: the target holds a shop already: users (2), balances (2), ledger_entries (3), categories (2), subcategories (2), items (3), goods_key_ids (1); " +
        "nothing was written (copy into a new, empty database)"
      ])
      expect(figures((await runTokenshop(dir, ["stats"], onPg)).output)).toEqual(stats)

      // PostgreSQL goes on: a credit there, then the shop comes back to a new SQLite file
      expect((await runTokenshop(dir, ["user", "credit", "1001", "1.00", "--reason", "on pg"], onPg)).code).toBe(0)
      const back = await runTokenshop(home, ["copy-data", "--from", target()], keys)
      expect(back.code).toBe(0)
      expect(back.output.split("\n")[0]).toBe(`copying the shop from PostgreSQL ${shown()} to SQLite ${join(home, "shop.db")} (encrypted)`)
      expect(back.output).toContain("  ledger_entries: 4")
      expect(back.output.split("\n").at(-1)).toMatch(/^verified: \d+ tables, 2 balances$/)
      expect((await runTokenshop(home, ["user", "show", "1002"], keys)).output).toBe(bob)
      expect((await runTokenshop(home, ["user", "show", "1001"], keys)).output).toMatch(/available .*26\.00/)
      expect((await runTokenshop(home, ["stock"], keys)).output).toBe(stock)

      // the copy is encrypted with the same key: without it, it does not open
      expect((await runTokenshop(home, ["stock"], { GOODS_ENCRYPTION_KEY: keys.GOODS_ENCRYPTION_KEY })).code).toBe(2)
      // into an SQLite file that holds a shop: refused
      const refused = await runTokenshop(dir, ["copy-data", "--from", target()], keys)
      expect(refused.code).toBe(1)
      expect(refused.output).toContain("error: the target holds a shop already: users (2)")
    }, 120_000)
  })
})
