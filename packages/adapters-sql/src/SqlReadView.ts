/**
 * The shop's database opened to be read and never created or changed, for a run that promises to write
 * nothing (the dry run of `tokenshop migrate-from`). No migration runs, no folder or file is made:
 *
 * - SQLite: an existing file only, keyed first when encrypted, then `PRAGMA query_only` before its first
 *   read; its journal mode is left as it is. It is opened for writing all the same (every write is
 *   refused): a connection opened read-only to a WAL file leaves its -wal and -shm files behind, where
 *   the last connection that may write removes them on close, as after any run of the shop.
 * - PostgreSQL: every transaction read-only (`default_transaction_read_only`).
 *
 * A database that holds no shop yet (no file, an empty one, no tokenshop schema) is read as the new,
 * empty shop its migrations would make, built in memory. One at an older schema than this tokenshop's
 * is refused: reading cannot bring it up to date.
 */
import { existsSync, statSync } from "node:fs"
import * as SqlClient from "@effect/sql/SqlClient"
import * as PgClient from "@effect/sql-pg/PgClient"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import type { GoodsKeys } from "./GoodsCipher.js"
import { isPg } from "./internal/rows.js"
import { applySqlCipherKey, firstRead } from "./internal/sqlcipher.js"
import { latestMigration, SqliteStorage, sqlStorage } from "./Storage.js"
import { StorageUnavailable } from "./StorageError.js"

interface ViewOptions {
  readonly goodsKeys?: GoodsKeys | undefined
  /** Runs when the database holds no shop yet (e.g. to say so). */
  readonly onNewShop?: Effect.Effect<void> | undefined
}
export interface SqliteViewOptions extends ViewOptions {
  readonly filename: string
  readonly encryptionKey?: Redacted.Redacted<string> | undefined
}
export interface PgViewOptions extends ViewOptions {
  readonly url: Redacted.Redacted<string>
  /** The schema the shop is in; the server's default search path otherwise. Never created. */
  readonly schema?: string | undefined
}

/** The new, empty shop: the migrations over an SQLite database in memory. */
const newShop = (options: ViewOptions) =>
  Effect.as(options.onNewShop ?? Effect.void, SqliteStorage({ filename: ":memory:", goodsKeys: options.goodsKeys }))

/** The newest migration the database has; null when it has no tokenshop schema. */
const schemaOf = (sql: SqlClient.SqlClient) =>
  Effect.gen(function*() {
    const [found] = isPg(sql)
      ? yield* sql<{ n: unknown }>`SELECT COUNT(*) AS n FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_name = 'tokenshop_migrations'`
      : yield* sql<{ n: unknown }>`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'tokenshop_migrations'`
    if (Number(found?.n ?? 0) === 0) return null
    const [newest] = yield* sql<{ n: unknown }>`SELECT MAX(migration_id) AS n FROM tokenshop_migrations`
    return Number(newest?.n ?? 0)
  })

/** Every storage port over an opened client, once its schema is known to be this tokenshop's. */
const portsOver = <I>(context: Context.Context<I | SqlClient.SqlClient>, what: string, options: ViewOptions) =>
  Effect.gen(function*() {
    const schema = yield* schemaOf(Context.get(context, SqlClient.SqlClient))
    if (schema === null) return yield* newShop(options)
    if (schema < latestMigration) {
      return yield* new StorageUnavailable({
        reason: "migration_failed",
        message: `${what} is at schema ${schema}, older than this tokenshop's (${latestMigration}), and is only read here: ` +
          "bring it up to date first with `tokenshop migrate`"
      })
    }
    return sqlStorage(options.goodsKeys).pipe(Layer.provideMerge(Layer.succeedContext(context)))
  })

const unreadable = (what: string) => (cause: { readonly message: string }) =>
  cause instanceof StorageUnavailable ? cause : new StorageUnavailable({ reason: "unreachable", message: `cannot read ${what}: ${cause.message}`, cause })

/** The SQLite file, read in place; a new shop in memory when there is no file (or no shop in it). */
export const SqliteReadView = (options: SqliteViewOptions) =>
  Layer.unwrapScoped(Effect.gen(function*() {
    const file = options.filename
    if (!existsSync(file) || statSync(file).size === 0) return yield* newShop(options)
    const context = yield* Layer.build(SqliteClient.layer({ filename: file, disableWAL: true }))
    const sql = Context.get(context, SqlClient.SqlClient)
    if (options.encryptionKey !== undefined) yield* applySqlCipherKey(sql, options.encryptionKey)
    yield* sql.unsafe("PRAGMA query_only = 1")
    yield* firstRead(sql, options.encryptionKey !== undefined)
    yield* sql.unsafe("PRAGMA busy_timeout = 30000")
    return yield* portsOver(context, file, options)
  }).pipe(Effect.mapError(unreadable(options.filename))))

/** The URL with every transaction read-only (and the schema first in the search path, when given). */
const readOnlyUrl = (url: Redacted.Redacted<string>, schema: string | undefined) => {
  const u = new URL(Redacted.value(url))
  const settings = [u.searchParams.get("options"), schema === undefined ? null : `-c search_path=${schema}`, "-c default_transaction_read_only=on"]
  u.searchParams.set("options", settings.filter((s) => s !== null && s !== "").join(" "))
  return Redacted.make(u.toString())
}

/** The PostgreSQL database, read in place; a new shop in memory when it holds none. */
export const PgReadView = (options: PgViewOptions) =>
  Layer.unwrapScoped(Effect.gen(function*() {
    if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
      return yield* new StorageUnavailable({ reason: "unreachable", message: `invalid schema name: ${options.schema}` })
    }
    const context = yield* Layer.build(PgClient.layer({ url: readOnlyUrl(options.url, options.schema), maxConnections: 2 }))
    return yield* portsOver(context, "the PostgreSQL database", options)
  }).pipe(Effect.mapError(unreadable("PostgreSQL"))))
