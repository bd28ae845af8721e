/** SQLite commits reach the disk before they are answered (synchronous = FULL) unless the owner opts out. */
import { join } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { SqliteDatabase } from "../src/index.js"
import { scratchDir } from "./support.js"

const level = Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ synchronous: number }>`PRAGMA synchronous`).pipe(Effect.map((rows) => Number(rows[0]!.synchronous)))

describe("SQLite durability", () => {
  it.live("is FULL by default (2), NORMAL (1) only when asked for, in WAL mode either way", () =>
    Effect.gen(function*() {
      const dir = yield* scratchDir
      expect(yield* Effect.provide(level, SqliteDatabase({ filename: join(dir, "a.db") }))).toBe(2)
      expect(yield* Effect.provide(level, SqliteDatabase({ filename: join(dir, "b.db"), synchronous: "normal" }))).toBe(1)
      const mode = Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ journal_mode: string }>`PRAGMA journal_mode`)
      expect((yield* Effect.provide(mode, SqliteDatabase({ filename: join(dir, "a.db") })))[0]!.journal_mode).toBe("wal")
    }).pipe(Effect.scoped))
})
