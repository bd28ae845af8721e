/** Backups written on schedule and put back with restore, through the command line. */
import { spawn } from "node:child_process"
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { cliDir, removeDir, runTokenshop } from "./cliHarness.js"

const dir = cliDir()
afterAll(() => removeDir(dir))

describe("backups and restore", () => {
  it("a backup into a missing folder names the folder; scheduled rounds keep the newest BACKUP_KEEP, 0600, encrypted", async () => {
    const env = { DATABASE_FILE: join(dir, "enc", "shop.db"), DB_ENCRYPTION_KEY: "a-long-enough-key-1234", BACKUP_KEEP: "2" }
    mkdirSync(join(dir, "enc"))
    expect((await runTokenshop(dir, ["migrate"], env)).code).toBe(0)
    const missing = await runTokenshop(dir, ["backup", join(dir, "nowhere", "b.db")], env)
    expect(missing).toEqual({ code: 1, output: `error: cannot write ${join(dir, "nowhere", "b.db")}: the folder ${join(dir, "nowhere")} does not exist (create it first)` })
    expect((await runTokenshop(dir, ["backup"], env)).output).toBe("error: give either OUT_FILE or --scheduled")
    const written: Array<string> = []
    for (let i = 0; i < 3; i++) {
      const round = await runTokenshop(dir, ["backup", "--scheduled"], env)
      expect(round.code).toBe(0)
      written.push(/backed up to (\S+?)(;|$)/.exec(round.output)![1]!)
      if (i === 2) expect(round.output).toContain(`removed 1 older (BACKUP_KEEP=2): ${written[0]}`)
    }
    const folder = join(dir, "enc", "backups")
    expect(readdirSync(folder).sort()).toEqual(written.slice(1).map((p) => p.slice(folder.length + 1)).sort())
    for (const f of readdirSync(folder)) {
      expect(statSync(join(folder, f)).mode & 0o777).toBe(0o600)
      expect(readFileSync(join(folder, f)).subarray(0, 15).toString()).not.toBe("SQLite format 3")
    }
    const pg = await runTokenshop(dir, ["backup", "--scheduled"], { DATABASE_URL: "postgres://x@127.0.0.1:9/x", BACKUP_EVERY: "6h" })
    expect(pg.output).toContain("BACKUP_EVERY")
    expect((await runTokenshop(dir, ["backup", "--scheduled"], { ...env, BACKUP_EVERY: "often" })).output).toContain("like 6h or 1d")
  })

  it("restore puts a backup back, keeps the replaced database aside, and refuses a running shop, a bad file or a wrong key", async () => {
    const env = { DATABASE_FILE: join(dir, "shop.db") }
    await runTokenshop(dir, ["user", "credit", "77", "10", "--reason", "first", "--create"], env)
    const backup = join(dir, "before.db")
    expect((await runTokenshop(dir, ["backup", backup], env)).code).toBe(0)
    await runTokenshop(dir, ["user", "credit", "77", "5", "--reason", "second"], env)
    expect((await runTokenshop(dir, ["user", "show", "77"], env)).output).toContain("available 15.00 USD")

    const sleeper = spawn("sleep", ["30"])
    writeFileSync(join(dir, "shop.db.pid"), `${sleeper.pid}\n`)
    const running = await runTokenshop(dir, ["restore", backup], env)
    sleeper.kill()
    rmSync(join(dir, "shop.db.pid"))
    expect(running).toEqual({ code: 1, output: `error: the shop is running on ${join(dir, "shop.db")} (process ${sleeper.pid}): stop it first (e.g. systemctl stop tokenshop), then restore` })

    writeFileSync(join(dir, "junk.db"), "SQLite format 3\u0000".padEnd(4096, "x"))
    expect((await runTokenshop(dir, ["restore", join(dir, "junk.db")], env)).output).toMatch(/^backup|^error: /)
    expect((await runTokenshop(dir, ["restore", join(dir, "junk.db")], env)).code).not.toBe(0)
    expect((await runTokenshop(dir, ["restore", backup], { ...env, DB_ENCRYPTION_KEY: "a-long-enough-key-1234" })).output).toContain("does not open with DB_ENCRYPTION_KEY")
    writeFileSync(`${backup}-wal`, "")
    expect((await runTokenshop(dir, ["restore", backup], env)).output).toContain(`${backup}-wal exists beside the backup`)
    rmSync(`${backup}-wal`)
    expect((await runTokenshop(dir, ["restore", backup], { DATABASE_URL: "postgres://x@127.0.0.1:9/x" })).output).toContain("pg_restore")

    writeFileSync(join(dir, "shop.db-shm"), "index") // as a stopped shop's files may be left
    const restored = await runTokenshop(dir, ["restore", backup], env)
    expect(restored.output).toContain("restored")
    expect(restored.code).toBe(0)
    expect(restored.output).toContain(`backup ${backup}: intact (integrity check ok), schema `)
    expect(restored.output).toMatch(/kept the replaced database aside: .*shop\.db\.replaced-.*, .*shop\.db\.replaced-.*-shm \(its -wal and -shm files are its write-ahead log/)
    expect(statSync(join(dir, "shop.db")).mode & 0o777).toBe(0o600)
    expect(existsSync(join(dir, "shop.db-shm"))).toBe(false)
    expect((await runTokenshop(dir, ["user", "show", "77"], env)).output).toContain("available 10.00 USD")
    expect(readdirSync(dir).filter((f) => f.startsWith("shop.db.replaced-") && f.endsWith(".db") === false).length).toBeGreaterThanOrEqual(1)
  })
})
