import { describe, expect, it } from "@effect/vitest"
import * as RateLimiter from "@effect/experimental/RateLimiter"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as TestClock from "effect/TestClock"
import { makeMemoryRateStore } from "../src/runtime/MemoryRateStore.js"

const limiterOver = (store: RateLimiter.RateLimiterStore["Type"]) =>
  RateLimiter.make.pipe(Effect.provide(Layer.succeed(RateLimiter.RateLimiterStore, store)))

describe("the RateLimiter's memory store", () => {
  it.effect("counts like a fixed window: one action per window per key, the next window free again", () =>
    Effect.gen(function*() {
      const limiter = yield* limiterOver(makeMemoryRateStore().store)
      const tap = (key: string) =>
        limiter.consume({ key, limit: 1, window: "500 millis", algorithm: "fixed-window", onExceeded: "fail" }).pipe(
          Effect.as("ok"),
          Effect.catchTag("RateLimiterError", (e) => Effect.succeed(e.reason))
        )
      expect(yield* tap("a")).toBe("ok")
      expect(yield* tap("a")).toBe("Exceeded")
      expect(yield* tap("b")).toBe("ok")
      yield* TestClock.adjust("499 millis")
      expect(yield* tap("a")).toBe("Exceeded")
      yield* TestClock.adjust("1 millis")
      expect(yield* tap("a")).toBe("ok")
    }))

  it.effect("paces a token bucket with delays, as sends to one chat are paced", () =>
    Effect.gen(function*() {
      const limiter = yield* limiterOver(makeMemoryRateStore().store)
      const delays: Array<number> = []
      for (let i = 0; i < 3; i++) {
        const r = yield* limiter.consume({ key: "chat", limit: 1, window: "1 second", algorithm: "token-bucket", onExceeded: "delay" })
        delays.push(Duration.toMillis(r.delay))
      }
      expect(delays).toEqual([0, 1000, 2000])
    }))

  it.effect("forgets keys whose window passed: 100,000 buyers leave nothing behind a minute later", () =>
    Effect.gen(function*() {
      const memory = makeMemoryRateStore()
      const limiter = yield* limiterOver(memory.store)
      for (let user = 0; user < 100_000; user++) {
        yield* limiter.consume({ key: `telegram:buyer:${user}`, limit: 1, window: "500 millis", algorithm: "fixed-window", onExceeded: "fail" })
        yield* limiter.consume({ key: `telegram:1:chat:${user}`, limit: 1, window: "1 second", algorithm: "token-bucket", onExceeded: "delay" })
        if (user % 5_000 === 0) yield* Effect.yieldNow()
      }
      expect(memory.size()).toBe(200_000)
      yield* TestClock.adjust("1 minute")
      yield* limiter.consume({ key: "late", limit: 1, window: "500 millis", algorithm: "fixed-window", onExceeded: "fail" })
      expect(memory.size()).toBe(1)
    }))
})
