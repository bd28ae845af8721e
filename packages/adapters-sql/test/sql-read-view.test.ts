import { createHash } from "node:crypto"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { TelegramId, UserRepo } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import pg from "pg"
import { PgReadView, PgStorage, SqliteReadView, SqliteStorage } from "../src/index.js"
import { dropPgSchemas, freshSchema, pgUrl, scratchDir } from "./support.js"

const now = new Date("2026-11-28T00:00:00Z")
const digest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex")

/** Users in the shop, and whether a write is refused. */
const readAndTryWrite = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const [users] = yield* sql<{ n: unknown }>`SELECT COUNT(*) AS n FROM users`
  const write = yield* Effect.exit(sql`INSERT INTO categories (name) VALUES ('written')`)
  return { users: Number(users!.n), refused: write._tag === "Failure" }
})

/** A shop with one user in `file`, closed again (SQLite, WAL mode, as the shop leaves it). */
const makeShop = (file: string, encryptionKey?: string) =>
  Effect.provide(
    Effect.flatMap(UserRepo, (users) => users.upsert({ id: TelegramId.make(7), username: "owner", language: "en" }, now)),
    SqliteStorage({ filename: file, encryptionKey: encryptionKey === undefined ? undefined : Redacted.make(encryptionKey) })
  )

describe("reading the shop's database without writing it", () => {
  it.live("no file: a new shop in memory, and no file or folder made", () =>
    Effect.gen(function*() {
      const dir = yield* scratchDir
      let told = 0
      const view = SqliteReadView({ filename: join(dir, "data", "shop.db"), onNewShop: Effect.sync(() => void told++) })
      expect(yield* Effect.provide(readAndTryWrite, view)).toEqual({ users: 0, refused: false })
      expect([told, readdirSync(dir)]).toEqual([1, []])
    }).pipe(Effect.scoped))

  it.live("an existing file (plain or encrypted) is read as it is and left byte for byte, with no -wal or -shm file", () =>
    Effect.gen(function*() {
      const dir = yield* scratchDir
      for (const key of [undefined, "a key of at least sixteen characters"]) {
        const file = join(dir, key === undefined ? "plain.db" : "encrypted.db")
        yield* makeShop(file, key)
        const before = { files: readdirSync(dir).sort(), digest: digest(file) }
        const view = SqliteReadView({ filename: file, encryptionKey: key === undefined ? undefined : Redacted.make(key) })
        expect(yield* Effect.provide(readAndTryWrite, view)).toEqual({ users: 1, refused: true })
        expect({ files: readdirSync(dir).sort(), digest: digest(file) }).toEqual(before)
      }
    }).pipe(Effect.scoped))

  it.live("a file at an older schema is refused, unchanged", () =>
    Effect.gen(function*() {
      const file = join(yield* scratchDir, "old.db")
      yield* makeShop(file)
      yield* Effect.provide(
        Effect.flatMap(SqlClient.SqlClient, (sql) => sql`DELETE FROM tokenshop_migrations WHERE migration_id > 12`),
        SqliteClient.layer({ filename: file })
      ).pipe(Effect.orDie)
      const before = digest(file)
      const error = yield* Effect.flip(Effect.provide(readAndTryWrite, SqliteReadView({ filename: file })))
      expect(error.message).toMatch(/^.*old\.db is at schema 12, older than this tokenshop's \(\d+\), and is only read here/)
      expect(digest(file)).toBe(before)
    }).pipe(Effect.scoped))

  describe.skipIf(pgUrl === undefined)("PostgreSQL", () => {
    afterAll(dropPgSchemas)
    const url = Redacted.make(pgUrl ?? "")
    const schemaExists = (schema: string) =>
      Effect.promise(async () => {
        const client = new pg.Client({ connectionString: pgUrl })
        await client.connect()
        const { rows } = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema])
        await client.end()
        return rows.length > 0
      })

    it.live("every transaction is read-only; a schema with no shop reads as a new one and is not created", () =>
      Effect.gen(function*() {
        const schema = freshSchema()
        yield* Effect.provide(
          Effect.flatMap(UserRepo, (users) => users.upsert({ id: TelegramId.make(7), username: "owner", language: "en" }, now)),
          PgStorage({ url, schema })
        )
        expect(yield* Effect.provide(readAndTryWrite, PgReadView({ url, schema }))).toEqual({ users: 1, refused: true })
        const missing = freshSchema()
        let told = 0
        const view = PgReadView({ url, schema: missing, onNewShop: Effect.sync(() => void told++) })
        expect(yield* Effect.provide(readAndTryWrite, view)).toEqual({ users: 0, refused: false })
        expect([told, yield* schemaExists(missing)]).toEqual([1, false])
      }), 60_000)
  })
})
