/**
 * Opens an AiogramShopBot database to read: an SQLite file (SQLCipher with a key) or a postgres:// URL.
 * The file is only read (`query_only`), and nothing is left beside it. A read-only connection to a WAL
 * file makes its -wal and -shm files and leaves them behind, where a connection that may write removes
 * them when it closes last (with nothing to checkpoint, the file itself is unchanged). So it is opened
 * read-only only when its -wal file is there already (the bot may still be running), and otherwise as a
 * connection that may write, every write refused.
 */
import { existsSync } from "node:fs"
import * as SqlClient from "@effect/sql/SqlClient"
import * as PgClient from "@effect/sql-pg/PgClient"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { applySqlCipherKey } from "../internal/sqlcipher.js"
import { MoveInFailed } from "./AnchorSchema.js"

export const isPgUrl = (source: string): boolean => /^postgres(ql)?:\/\//i.test(source)

/** The source without a password, for messages. */
export const describeSource = (source: string): string => {
  if (!isPgUrl(source)) return source
  try {
    const u = new URL(source)
    u.password = ""
    return `${u.protocol}//${u.username === "" ? "" : `${u.username}@`}${u.host}${u.pathname}`
  } catch {
    return "the PostgreSQL URL"
  }
}

const openSqlite = (file: string, key: Redacted.Redacted<string> | undefined) =>
  Effect.gen(function*() {
    if (!existsSync(file)) return yield* new MoveInFailed({ reason: "missing_source", message: `${file}: no such file` })
    const context = yield* Layer.build(SqliteClient.layer({ filename: file, readonly: existsSync(`${file}-wal`), disableWAL: true })).pipe(
      Effect.mapError((e) => new MoveInFailed({ reason: "unreachable", message: `cannot open ${file}: ${e.message}` }))
    )
    const sql = Context.get(context, SqlClient.SqlClient)
    if (key !== undefined) yield* applySqlCipherKey(sql, key)
    yield* sql.unsafe("PRAGMA query_only = 1")
    yield* sql.unsafe("SELECT COUNT(*) FROM sqlite_master").pipe(
      Effect.mapError(() =>
        new MoveInFailed(
          key === undefined
            ? { reason: "not_anchor", message: `${file} is not an SQLite database, or it is encrypted (give its key with --key-env NAME)` }
            : { reason: "wrong_key", message: `cannot open ${file}: the SQLCipher key was not accepted (or it is not an SQLite database)` }
        ))
    )
    return sql
  }).pipe(Effect.catchTag("SqlError", (e) => Effect.fail(new MoveInFailed({ reason: "unreachable", message: `cannot open ${file}: ${e.message}` }))))

const openPg = (url: string) =>
  Effect.gen(function*() {
    const context = yield* Layer.build(PgClient.layer({ url: Redacted.make(url), maxConnections: 2 })).pipe(
      Effect.mapError(() => new MoveInFailed({ reason: "unreachable", message: `cannot reach ${describeSource(url)}` }))
    )
    return Context.get(context, SqlClient.SqlClient)
  })

/** The source's client, closed with the scope. */
export const openAnchorSource = (source: string, key: Redacted.Redacted<string> | undefined) =>
  isPgUrl(source) ? openPg(source) : openSqlite(source, key)
