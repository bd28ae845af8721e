/**
 * Rate limits shared through Redis: two limiters over one Redis (as two processes of one shop would
 * have) hand out one sequence of slots, so together they keep the pace one alone keeps; two limiters in
 * memory each hand out their own. REDIS_URL is checked like every setting.
 */
import * as RateLimiter from "@effect/experimental/RateLimiter"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { describe, expect, it } from "vitest"
import { memoryRateLimiter, parseRedisUrl, redisRateLimiter } from "../src/runtime/RateLimits.js"

const url = process.env["TEST_REDIS_URL"]

/** The times `turns` slots of 100 ms on `key` are granted at, from two limiters taking turns concurrently. */
const slots = async (a: Layer.Layer<RateLimiter.RateLimiter>, b: Layer.Layer<RateLimiter.RateLimiter>, key: string, turns: number) => {
  const [one, two] = [ManagedRuntime.make(a), ManagedRuntime.make(b)]
  try {
    const take = (rt: typeof one) => rt.runPromise(Effect.flatMap(RateLimiter.RateLimiter, (l) =>
      Effect.forEach(Array.from({ length: turns }), () =>
        l.consume({ algorithm: "token-bucket", onExceeded: "delay", window: "100 millis", limit: 1, key }).pipe(
          Effect.map(({ delay }) => Date.now() + Duration.toMillis(delay))
        ), { concurrency: 1 })))
    const times = (await Promise.all([take(one), take(two)])).flat().sort((x, y) => x - y)
    return times.slice(1).map((t, i) => t - times[i]!)
  } finally {
    await Promise.all([one.dispose(), two.dispose()])
  }
}

describe("REDIS_URL", () => {
  it("is read as host, port, database, credentials and TLS; anything else is refused naming the variable", () => {
    expect(parseRedisUrl("redis://127.0.0.1:6380/2")).toEqual(Either.right({ host: "127.0.0.1", port: 6380, db: 2, username: undefined, password: undefined, tls: undefined }))
    expect(Either.getOrThrow(parseRedisUrl("rediss://shop:p%40ss@cache.example"))).toMatchObject({ port: 6379, db: 0, username: "shop", password: "p@ss", tls: {} })
    for (const bad of ["http://x", "redis://", "redis://h/99", "nonsense"]) expect(Either.isLeft(parseRedisUrl(bad))).toBe(true)
  })
})

describe.skipIf(url === undefined)("rate limits shared through Redis", () => {
  it("two limiters over one Redis keep one pace together; two in memory do not", async () => {
    const settings = Either.getOrThrow(parseRedisUrl(url!))
    const prefix = `tokenshop-test:${process.pid}:${Date.now()}:`
    const shared = await slots(redisRateLimiter(settings, prefix), redisRateLimiter(settings, prefix), "telegram:bot:1:all", 8)
    expect(shared).toHaveLength(15)
    // every slot of the 16 at least ~100 ms after the previous one (a few ms for the clock between calls)
    for (const gap of shared) expect(gap).toBeGreaterThanOrEqual(90)
    const apart = await slots(memoryRateLimiter, memoryRateLimiter, "telegram:bot:1:all", 8)
    expect(apart.filter((gap) => gap < 50).length).toBeGreaterThan(3) // each process paces only itself
  }, 30_000)
})
