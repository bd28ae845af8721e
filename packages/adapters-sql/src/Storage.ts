import * as Migrator from "@effect/sql/Migrator"
import * as SqlClient from "@effect/sql/SqlClient"
import * as PgClient from "@effect/sql-pg/PgClient"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import init from "./migrations/0001_init.js"
import stockCounts from "./migrations/0002_stock_counts.js"
import prompts from "./migrations/0003_prompts.js"
import withdrawalClaims from "./migrations/0004_withdrawal_claims.js"
import chainDeposits from "./migrations/0005_chain_deposits.js"
import announcements from "./migrations/0006_announcements.js"
import ledgerGuards from "./migrations/0007_ledger_guards.js"
import auditChain from "./migrations/0008_audit_chain.js"
import withdrawalGuard from "./migrations/0009_withdrawal_guard.js"
import goodsKeyIds from "./migrations/0010_goods_key_ids.js"
import goodsReveals from "./migrations/0011_goods_reveals.js"
import importStaging from "./migrations/0012_import_staging.js"
import moveInMap from "./migrations/0013_movein_map.js"
import itemDigests from "./migrations/0014_item_digests.js"
import shopFronts from "./migrations/0015_shop_fronts.js"
import withdrawalDaily from "./migrations/0016_withdrawal_daily.js"
import { SqlAddressBookRepo } from "./SqlAddressBookRepo.js"
import { SqlAnnouncementRepo } from "./SqlAnnouncementRepo.js"
import { SqlApprovalRepo } from "./SqlApprovalRepo.js"
import { SqlAuditLog } from "./SqlAuditLog.js"
import { SqlBackup } from "./SqlBackup.js"
import { SqlBuyRepo } from "./SqlBuyRepo.js"
import { SqlCartRepo } from "./SqlCartRepo.js"
import { SqlCatalogRepo } from "./SqlCatalogRepo.js"
import { SqlChainDepositRepo, SqlWatcherRepo } from "./SqlChainDepositRepo.js"
import { SqlDepositAddressRepo } from "./SqlDepositAddressRepo.js"
import { SqlDepositRepo } from "./SqlDepositRepo.js"
import { SqlLedgerRepo } from "./SqlLedgerRepo.js"
import { SqlPaymentRepo } from "./SqlPaymentRepo.js"
import { SqlPromptRepo } from "./SqlPromptRepo.js"
import { SqlShopFrontRepo } from "./SqlShopFrontRepo.js"
import { SqlTransactor } from "./SqlTransactor.js"
import { SqlUserRepo } from "./SqlUserRepo.js"
import { type ChooseGoodsKey, GoodsCipherLive, type GoodsKeys, SqlGoodsStore } from "./GoodsCipher.js"
import { applySqlCipherKey, firstRead } from "./internal/sqlcipher.js"
import { StorageUnavailable } from "./StorageError.js"

export { StorageUnavailable }
import { SqlWithdrawalRepo } from "./SqlWithdrawalRepo.js"

/** The database could not be opened or brought up to date; `message` says why, for a person. */

/** Keeps a StorageUnavailable as it is; any other failure to open becomes one, with `what` in its message. */
const unavailable = (what: string) => (cause: StorageUnavailable | { readonly message: string }) =>
  Layer.fail(
    cause instanceof StorageUnavailable
      ? cause
      : new StorageUnavailable({ reason: "unreachable", message: `${what}: ${cause.message}`, cause })
  )

/**
 * Every storage port over whichever SqlClient is provided. The client must return column names as
 * the database does (no `transformResultNames`): the repositories read snake_case columns.
 */
const repositories = Layer.mergeAll(
  SqlUserRepo,
  SqlLedgerRepo,
  SqlCatalogRepo,
  SqlCartRepo,
  SqlBuyRepo,
  SqlPaymentRepo,
  SqlDepositRepo,
  SqlWithdrawalRepo,
  SqlPromptRepo,
  SqlBackup,
  SqlAnnouncementRepo,
  SqlAuditLog,
  SqlDepositAddressRepo,
  SqlChainDepositRepo,
  SqlWatcherRepo,
  SqlAddressBookRepo,
  SqlApprovalRepo,
  SqlShopFrontRepo,
  SqlTransactor
)

/** Every storage port, with goods sealed under `goods`, or else under the key `choose` gives (kept in clear without either). */
export const sqlStorage = (goods?: GoodsKeys, choose?: ChooseGoodsKey) =>
  Layer.merge(repositories, SqlGoodsStore).pipe(Layer.provide(GoodsCipherLive(goods, choose)))
export const SqlStorage = sqlStorage()

const migrations = {
    "0001_init": init, "0002_stock_counts": stockCounts, "0003_prompts": prompts, "0004_withdrawal_claims": withdrawalClaims,
    "0005_chain_deposits": chainDeposits,
    "0006_announcements": announcements,
    "0007_ledger_guards": ledgerGuards,
    "0008_audit_chain": auditChain,
    "0009_withdrawal_guard": withdrawalGuard,
    "0010_goods_key_ids": goodsKeyIds,
    "0011_goods_reveals": goodsReveals,
    "0012_import_staging": importStaging,
    "0013_movein_map": moveInMap,
    "0014_item_digests": itemDigests,
    "0015_shop_fronts": shopFronts,
    "0016_withdrawal_daily": withdrawalDaily
}

/** The newest migration this tokenshop knows: the number its name starts with (15 for 0015_shop_fronts). */
export const latestMigration = Math.max(...Object.keys(migrations).map((name) => Number(name.slice(0, 4))))

