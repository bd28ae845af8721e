/**
 * Goods sealed at rest by default: with no GOODS_ENCRYPTION_KEY, the first command that writes makes
 * the key file (0600, outside the data folder, said once), the next ones use it silently; a missing
 * file with sealed goods, a key file unlike the variable, a file holding no key or readable by others
 * are refused, naming the file; `config check` names where the key is; no backup holds it; an older
 * shop's goods in clear stay readable and `keys rotate` seals them.
 */
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { join, relative } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import { keyId, SqliteStorage } from "@tokenshop/adapters-sql"
import { Catalog, CatalogRepo, operator } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { afterAll, describe, expect, it, vi } from "vitest"
import { buyer, idlePolling, startEmulator, unsupportedMethods } from "@tokenshop/adapters-telegram/emulator"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import { databaseConfig } from "../src/Config.js"
import { startLayer } from "../src/Start.js"
import { cliDir, removeDir, runTokenshop } from "./cliHarness.js"

const dirs: Array<string> = []
afterAll(() => dirs.forEach(removeDir))

/** A shop laid out as in production: the database in data/, the key file beside it (as beside .env). */
const shop = () => {
  const dir = cliDir()
  dirs.push(dir)
  const stock = join(dir, "stock.txt")
  writeFileSync(stock, "Games;Steam;key;4.99;SECRET-GOOD-1\nGames;Steam;key;4.99;SECRET-GOOD-2\n")
  const keyFile = join(dir, "tokenshop-goods.key")
  return { dir, stock, keyFile, data: join(dir, "data"), env: { DATABASE_FILE: join(dir, "data", "tokenshop.db"), GOODS_KEY_FILE: keyFile } }
}

/** Every byte under `folder` (the database, its log, its backups). */
const bytesUnder = (folder: string): Buffer =>
  Buffer.concat(readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => readFileSync(join(e.parentPath, e.name))))

const MADE = "made a new key for the delivered goods"
const TOKEN = "123456:goodskey"

