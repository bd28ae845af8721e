/**
 * Where rate limits are counted (`@effect/experimental`'s RateLimiter): in this process's memory, or,
 * when REDIS_URL is set, in Redis (its store over ioredis), so that several processes of one shop keep
 * one count: Telegram's limits per bot and per chat hold for all of them together.
 */
import * as RateLimiter from "@effect/experimental/RateLimiter"
import * as RedisRateLimiter from "@effect/experimental/RateLimiter/Redis"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { layerStoreBoundedMemory } from "./MemoryRateStore.js"

export interface RedisSettings {
  readonly host: string
  readonly port: number
  readonly db: number
  readonly username?: string | undefined
  readonly password?: string | undefined
  readonly tls?: object | undefined
}

/** redis://[user:password@]host[:port][/db] or rediss:// (TLS). */
export const parseRedisUrl = (url: string): Either.Either<RedisSettings, ConfigError.ConfigError> => {
  const parsed = Option.liftThrowable((u: string) => new URL(u))(url)
  const bad = (why: string) => Either.left(ConfigError.InvalidData(["REDIS_URL"], why))
  if (Option.isNone(parsed) || !/^rediss?:$/.test(parsed.value.protocol) || parsed.value.hostname === "") {
    return bad("must be a redis:// (or rediss://) URL, e.g. redis://127.0.0.1:6379/0")
  }
  const u = parsed.value
  const db = u.pathname === "" || u.pathname === "/" ? 0 : Number(u.pathname.slice(1))
  if (!Number.isInteger(db) || db < 0 || db > 15) return bad("its path must be a database number from 0 to 15")
  return Either.right({
    host: u.hostname,
    port: u.port === "" ? 6379 : Number(u.port),
    db,
    username: u.username === "" ? undefined : decodeURIComponent(u.username),
    password: u.password === "" ? undefined : decodeURIComponent(u.password),
    tls: u.protocol === "rediss:" ? {} : undefined
  })
}

export const redisConfig: Config.Config<Option.Option<RedisSettings>> = Config.option(Config.redacted("REDIS_URL")).pipe(
  Config.mapOrFail((url) => Option.match(url, { onNone: () => Either.right(Option.none()), onSome: (u) => Either.map(parseRedisUrl(Redacted.value(u)), Option.some) }))
)

/** The RateLimiter over Redis at `settings`, its keys under `prefix`. */
export const redisRateLimiter = (settings: RedisSettings, prefix = "tokenshop:ratelimit:") =>
  RateLimiter.layer.pipe(Layer.provide(RedisRateLimiter.layerStore({ ...settings, prefix, maxRetriesPerRequest: 3 })))

/** The RateLimiter in this process's memory (entries past their window are forgotten). */
export const memoryRateLimiter = RateLimiter.layer.pipe(Layer.provide(layerStoreBoundedMemory))

/** Redis when REDIS_URL is set, memory otherwise. */
export const RateLimiterLive = Layer.unwrapEffect(Effect.map(redisConfig, Option.match({
  onNone: () => memoryRateLimiter,
  onSome: (settings) => redisRateLimiter(settings)
})))
