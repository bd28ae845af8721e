/** GOODS_ENCRYPTION_KEY from the command line: a missing or malformed key names its variable; `keys rotate` moves to a new key. */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { cliDir, removeDir, runTokenshop } from "./cliHarness.js"

const dir = cliDir()
afterAll(() => removeDir(dir))
const A = "1".repeat(64)
const B = "2".repeat(64)

describe("goods encryption keys", () => {
  it("a store sealed under one key refuses to open without it, naming the variables; rotation moves to a new key", async () => {
    const stock = join(dir, "stock.txt")
    writeFileSync(stock, "Games;Steam;key;4.99;KEY-1\nGames;Steam;key;4.99;KEY-2\n")
    expect((await runTokenshop(dir, ["import", stock], { GOODS_ENCRYPTION_KEY: A })).code).toBe(0)
    const missing = await runTokenshop(dir, ["stats"])
    expect(missing.code).toBe(2)
    expect(missing.output).toContain(`the goods key is missing or wrong (GOODS_ENCRYPTION_KEY is not set and the key file ${join(dir, "goods.key")} does not exist`)
    expect((await runTokenshop(dir, ["stats"], { GOODS_ENCRYPTION_KEY: B })).code).toBe(2)
    expect((await runTokenshop(dir, ["stats"], { GOODS_ENCRYPTION_KEY: "short" })).output).toContain("GOODS_ENCRYPTION_KEY")
    const rotated = await runTokenshop(dir, ["keys", "rotate"], { GOODS_ENCRYPTION_KEY: B, GOODS_ENCRYPTION_KEYS_OLD: A })
    expect(rotated.code).toBe(0)
    expect(rotated.output).toContain("(2 re-sealed)")
    expect((await runTokenshop(dir, ["stats"], { GOODS_ENCRYPTION_KEY: B })).code).toBe(0)
    expect((await runTokenshop(dir, ["keys", "rotate"])).output).toContain("the goods key is missing or wrong")
  })
})
