/**
 * Everything the app reads from the environment, with its default. docs/operations.md lists the same.
 * A missing or malformed value fails with a message that names the variable.
 */
import {
  allAssets, allFiatCurrencies, type Asset, digitsOf, type FiatCurrency, parseUnits, ShopConfig, type ShopSettings, TelegramId, topUpLimits
} from "@tokenshop/domain"
import { masterFromApiKey, Wire } from "@tokenshop/adapters-krypto"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Duration from "effect/Duration"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { dirname, join } from "node:path"
import { envFile } from "./EnvFile.js"
import { withdrawalGuardConfig, withWithdrawalGuard } from "./WithdrawalGuardConfig.js"

/** The default goods key file's name, beside the settings file (`.env`). */
export const GOODS_KEY_FILE_NAME = "tokenshop-goods.key"

export interface DatabaseSettings {
  /** PostgreSQL when set; the SQLite file otherwise. */
  readonly url: Option.Option<Redacted.Redacted<string>>
  readonly file: string
  readonly encryptionKey: Option.Option<Redacted.Redacted<string>>
  readonly poolSize: number
  /** SQLite's durability: "full" (default) or "normal" (faster; the last commits can be lost in a power cut). */
  readonly synchronous: "full" | "normal"
  /** GOODS_ENCRYPTION_KEY: seals delivered goods at rest (AES-256-GCM); without it, the key in `goodsKeyFile` (see GoodsKeyFile.ts). */
  readonly goodsKey: Option.Option<Redacted.Redacted<string>>
  /** Earlier goods keys: they still open what they sealed. */
  readonly goodsKeysOld: ReadonlyArray<Redacted.Redacted<string>>
  /** GOODS_KEY_FILE: where the shop's own goods key is kept, beside the settings file by default, never in the data folder. */
  readonly goodsKeyFile: string
}

const between = (name: string, min: number, max: number) => (n: number) =>
  n >= min && n <= max ? Either.right(n) : Either.left(ConfigError.InvalidData([name], `must be from ${min} to ${max}, got ${n}`))

/** A 32-byte key written as 64 hex digits (`openssl rand -hex 32`). */
const hexKey = (name: string) => (key: Redacted.Redacted<string>) =>
  /^[0-9a-fA-F]{64}$/.test(Redacted.value(key).trim())
    ? Either.right(key)
    : Either.left(ConfigError.InvalidData([name], "must be 64 hex digits (32 bytes), e.g. from `openssl rand -hex 32`"))

const oldKeys = (text: string): Either.Either<ReadonlyArray<Redacted.Redacted<string>>, ConfigError.ConfigError> =>
  Either.all(text.split(/[\s,]+/).filter((k) => k !== "").map((k) => hexKey("GOODS_ENCRYPTION_KEYS_OLD")(Redacted.make(k))))

export const databaseConfig: Config.Config<DatabaseSettings> = Config.all({
  url: Config.option(Config.redacted("DATABASE_URL")).pipe(
    Config.mapOrFail((url) =>
      Option.match(url, {
        onNone: () => Either.right(url),
        onSome: (u) =>
          /^postgres(ql)?:\/\//.test(Redacted.value(u))
            ? Either.right(url)
            : Either.left(ConfigError.InvalidData(["DATABASE_URL"], "must be a postgres:// URL (for SQLite set DATABASE_FILE)"))
      })
    )
  ),
  file: Config.string("DATABASE_FILE").pipe(Config.withDefault("./data/tokenshop.db")),
  encryptionKey: Config.option(Config.redacted("DB_ENCRYPTION_KEY")),
  poolSize: Config.integer("DATABASE_POOL_SIZE").pipe(Config.withDefault(10), Config.mapOrFail(between("DATABASE_POOL_SIZE", 1, 200))),
  synchronous: Config.literal("full", "normal")("DB_SYNCHRONOUS").pipe(Config.withDefault("full" as const)),
  goodsKey: Config.option(Config.redacted("GOODS_ENCRYPTION_KEY").pipe(Config.mapOrFail(hexKey("GOODS_ENCRYPTION_KEY")))),
  goodsKeysOld: Config.string("GOODS_ENCRYPTION_KEYS_OLD").pipe(Config.withDefault(""), Config.mapOrFail(oldKeys)),
  goodsKeyFile: Config.option(Config.nonEmptyString("GOODS_KEY_FILE")).pipe(
    Config.map((file) => Option.getOrElse(file, () => join(dirname(envFile()), GOODS_KEY_FILE_NAME))) // ENV_FILE as it is when read
  )
})