/** Brings the schema up to date; the same ordered migrations run on both engines. */
export const migrate = Migrator.make({})({
  loader: Migrator.fromRecord(migrations),
  table: "tokenshop_migrations"
}).pipe(
  Effect.mapError((cause) => new StorageUnavailable({ reason: "migration_failed", message: `migration failed: ${cause.message}`, cause }))
)

export interface SqliteOptions {
  /** The database file, e.g. ./data/tokenshop.db. */
  readonly filename: string
  /** Encrypts the file with SQLCipher (through SQLite3MultipleCiphers) when set. */
  readonly encryptionKey?: Redacted.Redacted<string> | undefined
  /** Milliseconds a writer waits for another process's write lock (default 30,000: publishing a 1,000,000-line import holds it for seconds on a loaded machine). */
  readonly busyTimeoutMs?: number
  /**
   * "full" (the default): every commit is on disk before it is answered, so a purchase delivered or a
   * credit confirmed survives a power loss. "normal" is faster, but an OS crash or power loss can roll
   * the last commits back (keys already delivered become unsold again): an explicit opt-in.
   */
  readonly synchronous?: "full" | "normal" | undefined
  /** Seals delivered goods with AES-256-GCM (see GoodsCipher). */
  readonly goodsKeys?: GoodsKeys | undefined
  /** Without `goodsKeys`: chooses the goods key, e.g. makes one for a shop with nothing sealed yet (see GoodsCipherLive). */
  readonly chooseGoodsKey?: ChooseGoodsKey | undefined
}

/**
 * Opens the SQLite file: the encryption key first (before anything touches the file), then WAL,
 * foreign keys, a busy timeout, and the migrations.
 */
const prepareSqlite = (options: SqliteOptions) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    if (options.encryptionKey !== undefined) {
      yield* applySqlCipherKey(sql, options.encryptionKey).pipe(
        Effect.mapError(() => new StorageUnavailable({ reason: "wrong_key", message: "cannot open database: the encryption key was not accepted" }))
      )
    }
    yield* firstRead(sql, options.encryptionKey !== undefined)
    yield* sql.unsafe("PRAGMA journal_mode = WAL")
    yield* sql.unsafe(`PRAGMA synchronous = ${options.synchronous === "normal" ? "NORMAL" : "FULL"}`)
    yield* sql.unsafe("PRAGMA foreign_keys = ON")
    yield* sql.unsafe(`PRAGMA busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 30_000))}`)
    yield* migrate
  }).pipe(
    Effect.catchTag("SqlError", (cause) =>
      Effect.fail(new StorageUnavailable({ reason: "unreachable", message: `cannot open database: ${cause.message}`, cause })))
  )

/** SQLite client only (SqliteClient and SqlClient), opened, keyed and migrated. */
export const SqliteDatabase = (options: SqliteOptions) =>
  Layer.effectDiscard(prepareSqlite(options)).pipe(
    Layer.provideMerge(SqliteClient.layer({ filename: options.filename, disableWAL: true })),
    Layer.catchAll(unavailable("cannot open database"))
  )

/** Every storage port on an SQLite file. */
export const SqliteStorage = (options: SqliteOptions) => sqlStorage(options.goodsKeys, options.chooseGoodsKey).pipe(Layer.provideMerge(SqliteDatabase(options)))

export interface PgOptions {
  readonly url: Redacted.Redacted<string>
  /** Pool size; checkouts in flight at once. */
  readonly maxConnections?: number
  /** A schema of its own (created when missing); the server's default search path otherwise. */
  readonly schema?: string
  /** Seals delivered goods with AES-256-GCM (see GoodsCipher). */
  readonly goodsKeys?: GoodsKeys | undefined
  /** Without `goodsKeys`: chooses the goods key, e.g. makes one for a shop with nothing sealed yet (see GoodsCipherLive). */
  readonly chooseGoodsKey?: ChooseGoodsKey | undefined
  /** Runs when the database holds no shop yet, just before its schema is created (e.g. to warn). */
  readonly onNewShop?: Effect.Effect<void> | undefined
}

const withSearchPath = (url: Redacted.Redacted<string>, schema: string | undefined) => {
  if (schema === undefined) return url
  const u = new URL(Redacted.value(url))
  u.searchParams.set("options", `-c search_path=${schema}`)
  return Redacted.make(u.toString())
}

/** PostgreSQL client (PgClient and SqlClient), connected and migrated. */
export const PgDatabase = (options: PgOptions) =>
  Layer.effectDiscard(Effect.gen(function*() {
    if (options.schema !== undefined) {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
        return yield* new StorageUnavailable({ reason: "unreachable", message: `invalid schema name: ${options.schema}` })
      }
      const sql = yield* SqlClient.SqlClient
      yield* sql.unsafe(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`)
    }
    if (options.onNewShop !== undefined) {
      const sql = yield* SqlClient.SqlClient
      const [found] = yield* sql<{ present: boolean }>`SELECT to_regclass('tokenshop_migrations') IS NOT NULL AS present`
      if (found?.present !== true) yield* options.onNewShop
    }
    yield* migrate
  })).pipe(
    Layer.provideMerge(PgClient.layer({ url: withSearchPath(options.url, options.schema), maxConnections: options.maxConnections ?? 10 })),
    Layer.catchAll(unavailable("cannot reach PostgreSQL"))
  )

/** Every storage port on PostgreSQL. */
export const PgStorage = (options: PgOptions) => sqlStorage(options.goodsKeys, options.chooseGoodsKey).pipe(Layer.provideMerge(PgDatabase(options)))
