/** Statistics: a period's figures, its chart, its sales as CSV. */
import * as Schema from "effect/Schema"

/** "1", "7" or "30" days. */
export const Days = Schema.Literal("1", "7", "30")
export type Days = typeof Days.Type

export const statsCallbacks = [
  Schema.TaggedStruct("Stats", { days: Days }),
  Schema.TaggedStruct("StatsChart", { days: Days }),
  Schema.TaggedStruct("StatsCsv", { days: Days })
] as const

export const statsCodes = {
  Stats: ["at", ["days"]],
  StatsChart: ["aC", ["days"]],
  StatsCsv: ["aV", ["days"]]
} as const