const parseAdmins = (text: string): Either.Either<ReadonlySet<TelegramId>, ConfigError.ConfigError> => {
  const ids = new Set<TelegramId>()
  for (const part of text.split(/[\s,]+/).filter((p) => p !== "")) {
    if (!/^\d{1,16}$/.test(part) || Number(part) <= 0 || !Number.isSafeInteger(Number(part))) {
      return Either.left(ConfigError.InvalidData(["ADMIN_IDS"], `"${part}" is not a Telegram user id`))
    }
    ids.add(TelegramId.make(Number(part)))
  }
  return Either.right(ids)
}

/** CRYPTO_FORWARDING_ADDRESS_<ASSET>, e.g. CRYPTO_FORWARDING_ADDRESS_BTC: where credited payments are sent on. */
const forwardingConfig: Config.Config<Partial<Record<Asset, string>>> = Config.all(
  allAssets.map((asset) =>
    Config.option(Config.nonEmptyString(`CRYPTO_FORWARDING_ADDRESS_${asset}`)).pipe(Config.map((a) => [asset, a] as const)))
).pipe(Config.map((entries) => {
  const out: Partial<Record<Asset, string>> = {}
  for (const [asset, address] of entries) if (Option.isSome(address)) out[asset] = address.value.trim()
  return out
}))

/** PAYMENT_TOLERANCE_PERCENT ("0.5" = 0.5 %) as basis points. */
const parseTolerance = (text: string): Either.Either<number, ConfigError.ConfigError> => {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim())
  const bp = m === null ? NaN : Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) // basis points, not money
  return bp <= 10_000 ? Either.right(bp) : Either.left(ConfigError.InvalidData(["PAYMENT_TOLERANCE_PERCENT"], `must be a percentage from 0 to 100 with at most two decimals, got "${text}"`))
}

/** TOP_UP_MIN and TOP_UP_MAX, in the shop's currency, as minor units; either may be left to its default. */
const withTopUpLimits = (
  settings: ShopSettings,
  min: Option.Option<string>,
  max: Option.Option<string>
): Either.Either<ShopSettings, ConfigError.ConfigError> => {
  if (Option.isNone(min) && Option.isNone(max)) return Either.right(settings)
  const defaults = topUpLimits(settings)
  const read = (name: string, text: Option.Option<string>, fallback: bigint) =>
    Option.match(text, {
      onNone: () => Either.right(fallback),
      onSome: (t) =>
        Either.mapLeft(parseUnits(t, digitsOf(settings.currency)), (e) => ConfigError.InvalidData([name], `must be an amount in ${settings.currency}: ${e.message}`))
    })
  return Either.gen(function*() {
    const low = yield* read("TOP_UP_MIN", min, defaults.min)
    const high = yield* read("TOP_UP_MAX", max, defaults.max)
    if (low <= 0n || high < low) return yield* Either.left(ConfigError.InvalidData(["TOP_UP_MIN"], "TOP_UP_MIN must be above zero and at most TOP_UP_MAX"))
    return { ...settings, topUpLimits: { min: low, max: high } }
  })
}

const baseShopConfig: Config.Config<ShopSettings> = Config.all({
  currency: Config.literal(...allFiatCurrencies)("SHOP_CURRENCY").pipe(Config.withDefault<FiatCurrency>("USD")),
  admins: Config.string("ADMIN_IDS").pipe(Config.withDefault(""), Config.mapOrFail(parseAdmins)),
  maxPendingPayments: Config.integer("MAX_PENDING_PAYMENTS").pipe(
    Config.withDefault(5),
    Config.mapOrFail(between("MAX_PENDING_PAYMENTS", 1, 100))
  ),
  paymentTtl: Config.integer("PAYMENT_TTL_MINUTES").pipe(
    Config.withDefault(60),
    Config.mapOrFail(between("PAYMENT_TTL_MINUTES", 1, 7 * 24 * 60)),
    Config.map(Duration.minutes)
  ),
  maxLineQuantity: Config.integer("MAX_LINE_QUANTITY").pipe(Config.withDefault(1000), Config.mapOrFail(between("MAX_LINE_QUANTITY", 1, 100_000))),
  forwarding: forwardingConfig,
  confirmTtl: Config.integer("CHECKOUT_CONFIRM_MINUTES").pipe(
    Config.withDefault(10),
    Config.mapOrFail(between("CHECKOUT_CONFIRM_MINUTES", 1, 24 * 60)),
    Config.map(Duration.minutes)
  ),
  chain: Config.succeed(ShopConfig.defaults.chain),
  paymentToleranceBp: Config.string("PAYMENT_TOLERANCE_PERCENT").pipe(Config.withDefault("0"), Config.mapOrFail(parseTolerance))
})

