/** A guard over the sources: money in the domain is never a JS number, and nothing parses through a float. */
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative, resolve } from "node:path"
import { describe, expect, it } from "vitest"

const src = resolve(import.meta.dirname, "../src")
const files = (dir: string): Array<string> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : []
  })

const forbidden: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bparseFloat\(|\bparseInt\(|\bNumber\(|\.toFixed\(|Math\.round\(|\bunsafeToNumber\b|\bfromNumber\b/, "float conversion"],
  [/\b(amount|price|balance|total|fee|fees|cents|units|fiat|rate|topUp|consumed|available|needed)\w*\??\s*:\s*number\b/i, "money typed as number"]
]

describe("domain sources", () => {
  it("never hold money in a JS number", () => {
    const hits: Array<string> = []
    for (const file of files(src)) {
      readFileSync(file, "utf8").split("\n").forEach((line, i) => {
        if (line.includes("not money")) return // an explicit, reviewed exception
        for (const [pattern, what] of forbidden) {
          if (pattern.test(line)) hits.push(`${relative(src, file)}:${i + 1}: ${what}: ${line.trim()}`)
        }
      })
    }
    expect(hits).toEqual([])
  })
})
