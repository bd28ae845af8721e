/**
 * A small JSON parser that keeps every number as its source text, so that amounts never pass
 * through a float. Objects become plain records, arrays arrays; errors carry the offset.
 */
export class JsonNumber {
  constructor(readonly text: string) {}
}
export type JsonValue = null | boolean | string | JsonNumber | ReadonlyArray<JsonValue> | { readonly [k: string]: JsonValue }

export class JsonSyntaxError extends Error {
  constructor(readonly offset: number, readonly line: number, problem: string) {
    super(`line ${line}: ${problem}`)
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const ESCAPES: Record<string, string> = { "\"": "\"", "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" }

export const parseLosslessJson = (text: string): JsonValue => {
  let i = 0
  const fail = (problem: string): never => {
    let line = 1
    for (let k = 0; k < i && k < text.length; k++) if (text.charCodeAt(k) === 10) line++
    throw new JsonSyntaxError(i, line, problem)
  }
  const ws = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === 32 || c === 9 || c === 10 || c === 13) i++
      else break
    }
  }
  const str = (): string => {
    i++ // opening quote
    let out = ""
    let start = i
    for (;;) {
      if (i >= text.length) fail("unterminated string")
      const c = text[i]!
      if (c === "\"") {
        out += text.slice(start, i)
        i++
        return out
      }
      if (c === "\\") {
        out += text.slice(start, i)
        const e = text[i + 1]
        if (e === "u") {
          const hex = text.slice(i + 2, i + 6)
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("bad unicode escape")
          out += String.fromCharCode(parseInt(hex, 16)) // a character code, not money
          i += 6
        } else if (e !== undefined && e in ESCAPES) {
          out += ESCAPES[e]
          i += 2
        } else fail("bad escape")
        start = i
        continue
      }
      if (text.charCodeAt(i) < 0x20) fail("control character in string")
      i++
    }
  }
  const value = (depth: number): JsonValue => {
    if (depth > 64) fail("nesting too deep")
    ws()
    const c = text[i]
    if (c === "{") {
      i++
      const obj: Record<string, JsonValue> = Object.create(null)
      ws()
      if (text[i] === "}") return (i++, obj)
      for (;;) {
        ws()
        if (text[i] !== "\"") fail("expected a property name")
        const key = str()
        ws()
        if (text[i] !== ":") fail("expected ':'")
        i++
        obj[key] = value(depth + 1)
        ws()
        if (text[i] === ",") { i++; continue }
        if (text[i] === "}") { i++; return obj }
        fail("expected ',' or '}'")
      }
    }
    if (c === "[") {
      i++
      const arr: Array<JsonValue> = []
      ws()
      if (text[i] === "]") return (i++, arr)
      for (;;) {
        arr.push(value(depth + 1))
        ws()
        if (text[i] === ",") { i++; continue }
        if (text[i] === "]") { i++; return arr }
        fail("expected ',' or ']'")
      }
    }
    if (c === "\"") return str()
    if (text.startsWith("true", i)) return (i += 4, true)
    if (text.startsWith("false", i)) return (i += 5, false)
    if (text.startsWith("null", i)) return (i += 4, null)
    NUMBER.lastIndex = i
    const m = NUMBER.exec(text)
    if (m === null) return fail(i >= text.length ? "unexpected end of input" : `unexpected character '${c}'`)
    i += m[0].length
    return new JsonNumber(m[0])
  }
  const result = value(0)
  ws()
  if (i < text.length) fail("unexpected text after the end")
  return result
}
