/** Every locale has every key, with the same placeables, and Fluent parses it without errors. */
import { readdirSync, readFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { FluentBundle, FluentResource } from "@fluent/bundle"
import { describe, expect, it } from "vitest"

const dir = resolve(import.meta.dirname, "../src/locales")
const locales = readdirSync(dir).filter((f) => f.endsWith(".ftl")).map((f) => f.replace(/\.ftl$/, ""))
const source = (locale: string) => readFileSync(join(dir, `${locale}.ftl`), "utf8")

/** key -> the sorted variables it uses. */
const keys = (locale: string) => {
  const bundle = new FluentBundle(locale)
  const errors = bundle.addResource(new FluentResource(source(locale)))
  expect(errors, `${locale}.ftl`).toEqual([])
  const out = new Map<string, string>()
  let current: string | undefined
  const vars = new Map<string, Set<string>>()
  for (const line of source(locale).split("\n")) {
    const m = /^([a-z][a-z0-9-]*)\s*=/.exec(line)
    if (m !== null) {
      current = m[1]!
      vars.set(current, new Set())
    } else if (!/^\s/.test(line)) current = undefined
    if (current !== undefined) for (const v of line.matchAll(/\{\s*\$([a-zA-Z]+)\s*\}/g)) vars.get(current)!.add(v[1]!)
  }
  for (const [key, set] of vars) out.set(key, [...set].sort().join(","))
  return out
}

describe("locales", () => {
  it("are at least English and German", () => {
    expect(locales).toEqual(expect.arrayContaining(["en", "de"]))
  })

  it("all have the same keys with the same placeables", () => {
    const reference = keys("en")
    expect(reference.size).toBeGreaterThan(40)
    for (const locale of locales) {
      const other = keys(locale)
      expect([...other.keys()].sort(), `${locale}: keys`).toEqual([...reference.keys()].sort())
      for (const [key, placeables] of reference) expect(other.get(key), `${locale}: ${key}`).toBe(placeables)
    }
  })
})
