/**
 * A period's statistics as a bar chart, day by day, drawn without a browser: ECharts renders SVG on
 * the server and resvg turns it into the PNG Telegram shows. Amounts go in as exact decimal text
 * (ECharts reads them for drawing only); nothing is summed here.
 */
import { Resvg } from "@resvg/resvg-js"
import { digitsOf, type ShopStatistics, unitsToDecimal } from "@tokenshop/domain"
import * as echarts from "echarts"
import * as Effect from "effect/Effect"

export interface ChartLabels {
  readonly title: string
  readonly sales: string
  readonly refunds: string
  readonly deposits: string
  readonly newUsers: string
}

const WIDTH = 1000
const HEIGHT = 560

const day = (d: Date) => d.toISOString().slice(5, 10)

/** The SVG text of the chart: sales, refunds and deposits in the shop's currency, sign-ups on a second axis. */
export const chartSvg = (days: ReadonlyArray<ShopStatistics>, labels: ChartLabels): string => {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: WIDTH, height: HEIGHT })
  try {
    const amount = (pick: (d: ShopStatistics) => { readonly amount: bigint; readonly currency: Parameters<typeof digitsOf>[0] }) =>
      days.map((d) => unitsToDecimal(pick(d).amount, digitsOf(pick(d).currency)))
    const currency = days[0]?.sales.total.currency ?? "USD"
    chart.setOption({
      animation: false,
      backgroundColor: "#ffffff",
      title: { text: labels.title, left: "center", top: 8 },
      legend: { bottom: 8 },
      grid: { left: 70, right: 60, top: 60, bottom: 70 },
      xAxis: { type: "category", data: days.map((d) => day(d.window.from)) },
      yAxis: [{ type: "value", name: currency }, { type: "value", name: labels.newUsers, minInterval: 1, splitLine: { show: false } }],
      series: [
        { name: labels.sales, type: "bar", data: amount((d) => d.sales.total) },
        { name: labels.refunds, type: "bar", data: amount((d) => d.sales.refundedTotal) },
        { name: labels.deposits, type: "bar", data: amount((d) => d.deposits.total) },
        { name: labels.newUsers, type: "line", yAxisIndex: 1, data: days.map((d) => d.newUsers) }
      ]
    })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

/** The chart as a PNG. */
export const chartPng = (days: ReadonlyArray<ShopStatistics>, labels: ChartLabels): Effect.Effect<Uint8Array> =>
  Effect.sync(() => new Resvg(chartSvg(days, labels), { fitTo: { mode: "width", value: WIDTH }, font: { loadSystemFonts: true } }).render().asPng())
