import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { DatabaseBackup } from "../Backups.js"

/** The in-memory store has no file to copy: a backup says so. */
export const DatabaseBackupMemory = Layer.succeed(DatabaseBackup, DatabaseBackup.of({
  copy: Effect.succeed({ _tag: "External", hint: "this shop keeps its data in memory only: there is no database file to copy" })
}))
