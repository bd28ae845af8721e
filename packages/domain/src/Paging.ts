import * as Schema from "effect/Schema"

export const PageRequest = Schema.Struct({
  offset: Schema.Int.pipe(Schema.nonNegative()),
  limit: Schema.Int.pipe(Schema.between(1, 100))
})
export type PageRequest = typeof PageRequest.Type

export interface Page<A> {
  readonly items: ReadonlyArray<A>
  /** How many entries exist in all, across every page. */
  readonly total: number // a count, not money
  readonly offset: number
  readonly limit: number
}

export const page = (offset: number, limit: number): PageRequest => ({
  offset: Math.max(0, Math.trunc(offset)),
  limit: Math.min(100, Math.max(1, Math.trunc(limit)))
})

/** Cuts one page out of an already ordered list. */
export const slice = <A>(all: ReadonlyArray<A>, req: PageRequest): Page<A> => ({
  items: all.slice(req.offset, req.offset + req.limit),
  total: all.length,
  offset: req.offset,
  limit: req.limit
})

/** A half-open time window [from, to). */
export interface TimeWindow {
  readonly from: Date
  readonly to: Date
}
export const within = (at: Date, w: TimeWindow): boolean => at >= w.from && at < w.to
