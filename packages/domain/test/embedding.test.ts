import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { describe, expect, it } from "vitest"
import { runQuickstart } from "../examples/quickstart.js"

describe("docs/embedding.md", () => {
  it("runs its example: the buyer pays once and receives two keys", async () => {
    expect(await runQuickstart()).toEqual({
      delivered: ["AAAA-BBBB-CCCC", "DDDD-EEEE-FFFF"],
      paid: "9.98 USD",
      left: "0.02 USD",
      stock: 1
    })
  })

  it("shows the example exactly as it is tested", () => {
    const example = readFileSync(resolve(import.meta.dirname, "../examples/quickstart.ts"), "utf8")
    const doc = readFileSync(resolve(import.meta.dirname, "../../../docs/embedding.md"), "utf8")
    expect(doc).toContain(example.trim())
  })
})
