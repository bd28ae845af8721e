/**
 * `tokenshop copy-data`: the shop from one engine to the other. Each end is opened with the storage's
 * own layers (SQLite keyed and migrated, PostgreSQL connected and migrated), so the target gets the
 * schema first; CopyShop then copies and verifies in one transaction on the target.
 */
import * as SqlClient from "@effect/sql/SqlClient"
import { SqlError } from "@effect/sql/SqlError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { PgDatabase, type PgOptions, SqliteDatabase, type SqliteOptions } from "../Storage.js"
import type { StorageUnavailable } from "../StorageError.js"
import { CopyFailed } from "./CopyFailed.js"
import { type CopyOptions, type CopyReport, copyShop } from "./CopyShop.js"

export type CopyEndpoint =
  | { readonly _tag: "Sqlite"; readonly options: SqliteOptions }
  | { readonly _tag: "Pg"; readonly options: PgOptions }

/** The database's client, open until the scope closes. */
const open = (end: CopyEndpoint) =>
  Effect.map(Layer.build(end._tag === "Sqlite" ? SqliteDatabase(end.options) : PgDatabase(end.options)), Context.get(SqlClient.SqlClient))

const reason = (e: SqlError) => {
  const cause = e.cause instanceof Error ? e.cause.message : ""
  return cause === "" ? e.message : `${e.message}: ${cause}`
}

/** Copies the whole shop from `from` to the new or empty `to`, verified; nothing is written to `to` unless it all matches. */
export const copyData = (from: CopyEndpoint, to: CopyEndpoint, options: CopyOptions = {}): Effect.Effect<CopyReport, CopyFailed | StorageUnavailable> =>
  Effect.scoped(Effect.gen(function*() {
    const source = yield* open(from)
    const target = yield* open(to)
    return yield* copyShop(source, target, options)
  })).pipe(
    Effect.catchIf((e): e is SqlError => e instanceof SqlError, (e) =>
      Effect.fail(new CopyFailed({ reason: "failed", message: `the copy failed, nothing was written: ${reason(e)}` })))
  )
