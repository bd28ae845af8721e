import { describe, expect, it } from "@effect/vitest"
import * as BigDecimal from "effect/BigDecimal"
import * as Effect from "effect/Effect"
import * as TestClock from "effect/TestClock"
import { agreeingPrices, type NamedPriceSource, now, rate, ServiceUnavailable } from "../src/index.js"

const fixed = (name: string, price: string, ageMinutes = 0): NamedPriceSource => ({
  name,
  rate: (asset, fiat) => Effect.map(now, (at) => rate(asset, fiat, price, new Date(at.getTime() - ageMinutes * 60_000)))
})
const down = (name: string): NamedPriceSource => ({
  name,
  rate: () => Effect.fail(new ServiceUnavailable({ service: "prices", detail: "HTTP 500" }))
})
const price = (sources: ReadonlyArray<NamedPriceSource>) =>
  Effect.gen(function*() {
    yield* TestClock.setTime(Date.UTC(2026, 10, 27))
    return yield* Effect.either(agreeingPrices(sources).rate("BTC", "USD"))
  })

describe("agreeing prices", () => {
  it.effect("one fresh source is used as it is; the median of several that agree", () =>
    Effect.gen(function*() {
      const one = yield* price([fixed("kraken", "60000.5")])
      expect(one._tag === "Right" && BigDecimal.format(one.right.price)).toBe("60000.5")
      const three = yield* price([fixed("a", "60000"), fixed("b", "60900"), fixed("c", "60300")])
      expect(three._tag === "Right" && BigDecimal.format(three.right.price)).toBe("60300")
      const two = yield* price([fixed("a", "60300"), fixed("b", "60000")])
      expect(two._tag === "Right" && BigDecimal.format(two.right.price)).toBe("60000")
    }))

  it.effect("a failing or stale source is left out; none left: no price", () =>
    Effect.gen(function*() {
      const some = yield* price([down("kraken"), fixed("coingecko", "60000"), fixed("old", "10", 6)])
      expect(some._tag === "Right" && BigDecimal.format(some.right.price)).toBe("60000")
      const none = yield* price([down("kraken"), fixed("old", "60000", 5.01)])
      expect(none._tag === "Left" && none.left.detail).toContain("no fresh BTC/USD price")
      expect((yield* price([]))._tag).toBe("Left")
      expect((yield* price([fixed("zero", "0")]))._tag).toBe("Left")
    }))

  it.effect("sources more than 2 % apart give no price at all; exactly 2 % still agrees", () =>
    Effect.gen(function*() {
      const apart = yield* price([fixed("a", "60000"), fixed("b", "61200.01")])
      expect(apart._tag === "Left" && apart.left.detail).toContain("disagree")
      expect((yield* price([fixed("a", "60000"), fixed("b", "61200")]))._tag).toBe("Right")
    }))
})
