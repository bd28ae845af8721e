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

/** key -> the sorted HTML tags it uses (Telegram rejects a message whose tags do not pair up). */
const tags = (locale: string) => {
  const out = new Map<string, Array<string>>()
  let current: string | undefined
  for (const line of source(locale).split("\n")) {
    const m = /^([a-z][a-z0-9-]*)\s*=/.exec(line)
    if (m !== null) out.set(current = m[1]!, [])
    else if (!/^\s/.test(line)) current = undefined
    if (current !== undefined) for (const t of line.matchAll(/<\/?[a-z]+>/g)) out.get(current)!.push(t[0])
  }
  return new Map([...out].map(([key, list]) => [key, list.sort().join(" ")]))
}

describe("locales", () => {
  it("are English, German, Spanish, French, Italian and Chinese", () => {
    expect([...locales].sort()).toEqual(["de", "en", "es", "fr", "it", "zh"])
  })

  it("each name their language in that language", () => {
    const names = Object.fromEntries(locales.map((l) => [l, /^language-name = (.+)$/m.exec(source(l))?.[1]]))
    expect(names).toEqual({ en: "English", de: "Deutsch", es: "Español", fr: "Français", it: "Italiano", zh: "中文" })
  })

  it("all keep the HTML tags of English, message by message", () => {
    const reference = tags("en")
    for (const locale of locales) {
      const other = tags(locale)
      for (const [key, list] of reference) expect(other.get(key), `${locale}: ${key}`).toBe(list)
    }
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
