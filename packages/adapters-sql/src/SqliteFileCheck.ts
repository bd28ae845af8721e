/**
 * Checks an SQLite file before it is put in place (a backup being restored): it opens with the given
 * key (or without one), passes SQLite's integrity check, and holds a tokenshop schema. Opened read-only,
 * so the file is not changed.
 */
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import { applySqlCipherKey } from "./internal/sqlcipher.js"
import { StorageUnavailable } from "./StorageError.js"

export interface SqliteFileReport {
  /** The newest schema migration the file has (e.g. 14), 0 when it has none. */
  readonly schema: number
  readonly users: number
  readonly items: number
}

export const checkSqliteFile = (options: { readonly filename: string; readonly encryptionKey?: Redacted.Redacted<string> | undefined }) =>
  Effect.scoped(Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    if (options.encryptionKey !== undefined) yield* applySqlCipherKey(sql, options.encryptionKey)
    yield* sql.unsafe("SELECT COUNT(*) FROM sqlite_master").pipe(
      Effect.mapError((cause) =>
        new StorageUnavailable({
          reason: "wrong_key",
          message: options.encryptionKey === undefined
            ? `${options.filename} is encrypted (a key is needed) or is not an SQLite database`
            : `${options.filename} does not open with DB_ENCRYPTION_KEY: wrong key, or not an SQLite database`,
          cause
        }))
    )
    const problems = yield* sql<{ integrity_check: string }>`PRAGMA integrity_check`
    const first = problems[0]?.integrity_check ?? "no answer"
    if (first !== "ok") {
      return yield* new StorageUnavailable({ reason: "unreachable", message: `${options.filename} is damaged: ${problems.slice(0, 3).map((p) => p.integrity_check).join("; ")}` })
    }
    const tables = new Set((yield* sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`).map((r) => r.name))
    if (!tables.has("tokenshop_migrations") || !tables.has("users") || !tables.has("items")) {
      return yield* new StorageUnavailable({ reason: "unreachable", message: `${options.filename} is an SQLite database, but not a tokenshop one` })
    }
    const [schema] = yield* sql<{ n: number | null }>`SELECT MAX(migration_id) AS n FROM tokenshop_migrations`
    const [users] = yield* sql<{ n: number }>`SELECT COUNT(*) AS n FROM users`
    const [items] = yield* sql<{ n: number }>`SELECT COUNT(*) AS n FROM items`
    return { schema: Number(schema?.n ?? 0), users: Number(users?.n ?? 0), items: Number(items?.n ?? 0) } satisfies SqliteFileReport
  }).pipe(
    Effect.provide(SqliteClient.layer({ filename: options.filename, readonly: true, disableWAL: true })),
    Effect.catchTag("SqlError", (cause) => Effect.fail(new StorageUnavailable({ reason: "unreachable", message: `cannot read ${options.filename}: ${cause.message}`, cause }))),
    Effect.catchTag("ConfigError", (cause) => Effect.fail(new StorageUnavailable({ reason: "unreachable", message: `cannot open ${options.filename}: ${String(cause)}` })))
  ))