export const shopConfig: Config.Config<ShopSettings> = Config.all([
  baseShopConfig,
  Config.option(Config.string("TOP_UP_MIN")),
  Config.option(Config.string("TOP_UP_MAX")),
  withdrawalGuardConfig
]).pipe(Config.mapOrFail(([settings, min, max, guard]) => Either.flatMap(withTopUpLimits(settings, min, max), (s) => withWithdrawalGuard(s, guard))))

export interface KryptoSettings {
  readonly apiKey: Redacted.Redacted<string>
  readonly apiUrl: string
  /** The public URL the processor posts callbacks to; null: derived from WEBHOOK_URL. */
  readonly callbackUrl: string | null
  /** Offered assets; null: all the processor handles. */
  readonly assets: ReadonlyArray<Asset> | null
  /** The master key every payment's callback secret is derived from (default: derived from the API key). */
  readonly callbackKey: Redacted.Redacted<string>
}

const httpUrl = (name: string) => (url: string) =>
  /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(url) ? Either.right(url) : Either.left(ConfigError.InvalidData([name], "must be an http(s) URL"))

/**
 * An https URL, or plain http on this machine only (127.0.0.1, ::1, localhost): over plain http
 * elsewhere an API key or the bot token would travel in clear, and a tampered answer could mark an
 * invoice paid.
 */
export const secureUrl = (name: string) => (url: string): Either.Either<string, ConfigError.ConfigError> => {
  const parsed = Option.liftThrowable((u: string) => new URL(u))(url)
  if (Option.isNone(parsed) || !/^https?:$/.test(parsed.value.protocol) || /\s/.test(url)) {
    return Either.left(ConfigError.InvalidData([name], "must be an https URL"))
  }
  const loopback = ["127.0.0.1", "[::1]", "localhost"].includes(parsed.value.hostname)
  return parsed.value.protocol === "https:" || loopback
    ? Either.right(url)
    : Either.left(ConfigError.InvalidData([name], "must use https (plain http only to 127.0.0.1 or localhost): over http the key and the answers travel unprotected"))
}

const parseAssets = (text: string): Either.Either<ReadonlyArray<Asset>, ConfigError.ConfigError> => {
  const out: Array<Asset> = []
  for (const part of text.split(/[\s,]+/).filter((p) => p !== "")) {
    const asset = part.toUpperCase()
    if (!(Wire.processorAssets as ReadonlyArray<string>).includes(asset)) {
      return Either.left(ConfigError.InvalidData(["KRYPTOEXPRESS_ASSETS"], `"${part}" is not an asset KryptoExpress handles (${Wire.processorAssets.join(", ")})`))
    }
    out.push(asset as Asset)
  }
  return Either.right(out)
}

/** KryptoExpress, when KRYPTOEXPRESS_API_KEY is set; top-ups are not offered otherwise. */
export const kryptoConfig: Config.Config<Option.Option<KryptoSettings>> = Config.all({
  apiKey: Config.option(Config.redacted("KRYPTOEXPRESS_API_KEY")),
  apiUrl: Config.string("KRYPTOEXPRESS_API_URL").pipe(
    Config.withDefault("https://kryptoexpress.pro/api"),
    Config.mapOrFail(secureUrl("KRYPTOEXPRESS_API_URL"))
  ),
  callbackUrl: Config.option(Config.string("KRYPTOEXPRESS_CALLBACK_URL").pipe(Config.mapOrFail(httpUrl("KRYPTOEXPRESS_CALLBACK_URL")))),
  callbackKey: Config.option(Config.redacted("KRYPTOEXPRESS_CALLBACK_KEY").pipe(
    Config.mapOrFail((k) => Redacted.value(k).length >= 32 ? Either.right(k) : Either.left(ConfigError.InvalidData(["KRYPTOEXPRESS_CALLBACK_KEY"], "must be at least 32 characters")))
  )),
  assets: Config.option(Config.string("KRYPTOEXPRESS_ASSETS").pipe(Config.mapOrFail(parseAssets)))
}).pipe(Config.map(({ apiKey, apiUrl, assets, callbackKey, callbackUrl }) =>
  Option.map(apiKey, (key): KryptoSettings => ({
    apiKey: key,
    apiUrl,
    callbackUrl: Option.getOrNull(callbackUrl),
    callbackKey: Option.getOrElse(callbackKey, () => masterFromApiKey(key)),
    assets: Option.getOrNull(assets)
  }))))

/** The path prefix of the shop's HTTP routes behind a reverse proxy, e.g. /shop ("" by default). */
export const webhookPathConfig = Config.string("WEBHOOK_PATH").pipe(
  Config.withDefault(""),
  Config.mapOrFail((p) =>
    /^(\/[A-Za-z0-9._~-]+)*$/.test(p)
      ? Either.right(p)
      : Either.left(ConfigError.InvalidData(["WEBHOOK_PATH"], "must be empty or like /shop (no trailing slash)")))
)
