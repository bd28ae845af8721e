/** The one place that chooses Live layers. */
import type * as SqlClient from "@effect/sql/SqlClient"
import { PgStorage, SqliteStorage, type StorageUnavailable } from "@tokenshop/adapters-sql"
import { ShopConfig, ShopLive, type StoragePorts } from "@tokenshop/domain"
import { mkdirSync } from "node:fs"
import { dirname } from "node:path"
import type * as ConfigError from "effect/ConfigError"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { databaseConfig, shopConfig } from "./Config.js"
import { LogNotifier, PaymentsNotConfigured } from "./Services.js"

/** SQLite by default (a file under ./data), PostgreSQL when DATABASE_URL is set. */
export const StorageLive: Layer.Layer<StoragePorts | SqlClient.SqlClient, StorageUnavailable | ConfigError.ConfigError> =
  Layer.unwrapEffect(Effect.map(databaseConfig, (db) =>
    Option.match(db.url, {
      onSome: (url): Layer.Layer<StoragePorts | SqlClient.SqlClient, StorageUnavailable> => PgStorage({ url, maxConnections: db.poolSize }),
      onNone: () => {
        mkdirSync(dirname(db.file), { recursive: true })
        return SqliteStorage({ filename: db.file, encryptionKey: Option.getOrUndefined(db.encryptionKey) })
      }
    })))

export const ShopConfigLive = Layer.effect(ShopConfig, shopConfig)

/** Every use case over the configured storage, for the command line. */
export const CliShop = ShopLive.pipe(
  Layer.provideMerge(StorageLive),
  Layer.provideMerge(Layer.merge(LogNotifier, PaymentsNotConfigured)),
  Layer.provideMerge(ShopConfigLive)
)
