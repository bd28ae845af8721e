/** The one place that chooses Live layers. */
import type * as SqlClient from "@effect/sql/SqlClient"
import { PgReadView, PgStorage, SqliteReadView, SqliteStorage, type StorageUnavailable } from "@tokenshop/adapters-sql"
import { type AccountKeySettings, ChainAddressValidator, HdAddressDeriver } from "@tokenshop/adapters-chain"
import { AddressDeriver, ApprovalRunner, ShopConfig, ShopLive, type StoragePorts } from "@tokenshop/domain"
import { mkdirSync } from "node:fs"
import { dirname } from "node:path"
import type * as ConfigError from "effect/ConfigError"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { type ChainSetup, chainConfig } from "./ChainConfig.js"
import { CliFailure } from "./cli/Output.js"
import { chainLookupLayer } from "./SelfCustody.js"
import { databaseConfig, shopConfig } from "./Config.js"
import { checkDatabase, describeDatabase, warnNewShop } from "./DatabaseCheck.js"
import { type GoodsKeySetup, goodsKeySetup } from "./GoodsKeyFile.js"
import { AnnouncementsOff, LogNotifier, ProcessorNotConfigured } from "./Services.js"

/** The database settings and their goods keys (see GoodsKeyFile), checked before the database opens. */
const withGoodsKeys = (use: "write" | "read") =>
  Effect.flatMap(databaseConfig, (db) =>
    Either.match(goodsKeySetup(db, use), {
      onLeft: (message) => Effect.fail(new CliFailure(message, 2)),
      onRight: (goods) => Effect.succeed({ db, goods })
    }))

/** The goods key's refusal (sealed goods, their key not given) names the variable and the key file. */
const namingTheKey = (goods: GoodsKeySetup) => (e: StorageUnavailable): StorageUnavailable | CliFailure =>
  e.reason === "goods_key" ? goods.refusal(e) : e

/** SQLite by default (a file under ./data), PostgreSQL when DATABASE_URL is set; the goods key file made on first use. */
export const StorageLive: Layer.Layer<StoragePorts | SqlClient.SqlClient, StorageUnavailable | ConfigError.ConfigError | CliFailure> =
  Layer.unwrapEffect(Effect.map(Effect.tap(withGoodsKeys("write"), ({ db }) => checkDatabase(db)), ({ db, goods }) =>
    Option.match(db.url, {
      onSome: (url): Layer.Layer<StoragePorts | SqlClient.SqlClient, StorageUnavailable> =>
        PgStorage({ url, maxConnections: db.poolSize, goodsKeys: goods.keys, chooseGoodsKey: goods.choose, onNewShop: warnNewShop(db) }),
      onNone: () => {
        mkdirSync(dirname(db.file), { recursive: true })
        return SqliteStorage({
          filename: db.file,
          encryptionKey: Option.getOrUndefined(db.encryptionKey),
          synchronous: db.synchronous,
          goodsKeys: goods.keys,
          chooseGoodsKey: goods.choose
        })
      }
    }).pipe(Layer.mapError(namingTheKey(goods)))))

/**
 * The configured storage, read and never written, for a dry run: no folder, file or schema is created,
 * no migration runs (see SqlReadView), no goods key is made. A database that holds no shop yet reads as a new, empty one.
 */
export const ReadOnlyStorageLive: Layer.Layer<StoragePorts | SqlClient.SqlClient, StorageUnavailable | ConfigError.ConfigError | CliFailure> =
  Layer.unwrapEffect(Effect.map(Effect.tap(withGoodsKeys("read"), ({ db }) => checkDatabase(db, "read")), ({ db, goods }) => {
    const goodsKeys = goods.keys
    const onNewShop = Console.warn(`note: ${describeDatabase(db)} holds no shop yet: read as a new, empty one, and not created`)
    return Option.match(db.url, {
      onSome: (url): Layer.Layer<StoragePorts | SqlClient.SqlClient, StorageUnavailable> => PgReadView({ url, goodsKeys, onNewShop }),
      onNone: () => SqliteReadView({ filename: db.file, encryptionKey: Option.getOrUndefined(db.encryptionKey), goodsKeys, onNewShop })
    }).pipe(Layer.mapError(namingTheKey(goods)))
  }))

export const ShopConfigLive = Layer.effect(ShopConfig, shopConfig)

/** The storage ports read-only (ReadOnlyStorageLive) and the shop's settings: for a command that must write nothing. */
export const ReadOnlyShop = Layer.merge(ReadOnlyStorageLive, ShopConfigLive)

/**
 * Every use case over the configured storage, for the command line: no processor; addresses checked
 * with their checksums; deposit addresses from `deriver` (none unless a command needs the keys).
 */
export const cliShop = <E>(deriver: Layer.Layer<AddressDeriver, E>) => cliShopWith(deriver, Layer.empty)

/** `cliShop` with more services (e.g. ConfiguredChainLookup). */
export const cliShopWith = <E, X, E2>(deriver: Layer.Layer<AddressDeriver, E>, extra: Layer.Layer<X, E2>) =>
  ShopLive.pipe(
    Layer.provideMerge(StorageLive),
    Layer.provideMerge(Layer.mergeAll(LogNotifier, ProcessorNotConfigured, AnnouncementsOff, ApprovalRunner.inline, ChainAddressValidator, deriver, extra)),
    Layer.provideMerge(ShopConfigLive)
  )
export const CliShop = cliShop(AddressDeriver.none)

/** Transactions read from the configured Ethereum node (ChainLookup), for crediting one by its hash; nothing without Ethereum. */
export const ConfiguredChainLookup = Layer.unwrapEffect(Effect.map(chainConfig, chainLookupLayer))

/** The command line's shop with the chain lookup: `deposit credit-tx`. */
export const LookupCliShop = cliShopWith(AddressDeriver.none, ConfiguredChainLookup)

/** The deposit addresses' deriver over the configured account keys; a malformed key stops, naming its variable. */
export const deriverLayer = (setup: ChainSetup) =>
  HdAddressDeriver(accountKeys(setup)).pipe(Layer.mapError((e) => new CliFailure(e.message, 2)))

/** The deriver over the account public keys in the environment. */
export const ConfiguredDeriver: Layer.Layer<AddressDeriver, CliFailure | ConfigError.ConfigError> =
  Layer.unwrapEffect(Effect.map(chainConfig, deriverLayer))

/** The account keys of the configured chains, for the deriver. */
export const accountKeys = (setup: ChainSetup): AccountKeySettings => ({
  ...(setup.bitcoin === null ? {} : { bitcoin: { key: setup.bitcoin.key, net: setup.bitcoin.net } }),
  ...(setup.litecoin === null ? {} : { litecoin: { key: setup.litecoin.key, net: setup.litecoin.net } }),
  ...(setup.ethereum === null ? {} : { ethereum: { key: setup.ethereum.key } }),
  ...(setup.tron === null ? {} : { tron: { key: setup.tron.key } })
})
