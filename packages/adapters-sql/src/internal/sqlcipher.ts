/**
 * Keys an SQLite connection for SQLCipher (v4 format, through SQLite3MultipleCiphers): before
 * anything else touches the file. @effect/sql records each statement's text on its span: the key runs
 * untraced, and a failure keeps no text of it. Whether the key fits shows at the first read.
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { StorageUnavailable } from "../StorageError.js"

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`

export const applySqlCipherKey = (sql: SqlClient.SqlClient, key: Redacted.Redacted<string>) =>
  Effect.gen(function*() {
    yield* sql.unsafe("PRAGMA cipher = 'sqlcipher'")
    yield* sql.unsafe("PRAGMA legacy = 4")
    yield* sql.unsafe(`PRAGMA key = ${quote(Redacted.value(key))}`).pipe(Effect.withTracerEnabled(false))
  })

/** The shop's first read after keying (or not): a file that does not open says whether a key was missing or wrong. */
export const firstRead = (sql: SqlClient.SqlClient, keyed: boolean) =>
  sql.unsafe("SELECT COUNT(*) FROM sqlite_master").pipe(
    Effect.mapError((cause) =>
      new StorageUnavailable({
        reason: "wrong_key",
        message: keyed ? "cannot open database: wrong encryption key" : "cannot open database: it is encrypted (a key is needed) or is not an SQLite database",
        cause
      }))
  )
