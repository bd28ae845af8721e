/**
 * A consistent copy of the running database. SQLite: `VACUUM INTO` a temporary file, taken in one
 * read transaction while the shop keeps serving; with SQLCipher on, the copy is encrypted with the
 * same key (the page-by-page backup API refuses an encrypted source). PostgreSQL: pg_dump does it better.
 */
import * as SqlClient from "@effect/sql/SqlClient"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import { BackupFailed, DatabaseBackup } from "@tokenshop/domain"
import { randomBytes } from "node:crypto"
import { open, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"

const stamp = (millis: number) => new Date(millis).toISOString().slice(0, 19).replaceAll(":", "-")

export const SqlBackup = Layer.effect(DatabaseBackup, Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const sqlite = yield* Effect.serviceOption(SqliteClient.SqliteClient)
  if (Option.isNone(sqlite)) {
    return DatabaseBackup.of({
      copy: Effect.succeed({ _tag: "External", hint: "PostgreSQL: take backups with pg_dump, e.g. pg_dump --format=custom DATABASE_URL > shop.dump" })
    })
  }
  return DatabaseBackup.of({
    copy: Effect.gen(function*() {
      const path = join(tmpdir(), `tokenshop-backup-${randomBytes(8).toString("hex")}.db`)
      yield* Effect.addFinalizer(() => Effect.promise(() => rm(path, { force: true })))
      // Made empty first, readable by the shop's user only: VACUUM INTO fills it and keeps its mode.
      yield* Effect.tryPromise({ try: () => open(path, "wx", 0o600).then((f) => f.close()), catch: (e) => new BackupFailed({ reason: String(e) }) })
      yield* sql`VACUUM INTO ${path}`.pipe(Effect.mapError((e) => new BackupFailed({ reason: e.message })))
      return { _tag: "File" as const, path, name: `tokenshop-${stamp(yield* Clock.currentTimeMillis)}.db` }
    })
  })
}))
