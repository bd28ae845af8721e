/** `tokenshop config check`, and settings read from a .env file that the environment overrides. */
import { spawn } from "node:child_process"
import { writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { cliDir, removeDir, runTokenshop } from "./cliHarness.js"

const dir = cliDir()
afterAll(() => removeDir(dir))
const bundle = resolve(import.meta.dirname, "../dist/tokenshop.mjs")

/** The bundled command, run in `cwd` with only `env` (no inherited settings). */
const run = (args: ReadonlyArray<string>, cwd: string, env: Record<string, string> = {}) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [bundle, ...args], { cwd, env: { PATH: process.env["PATH"] ?? "", HOME: cwd, ...env } })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()))
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()))
    child.on("close", (code) => done({ code, stdout, stderr }))
  })

describe("tokenshop config check", () => {
  it("lists every problem at once, each naming its variable, and exits 2", async () => {
    const bad = await runTokenshop(dir, ["config", "check"], { SHOP_CURRENCY: "XYZ", KRYPTOEXPRESS_API_KEY: "k", KRYPTOEXPRESS_API_URL: "http://example.com/api", BACKUP_EVERY: "often" })
    expect(bad.code).toBe(2)
    expect(bad.output).toContain("3 problem(s):")
    expect(bad.output).toMatch(/ {2}SHOP_CURRENCY: /)
    expect(bad.output).toMatch(/ {2}KRYPTOEXPRESS_API_URL: must use https/)
    expect(bad.output).toMatch(/ {2}BACKUP_EVERY: must be a number and a unit/)
    expect(bad.output.split("\n").at(-1)).toBe("error: the configuration has 3 problem(s), listed above")
  })

  it("shows the database, the features and no secret", async () => {
    const ok = await runTokenshop(dir, ["config", "check"], {
      BOT_TOKEN: "123456:SECRET-TOKEN",
      DB_ENCRYPTION_KEY: "a-secret-database-key",
      ADMIN_IDS: "1,2",
      KRYPTOEXPRESS_API_KEY: "secret-api-key",
      BACKUP_EVERY: "1d"
    })
    expect(ok.code).toBe(0)
    expect(ok.output).toContain(`database: SQLite ${join(dir, "shop.db")} (encrypted) (does not exist yet: a new, empty shop would be created)`)
    expect(ok.output).toContain("telegram: bot 123456 (token set), polling")
    expect(ok.output).toContain("payment processor: KryptoExpress at https://kryptoexpress.pro/api")
    expect(ok.output).toContain("a second admin approves from 100.00 USD alone, or from 100.00 USD withdrawn in 24 hours")
    expect(ok.output).toContain(`scheduled backups: every 1d into ${join(dir, "backups")}, keeping 7`)
    expect(ok.output).toContain("every setting is valid")
    for (const secret of ["SECRET-TOKEN", "a-secret-database-key", "secret-api-key"]) expect(ok.output).not.toContain(secret)
    const pg = await runTokenshop(dir, ["config", "check"], { DATABASE_URL: "postgres://shop:pw-secret@db.example:5432/shop" })
    expect(pg.output).toContain("database: PostgreSQL postgres://shop@db.example:5432/shop")
    expect(pg.output).not.toContain("pw-secret")
  })

  it("shows the daily approval total, and names WITHDRAWAL_APPROVAL_DAILY when it is wrong", async () => {
    const set = await runTokenshop(dir, ["config", "check"], { ADMIN_IDS: "1,2", WITHDRAWAL_APPROVAL_DAILY: "250" })
    expect(set.output).toContain("a second admin approves from 100.00 USD alone, or from 250.00 USD withdrawn in 24 hours")
    const off = await runTokenshop(dir, ["config", "check"], { ADMIN_IDS: "1,2", WITHDRAWAL_APPROVAL_ABOVE: "off", WITHDRAWAL_APPROVAL_DAILY: "300" })
    expect(off.output).toContain("withdrawals: new addresses usable after 24 h; a second admin approves from 300.00 USD withdrawn in 24 hours")
    const bad = await runTokenshop(dir, ["config", "check"], { ADMIN_IDS: "1,2", WITHDRAWAL_APPROVAL_DAILY: "lots" })
    expect(bad.code).toBe(2)
    expect(bad.output).toMatch(/ {2}WITHDRAWAL_APPROVAL_DAILY: must be an amount in USD, or off/)
  })

  it("reads .env in the working directory (or ENV_FILE); the environment wins over it", async () => {
    writeFileSync(join(dir, ".env"), ["# the shop's settings", "SHOP_CURRENCY=EUR", "DATABASE_FILE=./from-env-file.db", "ADMIN_IDS=\"5, 6\""].join("\n"))
    const read = await run(["config", "check"], dir)
    expect(read.code).toBe(0)
    expect(read.stdout).toContain(`settings: the environment, then ${join(dir, ".env")}`)
    expect(read.stdout).toContain("shop: currency EUR, 2 admin(s)")
    expect(read.stdout).toContain(`database: SQLite ${join(dir, "from-env-file.db")}`)
    const overridden = await run(["config", "check"], dir, { SHOP_CURRENCY: "GBP" })
    expect(overridden.stdout).toContain("shop: currency GBP")
    writeFileSync(join(dir, "other.env"), "SHOP_CURRENCY=JPY\n")
    expect((await run(["config", "check"], dir, { ENV_FILE: join(dir, "other.env") })).stdout).toContain("shop: currency JPY")
    const stats = await run(["stats"], dir)
    expect(stats.stderr).toContain(`database: SQLite ${join(dir, "from-env-file.db")}`)
    expect(stats.stdout).toContain("0.00 EUR")
  })
})
