/**
 * Button payloads, encoded once. Encoding a payload checks every field with Schema (tens of
 * microseconds), and a screen shows the same buttons over and over: a category list its categories,
 * a card its quantities. The wire text depends on the fields' values only, so it is kept by them;
 * the first encoding of any payload is still checked, and still throws when it is invalid.
 * Bounded: past the limit the cache starts again.
 */
import { type Callback, encodeCallback } from "./CallbackData.js"

/** Distinct payloads kept; past this the cache starts again (a bound on memory, not on correctness). */
const CAPACITY = 20_000
const encoded = new Map<string, string>()

/**
 * A payload's fields as a key: each name and value once, in order; undefined when a value is not a
 * plain scalar (such a payload is simply encoded every time).
 */
const keyOf = (callback: Callback): string | undefined => {
  let key = ""
  for (const [name, value] of Object.entries(callback)) {
    if (typeof value === "object" && value !== null) return undefined
    key += `${name}\u0000${typeof value === "string" ? JSON.stringify(value) : `${typeof value}:${String(value)}`}\u0001`
  }
  return key
}

/** The wire text of a button's payload (see encodeCallback). */
export const payloadOf = (callback: Callback): string => {
  const key = keyOf(callback)
  if (key === undefined) return encodeCallback(callback)
  const hit = encoded.get(key)
  if (hit !== undefined) return hit
  const text = encodeCallback(callback)
  if (encoded.size >= CAPACITY) encoded.clear()
  encoded.set(key, text)
  return text
}
