/**
 * One price from several sources, trusted only when fresh and in agreement: every answer older than
 * `maxAge` is dropped; when two or more remain, the highest may exceed the lowest by at most
 * `maxSpreadPercent`, else there is no price at all (a deposit then waits, it is never credited at a
 * doubtful rate). The price used is the median of the fresh answers (the lower middle one of an even
 * number), so a single wrong source cannot pull it.
 */
import * as BigDecimal from "effect/BigDecimal"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type { Rate } from "./Conversion.js"
import type { Asset, FiatCurrency } from "./Currency.js"
import { ServiceUnavailable } from "./Errors.js"
import { PriceSource } from "./Prices.js"
import { now } from "./Time.js"

export interface NamedPriceSource {
  readonly name: string
  readonly rate: (asset: Asset, fiat: FiatCurrency) => Effect.Effect<Rate, ServiceUnavailable>
}

export interface FeedRules {
  readonly maxAge: Duration.Duration
  /** Whole percent, e.g. 2 for 2 %. */
  readonly maxSpreadPercent: number
}

export const defaultFeedRules: FeedRules = { maxAge: Duration.minutes(5), maxSpreadPercent: 2 }

const unavailable = (detail: string) => new ServiceUnavailable({ service: "prices", detail })

/** Combines `sources` into one PriceSource under `rules`. */
export const agreeingPrices = (sources: ReadonlyArray<NamedPriceSource>, rules: FeedRules = defaultFeedRules): PriceSource["Type"] =>
  PriceSource.of({
    rate: (asset, fiat) =>
      Effect.gen(function*() {
        if (sources.length === 0) return yield* unavailable("no price source is configured")
        const answers = yield* Effect.forEach(sources, (s) => Effect.either(s.rate(asset, fiat)), { concurrency: "unbounded" })
        const at = yield* now
        const fresh: Array<Rate> = []
        const problems: Array<string> = []
        answers.forEach((a, i) => {
          const name = sources[i]!.name
          if (a._tag === "Left") problems.push(`${name}: ${a.left.detail}`)
          else if (a.right.asset !== asset || a.right.fiat !== fiat) problems.push(`${name}: answered for another pair`)
          else if (!BigDecimal.isPositive(a.right.price)) problems.push(`${name}: not a positive price`)
          else if (at.getTime() - a.right.at.getTime() > Duration.toMillis(rules.maxAge)) problems.push(`${name}: older than ${Duration.format(rules.maxAge)}`)
          else fresh.push(a.right)
        })
        if (fresh.length === 0) return yield* unavailable(`no fresh ${asset}/${fiat} price (${problems.join("; ")})`)
        const sorted = [...fresh].sort((a, b) => BigDecimal.Order(a.price, b.price))
        const low = sorted[0]!.price
        const high = sorted[sorted.length - 1]!.price
        // (high - low) / low > spread / 100, without dividing
        const gap = BigDecimal.multiply(BigDecimal.subtract(high, low), BigDecimal.fromBigInt(100n))
        if (BigDecimal.greaterThan(gap, BigDecimal.multiply(low, BigDecimal.unsafeFromNumber(rules.maxSpreadPercent)))) {
          return yield* unavailable(`${asset}/${fiat} prices disagree by more than ${rules.maxSpreadPercent} %: ${sorted.map((r) => BigDecimal.format(r.price)).join(", ")}`)
        }
        return sorted[Math.floor((sorted.length - 1) / 2)]!
      })
  })
