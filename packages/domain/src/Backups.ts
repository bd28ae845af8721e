import * as Context from "effect/Context"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import type { NotAdmin } from "./Errors.js"
import { type AdminRef, Users } from "./Users.js"

/** A copy of the whole database: a file to hand over, or a hint where the engine has its own tool. */
export type BackupCopy =
  | { readonly _tag: "File"; readonly path: string; readonly name: string }
  | { readonly _tag: "External"; readonly hint: string }

export class BackupFailed extends Data.TaggedError("BackupFailed")<{ readonly reason: string }> {
  override get message() { return `the backup failed: ${this.reason}` }
}

/** The storage's copy of itself, taken while the shop runs; a file is removed when the scope closes. */
export class DatabaseBackup extends Context.Tag("@tokenshop/domain/DatabaseBackup")<DatabaseBackup, {
  readonly copy: Effect.Effect<BackupCopy, BackupFailed, Scope.Scope>
}>() {}

/** Backups for the admins. */
export class Backups extends Context.Tag("@tokenshop/domain/Backups")<Backups, {
  readonly take: (admin: AdminRef) => Effect.Effect<BackupCopy, NotAdmin | BackupFailed, Scope.Scope>
}>() {
  static readonly layer = Layer.effect(Backups, Effect.gen(function*() {
    const users = yield* Users
    const storage = yield* DatabaseBackup
    return Backups.of({ take: (admin) => Effect.zipRight(users.ensureAdmin(admin), storage.copy) })
  }))
}
