/** The admin's backup: a consistent copy of the running SQLite file, still encrypted when SQLCipher is on; PostgreSQL points to pg_dump. */
import { copyFileSync, existsSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { DatabaseBackup, TelegramId, UserRepo } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { SqliteStorage } from "../src/index.js"
import { pgStorage, pgUrl, scratchDir } from "./support.js"

const open = (filename: string, key?: string) =>
  SqliteStorage({ filename, encryptionKey: key === undefined ? undefined : Redacted.make(key) })
const register = Effect.flatMap(UserRepo, (users) => users.upsert({ id: TelegramId.make(9), username: "kept-buyer", language: null }, new Date(0)))
const find = Effect.flatMap(UserRepo, (u) => u.find(TelegramId.make(9)))

describe("backups", () => {
  for (const key of [undefined, "backup key"]) {
    it.live(`a copy of the ${key === undefined ? "plain" : "encrypted"} database opens like the original, and is removed after use`, () =>
      Effect.gen(function*() {
        const dir = yield* scratchDir
        let copied = ""
        yield* Effect.gen(function*() {
          yield* register
          const copy = yield* Effect.scoped(Effect.gen(function*() {
            const c = yield* Effect.flatMap(DatabaseBackup, (b) => b.copy)
            if (c._tag !== "File") return c
            copied = c.path
            expect(statSync(c.path).mode & 0o777).toBe(0o600)
            const bytes = readFileSync(c.path)
            expect(bytes.subarray(0, 16).toString("latin1") === "SQLite format 3\u0000").toBe(key === undefined)
            expect(bytes.includes(Buffer.from("kept-buyer"))).toBe(key === undefined)
            expect(c.name).toMatch(/^tokenshop-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.db$/)
            return c
          }))
          expect(copy._tag).toBe("File")
        }).pipe(Effect.provide(open(join(dir, "shop.db"), key)))
        expect(existsSync(copied)).toBe(false)
      }).pipe(Effect.scoped))
  }

  it.live("the copy holds what was committed, and opens with the same key", () =>
    Effect.gen(function*() {
      const dir = yield* scratchDir
      const target = join(dir, "restored.db")
      yield* Effect.gen(function*() {
        yield* register
        yield* Effect.scoped(Effect.gen(function*() {
          const c = yield* Effect.flatMap(DatabaseBackup, (b) => b.copy)
          if (c._tag === "File") yield* Effect.sync(() => copyFileSync(c.path, target))
        }))
      }).pipe(Effect.provide(open(join(dir, "shop.db"), "k")))
      const restored = yield* Effect.provide(find, open(target, "k"))
      expect(Option.getOrThrow(restored).username).toBe("kept-buyer")
    }).pipe(Effect.scoped))

  it.live.skipIf(pgUrl === undefined)("PostgreSQL says to use pg_dump", () =>
    Effect.gen(function*() {
      const c = yield* Effect.scoped(Effect.flatMap(DatabaseBackup, (b) => b.copy))
      expect(c).toMatchObject({ _tag: "External" })
      expect(c._tag === "External" && c.hint).toContain("pg_dump")
    }).pipe(Effect.provide(pgStorage())))
})
