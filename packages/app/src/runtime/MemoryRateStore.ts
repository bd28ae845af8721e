/**
 * The RateLimiter's store in process memory, with the same counting as `@effect/experimental`'s
 * memory store, but forgetting: an entry whose window has passed (or whose bucket has filled up
 * again) says nothing an absent one would not, so it is dropped. Swept at most every 10 seconds, so
 * that a shop that met a million buyers, or sent an announcement to them, keeps only the recent ones.
 */
import * as RateLimiter from "@effect/experimental/RateLimiter"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

const SWEEP_EVERY_MS = 10_000

interface Counter { count: number; expiresAt: number }
interface Bucket { tokens: number; lastRefill: number; limit: number; refillMs: number }

/** When a bucket is full again (and so no different from an absent one). */
const fullAt = (b: Bucket) => b.lastRefill + Math.max(0, b.limit - b.tokens) * b.refillMs

export const makeMemoryRateStore = () => {
  const counters = new Map<string, Counter>()
  const buckets = new Map<string, Bucket>()
  let sweptAt = 0
  const sweep = (now: number) => {
    if (now - sweptAt < SWEEP_EVERY_MS) return
    sweptAt = now
    for (const [key, c] of counters) if (c.expiresAt <= now) counters.delete(key)
    for (const [key, b] of buckets) if (fullAt(b) <= now) buckets.delete(key)
  }
  const store = RateLimiter.RateLimiterStore.of({
    fixedWindow: (options) =>
      Effect.clockWith((clock) =>
        Effect.sync(() => {
          const now = clock.unsafeCurrentTimeMillis()
          sweep(now)
          let counter = counters.get(options.key)
          if (counter === undefined || counter.expiresAt <= now) {
            counter = { count: 0, expiresAt: now }
            counters.set(options.key, counter)
          }
          if (options.limit !== undefined && counter.count + options.tokens > options.limit) {
            return [counter.count + options.tokens, counter.expiresAt - now] as const
          }
          counter.count += options.tokens
          counter.expiresAt += Duration.toMillis(options.refillRate) * options.tokens
          return [counter.count, counter.expiresAt - now] as const
        })),
    tokenBucket: (options) =>
      Effect.clockWith((clock) =>
        Effect.sync(() => {
          const now = clock.unsafeCurrentTimeMillis()
          sweep(now)
          const refillMs = Duration.toMillis(options.refillRate)
          let bucket = buckets.get(options.key)
          if (bucket === undefined) {
            bucket = { tokens: options.limit, lastRefill: now, limit: options.limit, refillMs }
            buckets.set(options.key, bucket)
          } else {
            const refills = Math.floor((now - bucket.lastRefill) / refillMs)
            if (refills > 0) {
              bucket.tokens = Math.min(options.limit, bucket.tokens + refills)
              bucket.lastRefill += refills * refillMs
            }
          }
          const left = bucket.tokens - options.tokens
          if (options.allowOverflow || left >= 0) bucket.tokens = left
          return left
        }))
  })
  return { store, size: () => counters.size + buckets.size }
}

export const layerStoreBoundedMemory = Layer.sync(RateLimiter.RateLimiterStore, () => makeMemoryRateStore().store)
