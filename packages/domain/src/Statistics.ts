import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Chunk from "effect/Chunk"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { BuyRepo, type BuySummary, type SalesSummary } from "./BuyRepo.js"
import type { NotAdmin } from "./Errors.js"
import type { TimeWindow } from "./Paging.js"
import { type DepositSummary, DepositRepo } from "./Deposits.js"
import { ShopConfig } from "./ShopConfig.js"
import { now } from "./Time.js"
import { type AdminRef, UserRepo, Users } from "./Users.js"

export interface ShopStatistics {
  readonly window: TimeWindow
  readonly sales: SalesSummary
  readonly deposits: DepositSummary
  readonly newUsers: number
}

export type Period = "day" | "week" | "month"
const periodMillis: Record<Period, number> = { day: 86_400_000, week: 7 * 86_400_000, month: 30 * 86_400_000 }

/** The window of the last `days` days (or period) up to `end`. */
export const lastDays = (days: number, end: Date): TimeWindow => ({
  from: new Date(end.getTime() - days * periodMillis.day),
  to: new Date(end.getTime() + 1)
})

/** Sales, deposits and sign-ups, from the amounts recorded when they happened. */
export class Statistics extends Context.Tag("@tokenshop/domain/Statistics")<Statistics, {
  readonly summary: (admin: AdminRef, window: TimeWindow) => Effect.Effect<ShopStatistics, NotAdmin>
  readonly period: (admin: AdminRef, period: Period) => Effect.Effect<ShopStatistics, NotAdmin>
  /** The period day by day (UTC days, the last one up to now), oldest first: for charts. */
  readonly daily: (admin: AdminRef, period: Period) => Effect.Effect<ReadonlyArray<ShopStatistics>, NotAdmin>
  /** Every purchase of the period up to now, oldest first, read a page at a time: for a CSV export. */
  readonly sales: (admin: AdminRef, period: Period) => Stream.Stream<BuySummary, NotAdmin>
}>() {
  static readonly layer = Layer.effect(Statistics, Effect.gen(function*() {
    const buys = yield* BuyRepo
    const deposits = yield* DepositRepo
    const userRepo = yield* UserRepo
    const users = yield* Users
    const { currency } = yield* ShopConfig

    /** The figures of a window; the caller has checked the admin. */
    const measure = (window: TimeWindow) =>
      Effect.map(Effect.all({
        sales: buys.summarize(window, currency),
        deposits: deposits.summarize(window, currency),
        newUsers: userRepo.countRegistered(window)
      }), (s): ShopStatistics => ({ window, ...s }))
    const summary = (admin: AdminRef, window: TimeWindow) => Effect.zipRight(users.ensureAdmin(admin), measure(window))
    const ofPeriod = (period: Period, end: Date): TimeWindow => lastDays(periodMillis[period] / periodMillis.day, end)
    return Statistics.of({
      summary,
      period: (admin, period) => Effect.flatMap(now, (end) => summary(admin, ofPeriod(period, end))),
      daily: (admin, period) =>
        Effect.gen(function*() {
          yield* users.ensureAdmin(admin)
          const end = yield* now
          const days = periodMillis[period] / periodMillis.day
          const today = Math.floor(end.getTime() / periodMillis.day) * periodMillis.day
          const windows = Array.from({ length: days }, (_, i): TimeWindow => {
            const from = today - (days - 1 - i) * periodMillis.day
            return { from: new Date(from), to: new Date(Math.min(from + periodMillis.day, end.getTime() + 1)) }
          })
          return yield* Effect.forEach(windows, measure)
        }),
      sales: (admin, period) =>
        Stream.unwrap(Effect.map(Effect.zipRight(users.ensureAdmin(admin), now), (end) => Stream.paginateChunkEffect(0, (offset) =>
          Effect.map(buys.listBetween(ofPeriod(period, end), { offset, limit: 500 }), (p) => [
            Chunk.fromIterable(p.items),
            offset + p.items.length < p.total && p.items.length > 0 ? Option.some(offset + p.items.length) : Option.none()
          ] as const))))
    })
  }))
}
