/**
 * Judging a concurrent group: its outcomes are right when some order of its steps, run one after
 * the other through the reference model, predicts exactly the outcomes observed and the state the
 * shop is in afterwards (serializability, checked by trying every order: groups have at most a few members).
 */
import { cloneModel, type ModelState, observable, predict } from "./referenceModel.js"
import type { Outcome, Step } from "./steps.js"

/** Every order of 0 .. n - 1, the listed order first (the one a race most often ends in). */
export const permutations = (n: number): Array<Array<number>> => {
  if (n === 0) return [[]]
  return permutations(n - 1).flatMap((rest) => Array.from({ length: n }, (_, i) => n - 1 - i).map((at) => [...rest.slice(0, at), n - 1, ...rest.slice(at)]))
}

/** Deep equality of plain data (objects, arrays, strings, numbers, booleans, null). */
export const same = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

/** Plain data as text with its object keys sorted, so that two descriptions compare as strings. */
export const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) => {
    if (typeof v === "bigint") return String(v)
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v
    return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  })

export interface Serialization {
  /** The members' indexes in the order that explains what happened. */
  readonly order: ReadonlyArray<number>
  /** The model after running them in that order. */
  readonly model: ModelState
}

/**
 * The first order of `members` whose predictions equal `observed` (member by member) and whose end
 * state equals `state`, or undefined when none does. `model` is left as it was.
 */
export const findSerialization = (
  model: ModelState,
  members: ReadonlyArray<Step>,
  observed: ReadonlyArray<Outcome>,
  state: unknown
): Serialization | undefined => {
  for (const order of permutations(members.length)) {
    const copy = cloneModel(model)
    const predicted: Array<Outcome> = []
    for (const j of order) predicted[j] = predict(copy, members[j]!)
    if (same(predicted, observed) && same(observable(copy), state)) return { order, model: copy }
  }
  return undefined
}

/** What the model predicts for the members in their listed order, to show when no order fits. */
export const inListedOrder = (model: ModelState, members: ReadonlyArray<Step>) => {
  const copy = cloneModel(model)
  return { outcomes: members.map((step) => predict(copy, step)), state: observable(copy) }
}
