import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { TelegramId, UserRepo } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { SqliteStorage } from "../src/index.js"
import { scratchDir } from "./support.js"

const open = (filename: string, key?: string) =>
  SqliteStorage({ filename, encryptionKey: key === undefined ? undefined : Redacted.make(key) })

const register = Effect.flatMap(UserRepo, (users) =>
  users.upsert({ id: TelegramId.make(7), username: "secret-buyer", language: "en" }, new Date(0)))

describe("encryption at rest (SQLCipher)", () => {
  it.live("an encrypted file is unreadable without the key and opens with it", () =>
    Effect.gen(function*() {
      const file = join(yield* scratchDir, "shop.db")
      yield* Effect.provide(register, open(file, "correct horse"))
      const bytes = readFileSync(file)
      expect(bytes.subarray(0, 16).toString("latin1")).not.toBe("SQLite format 3\u0000")
      expect(bytes.includes(Buffer.from("secret-buyer"))).toBe(false)
      if (existsSync(`${file}-wal`)) expect(readFileSync(`${file}-wal`).includes(Buffer.from("secret-buyer"))).toBe(false)

      for (const [key, message] of [
        ["wrong key", "cannot open database: wrong encryption key"],
        [undefined, "cannot open database: it is encrypted (a key is needed) or is not an SQLite database"]
      ] as const) {
        const error = yield* Effect.flip(Layer.build(open(file, key)))
        expect(error).toMatchObject({ _tag: "StorageUnavailable", reason: "wrong_key", message })
      }
      const again = yield* Effect.provide(Effect.flatMap(UserRepo, (u) => u.find(TelegramId.make(7))), open(file, "correct horse"))
      expect(Option.getOrThrow(again).username).toBe("secret-buyer")
    }).pipe(Effect.scoped))

  it.live("a plain file begins with the SQLite header", () =>
    Effect.gen(function*() {
      const file = join(yield* scratchDir, "plain.db")
      yield* Effect.provide(register, open(file))
      expect(readFileSync(file).subarray(0, 16).toString("latin1")).toBe("SQLite format 3\u0000")
      const error = yield* Effect.flip(Layer.build(open(file, "a key for a plain file")))
      expect(error).toMatchObject({ reason: "wrong_key" })
    }).pipe(Effect.scoped))
})