describe("the goods key file", () => {
  it("defaults to tokenshop-goods.key beside the settings file, out of ./data", () => {
    const read = () => Effect.runSync(Effect.withConfigProvider(databaseConfig, ConfigProvider.fromMap(new Map())))
    expect(read().goodsKeyFile).toBe("tokenshop-goods.key")
    expect(read().file).toBe("./data/tokenshop.db")
    const before = process.env["ENV_FILE"]
    process.env["ENV_FILE"] = "/etc/tokenshop/env"
    try {
      expect(read().goodsKeyFile).toBe("/etc/tokenshop/tokenshop-goods.key")
    } finally {
      if (before === undefined) delete process.env["ENV_FILE"]
      else process.env["ENV_FILE"] = before
    }
  })

  it("the first import makes it (0600, outside data/) and says so once; the goods are sealed on disk; the next commands use it silently", async () => {
    const s = shop()
    const first = await runTokenshop(s.dir, ["import", s.stock], s.env)
    expect(first.code).toBe(0)
    expect(first.notes).toContain(`${MADE}, in ${s.keyFile} (mode 0600)`)
    expect(first.notes).toContain("Back it up now, apart from the database and its backups")
    expect(first.notes).not.toContain("warning: the key file is inside")
    expect(statSync(s.keyFile).mode & 0o777).toBe(0o600)
    expect(relative(s.data, s.keyFile).startsWith("..")).toBe(true)
    const key = readFileSync(s.keyFile, "utf8")
    expect(key).toMatch(/^[0-9a-f]{64}\n$/)
    const disk = bytesUnder(s.data)
    expect(disk.includes("SECRET-GOOD")).toBe(false)
    expect(disk.includes(key.trim())).toBe(false)

    const again = await runTokenshop(s.dir, ["keys", "rotate"], s.env)
    expect(again.output).toContain("(0 re-sealed)") // every good already sealed under the file's key
    expect(again.notes).not.toContain(MADE)
    expect(readFileSync(s.keyFile, "utf8")).toBe(key)
  })

  it("the first start makes it and says so once; the next start and an import use it silently, sealing the goods", async () => {
    const s = shop()
    const server = await startEmulator()
    const warned: Array<string> = []
    const warn = vi.spyOn(console, "warn").mockImplementation((...a: Array<unknown>) => void warned.push(a.join(" ")))
    const env = new Map([["BOT_TOKEN", TOKEN], ["TELEGRAM_API_ROOT", server.config.apiURL], ["THROTTLE_MS", "0"], ...Object.entries(s.env)])
    /** Starts the shop, waits for its answer to a new buyer, stops it. */
    const startOnce = async (user: number) => {
      const running = Effect.runFork(Layer.launch(startLayer({ transformers: [unsupportedMethods(), idlePolling] })).pipe(Effect.withConfigProvider(ConfigProvider.fromMap(env))))
      const someone = buyer(server, TOKEN, user)
      await someone.say("/start")
      await someone.waitFor((m) => m.text.includes("Welcome"), "the menu")
      await Effect.runPromise(Fiber.interrupt(running))
    }
    try {
      await startOnce(1)
      expect(warned.filter((w) => w.includes(MADE))).toEqual([expect.stringContaining(`${MADE}, in ${s.keyFile} (mode 0600)`)])
      expect(statSync(s.keyFile).mode & 0o777).toBe(0o600)
      const key = readFileSync(s.keyFile, "utf8")
      await startOnce(2)
      expect(warned.filter((w) => w.includes(MADE))).toHaveLength(1)
      expect(readFileSync(s.keyFile, "utf8")).toBe(key)
    } finally {
      warn.mockRestore()
      await server.stop()
    }
    const imported = await runTokenshop(s.dir, ["import", s.stock], s.env)
    expect(imported.code).toBe(0)
    expect(imported.notes).not.toContain(MADE)
    expect(bytesUnder(s.data).includes("SECRET-GOOD")).toBe(false)
  }, 60_000)

  it("a start refuses goods sealed under a key file that is gone, naming the file and the variable, and makes no new one", async () => {
    const s = shop()
    expect((await runTokenshop(s.dir, ["import", s.stock], s.env)).code).toBe(0)
    rmSync(s.keyFile)
    for (const command of [["stats"], ["start"]]) {
      const refused = await runTokenshop(s.dir, command, { ...s.env, BOT_TOKEN: "1:x", TELEGRAM_API_ROOT: "http://127.0.0.1:9" })
      expect(refused.code).toBe(2)
      expect(refused.output).toContain(`GOODS_ENCRYPTION_KEY is not set and the key file ${s.keyFile} does not exist`)
      expect(existsSync(s.keyFile)).toBe(false)
    }
  })

  it("GOODS_ENCRYPTION_KEY and a key file with another key are refused; the same key in both is fine; the variable alone needs no file", async () => {
    const s = shop()
    expect((await runTokenshop(s.dir, ["import", s.stock], s.env)).code).toBe(0)
    const key = readFileSync(s.keyFile, "utf8").trim()
    const other = await runTokenshop(s.dir, ["stats"], { ...s.env, GOODS_ENCRYPTION_KEY: "3".repeat(64) })
    expect(other.code).toBe(2)
    expect(other.output).toContain(`GOODS_ENCRYPTION_KEY and the goods key file ${s.keyFile} hold different keys`)
    expect((await runTokenshop(s.dir, ["stats"], { ...s.env, GOODS_ENCRYPTION_KEY: key.toUpperCase() })).code).toBe(0)
    rmSync(s.keyFile)
    expect((await runTokenshop(s.dir, ["stats"], { ...s.env, GOODS_ENCRYPTION_KEY: key })).code).toBe(0)
    expect(existsSync(s.keyFile)).toBe(false)
  })

  it("the key file's key is rotated like the variable's: the old one in GOODS_ENCRYPTION_KEYS_OLD, a new one in the file, keys rotate", async () => {
    const s = shop()
    expect((await runTokenshop(s.dir, ["import", s.stock], s.env)).code).toBe(0)
    const old = readFileSync(s.keyFile, "utf8").trim()
    writeFileSync(s.keyFile, `${"6".repeat(64)}\n`, { mode: 0o600 })
    expect((await runTokenshop(s.dir, ["stats"], s.env)).output).toContain(`(the key file ${s.keyFile} holds another key; list older keys in GOODS_ENCRYPTION_KEYS_OLD`)
    const rotated = await runTokenshop(s.dir, ["keys", "rotate"], { ...s.env, GOODS_ENCRYPTION_KEYS_OLD: old })
    expect(rotated.output).toContain("(2 re-sealed)")
    expect((await runTokenshop(s.dir, ["stats"], s.env)).code).toBe(0)
  })

  it("a key file that holds no key, or that others may read, is refused with what to do", async () => {
    const s = shop()
    writeFileSync(s.keyFile, "not a key\n", { mode: 0o600 })
    const bad = await runTokenshop(s.dir, ["stats"], s.env)
    expect(bad.code).toBe(2)
    expect(bad.output).toContain(`the goods key file ${s.keyFile} does not hold a goods key (64 hex digits)`)
    writeFileSync(s.keyFile, `${"4".repeat(64)}\n`)
    chmodSync(s.keyFile, 0o644)
    const open = await runTokenshop(s.dir, ["stats"], s.env)
    expect(open.code).toBe(2)
    expect(open.output).toContain(`may be read by others (mode 644): check who could have read it, then chmod 600 ${s.keyFile}`)
    chmodSync(s.keyFile, 0o600)
    expect((await runTokenshop(s.dir, ["stats"], s.env)).code).toBe(0)
    const unwritable = join(s.stock, "goods.key") // under a file: no folder can be made there (as with the service's read-only folders)
    const refused = await runTokenshop(s.dir, ["stats"], { DATABASE_FILE: join(s.dir, "other.db"), GOODS_KEY_FILE: unwritable })
    expect(refused.code).toBe(2)
    expect(refused.output).toContain(`cannot write the new goods key file ${unwritable}:`)
    expect(refused.output).toContain("run `npm run -s tokenshop -- migrate` once as the shop's user in its folder")
    expect(refused.output).not.toContain("does not exist: put the key file back")
  })

  it("config check says where the key is, never the key", async () => {
    const s = shop()
    const before = await runTokenshop(s.dir, ["config", "check"], s.env)
    expect(before.output).toContain(`delivered goods at rest: encrypted, the key in the key file ${s.keyFile} (not made yet: the first start or import makes it)`)
    expect(existsSync(s.keyFile)).toBe(false) // a check makes nothing
    await runTokenshop(s.dir, ["import", s.stock], s.env)
    const key = readFileSync(s.keyFile, "utf8").trim()
    const after = await runTokenshop(s.dir, ["config", "check"], s.env)
    expect(after.output).toContain(`delivered goods at rest: encrypted, the key in the key file ${s.keyFile}\n`)
    const variable = await runTokenshop(s.dir, ["config", "check"], { ...s.env, GOODS_ENCRYPTION_KEY: key })
    expect(variable.output).toContain("delivered goods at rest: encrypted, the key from GOODS_ENCRYPTION_KEY")
    for (const out of [before, after, variable]) expect(`${out.output}${out.notes}`).not.toContain(key)
    chmodSync(s.keyFile, 0o640)
    const problem = await runTokenshop(s.dir, ["config", "check"], s.env)
    expect(problem.code).toBe(2)
    expect(problem.output).toContain("may be read by others (mode 640)")
  })

  it("no backup holds the key: tokenshop backup and the scheduled backups write the database alone", async () => {
    const s = shop()
    await runTokenshop(s.dir, ["import", s.stock], s.env)
    const key = readFileSync(s.keyFile, "utf8").trim()
    expect((await runTokenshop(s.dir, ["backup", join(s.data, "copy.db")], s.env)).code).toBe(0)
    expect((await runTokenshop(s.dir, ["backup", "--scheduled"], { ...s.env, BACKUP_EVERY: "1d" })).code).toBe(0)
    expect(readdirSync(join(s.data, "backups"))).toEqual([expect.stringMatching(/^tokenshop-.*\.db$/)])
    const disk = bytesUnder(s.data)
    expect(disk.includes(key)).toBe(false)
    expect(disk.includes(Buffer.from(key, "hex"))).toBe(false)
    expect(disk.includes("SECRET-GOOD")).toBe(false)
  })

  it("an older shop with goods in clear: the upgrade makes the key, the goods stay readable, keys rotate seals them", async () => {
    const s = shop()
    const filename = s.env.DATABASE_FILE
    await runTokenshop(s.dir, ["migrate"], { DATABASE_FILE: filename, GOODS_ENCRYPTION_KEY: "5".repeat(64) }) // the schema, no key file
    await Effect.runPromise(Effect.flatMap(Catalog, (c) => c.importFile(operator("old"), "txt", readFileSync(s.stock, "utf8"))).pipe(
      Effect.provide(ShopMemory({}, { storage: SqliteStorage({ filename }) })) // as before: no key, goods in clear
    ))
    const rows = (keys?: Parameters<typeof SqliteStorage>[0]["goodsKeys"]) => Effect.runPromise(Effect.scoped(
      Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ p: string }>`SELECT private_data AS p FROM items ORDER BY id`).pipe(
        Effect.provide(SqliteStorage({ filename, goodsKeys: keys }))
      )
    )).then((r) => r.map((x) => x.p))
    expect(await rows()).toEqual(["SECRET-GOOD-1", "SECRET-GOOD-2"])

    const upgraded = await runTokenshop(s.dir, ["stats"], s.env)
    expect(upgraded.code).toBe(0)
    expect(upgraded.notes).toContain(MADE)
    expect(upgraded.notes).toContain("Goods stored in clear before stay readable as they are; `tokenshop keys rotate` seals them.")
    const key = readFileSync(s.keyFile, "utf8").trim()
    const fileKeys = { current: Redacted.make(key) }
    expect(await rows(fileKeys)).toEqual(["SECRET-GOOD-1", "SECRET-GOOD-2"]) // still in clear on disk
    const claimed = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const catalog = yield* CatalogRepo
      const sub = yield* catalog.ensureSubcategory((yield* catalog.ensureCategory("Games")).id, "Steam")
      return yield* catalog.claimUnsold(sub.id, 2)
    }).pipe(Effect.provide(SqliteStorage({ filename, goodsKeys: fileKeys })))))
    expect(claimed.map((c) => c.privateData).sort()).toEqual(["SECRET-GOOD-1", "SECRET-GOOD-2"]) // read as they are under the new key

    const rotated = await runTokenshop(s.dir, ["keys", "rotate"], s.env)
    expect(rotated.output).toContain("(2 re-sealed)")
    const sealed = await rows(fileKeys)
    expect(sealed.every((p) => p.startsWith(`enc1:${keyId(Buffer.from(key, "hex"))}:`))).toBe(true)
  })
})
