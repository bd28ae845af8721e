/** Statistics for 1, 7 or 30 days: the figures, the same as a chart (PNG), and the period's sales as a CSV file. */
import { Statistics } from "@tokenshop/domain"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import type { Handlers } from "../../Handler.js"
import { answer, reply, sendFile, sendPhoto } from "../../TelegramApi.js"
import { adminGuard } from "../AsAdmin.js"
import { chartPng } from "./Chart.js"
import { salesCsv } from "./SalesCsv.js"
import type { Days } from "./StatsCallbacks.js"
import { stats } from "./StatsScreens.js"

const period = { "1": "day", "7": "week", "30": "month" } as const satisfies Record<Days, "day" | "week" | "month">

export const statsHandlers = Effect.gen(function*() {
  const statistics = yield* Statistics
  const guard = yield* adminGuard

  return {
    Stats: (ctx, user, s, { days }) =>
      guard.press(ctx, user, s, (admin) => Effect.flatMap(statistics.period(admin, period[days]), (st) => reply(ctx, stats(s, days, st)))),
    StatsChart: (ctx, user, s, { days }) =>
      guard.press(ctx, user, s, (admin) =>
        Effect.gen(function*() {
          yield* answer(ctx)
          const daily = yield* statistics.daily(admin, period[days])
          const png = yield* chartPng(daily, {
            title: s.t("stats-chart-title", { days }),
            sales: s.t("stats-chart-sales"),
            refunds: s.t("stats-chart-refunds"),
            deposits: s.t("stats-chart-deposits"),
            newUsers: s.t("stats-chart-new-users")
          })
          const summary = yield* statistics.period(admin, period[days])
          return yield* sendPhoto(ctx, png, `stats-${days}d.png`, stats(s, days, summary))
        })),
    StatsCsv: (ctx, user, s, { days }) =>
      guard.press(ctx, user, s, (admin) =>
        Effect.gen(function*() {
          yield* answer(ctx)
          const csv = yield* salesCsv(statistics.sales(admin, period[days]))
          const name = `sales-${new Date(yield* Clock.currentTimeMillis).toISOString().slice(0, 10)}-${days}d.csv`
          return yield* sendFile(ctx, Buffer.from(csv.text, "utf8"), name, s.t("stats-csv-caption", { rows: csv.rows, days }))
        }))
  } satisfies Handlers<"Stats" | "StatsChart" | "StatsCsv">
})
