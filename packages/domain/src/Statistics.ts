import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { BuyRepo, type SalesSummary } from "./BuyRepo.js"
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
}>() {
  static readonly layer = Layer.effect(Statistics, Effect.gen(function*() {
    const buys = yield* BuyRepo
    const deposits = yield* DepositRepo
    const userRepo = yield* UserRepo
    const users = yield* Users
    const { currency } = yield* ShopConfig

    const summary = (admin: AdminRef, window: TimeWindow) =>
      users.ensureAdmin(admin).pipe(
        Effect.zipRight(Effect.all({
          sales: buys.summarize(window, currency),
          deposits: deposits.summarize(window, currency),
          newUsers: userRepo.countRegistered(window)
        })),
        Effect.map((s) => ({ window, ...s }))
      )
    return Statistics.of({
      summary,
      period: (admin, period) =>
        Effect.flatMap(now, (end) => summary(admin, { from: new Date(end.getTime() - periodMillis[period]), to: new Date(end.getTime() + 1) }))
    })
  }))
}
