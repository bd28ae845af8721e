/** The inventory and balances from the command line: duplicates refused, stock, item removal, credits to new buyers. */
import { rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeEach, describe, expect, it } from "vitest"
import { cliDir, removeDir, runTokenshop } from "./cliHarness.js"

const dir = cliDir()
afterAll(() => removeDir(dir))
const tokenshop = (args: ReadonlyArray<string>, env: Record<string, string> = {}) => runTokenshop(dir, args, env)
const file = (name: string, lines: ReadonlyArray<string>) => {
  const path = join(dir, name)
  writeFileSync(path, lines.join("\n"))
  return path
}

describe("tokenshop inventory and balances", () => {
  beforeEach(() => rmSync(join(dir, "shop.db"), { force: true }))

  it("import refuses private data already unsold or repeated in the file, naming lines; --allow-duplicates overrides", async () => {
    const keys = file("keys.txt", ["Games;Steam;key;4.99;KEY-1", "Games;Steam;key;4.99;KEY-2", "Soft;Office;licence;9.99;OFF-1"])
    expect((await tokenshop(["import", keys])).code).toBe(0)
    const again = await tokenshop(["import", keys])
    expect(again).toEqual({
      code: 1,
      output: [
        "error: import rejected, nothing was imported (3 problems):",
        "  line 1: private_data: already in stock, unsold",
        "  line 2: private_data: already in stock, unsold",
        "  line 3: private_data: already in stock, unsold",
        "the same private data would be sold twice; to import such items anyway, add --allow-duplicates"
      ].join("\n")
    })
    const twice = file("twice.json", [JSON.stringify([
      { category: "Games", subcategory: "Epic", price: "3.00", description: "k", private_data: "EPIC-1" },
      { category: "Games", subcategory: "Epic", price: "3.00", description: "k", private_data: "EPIC-1" }
    ])])
    expect((await tokenshop(["import", twice])).output).toContain("  index 1: private_data: repeats index 0")
    expect((await tokenshop(["stock"])).output).toBe([
      "Games: 2 unsold",
      "  Steam (subcategory 1): 2 unsold, next at 4.99 USD",
      "Soft: 1 unsold",
      "  Office (subcategory 2): 1 unsold, next at 9.99 USD",
      "3 unsold item(s) in 2 categories"
    ].join("\n"))
    expect((await tokenshop(["import", "--allow-duplicates", keys])).output).toContain("imported 3 items")
    expect((await tokenshop(["stock"])).output).toContain("6 unsold item(s) in 2 categories")
  })

  it("item remove takes unsold items by id or a whole subcategory's; sold or unknown ids are named, nothing else changes", async () => {
    await tokenshop(["import", file("k.txt", ["Games;Steam;key;4.99;A", "Games;Steam;key;4.99;B", "Games;Steam;key;4.99;C", "Soft;Office;l;9.99;D"])])
    expect((await tokenshop(["item", "remove", "--id", "2"])).output).toBe("removed 1 unsold item(s): 2")
    expect((await tokenshop(["stock"])).output).toContain("  Steam (subcategory 1): 2 unsold")
    const missing = await tokenshop(["item", "remove", "--id", "2", "--id", "3"])
    expect(missing).toEqual({ code: 1, output: "removed 1 unsold item(s): 3\nerror: not removed (sold, or no such item): 2" })
    expect((await tokenshop(["item", "remove", "--subcategory", "2"])).output).toBe("removed 1 unsold item(s) of subcategory 2; sold items and the subcategory stay")
    expect((await tokenshop(["stock"])).output).toContain("  Office (subcategory 2): 0 unsold")
    expect((await tokenshop(["item", "remove", "--subcategory", "99"])).output).toBe("error: subcategory 99 does not exist")
    expect((await tokenshop(["item", "remove"])).output).toBe("error: give either --id ITEM_ID (one or more) or --subcategory SUBCATEGORY_ID")
    expect((await tokenshop(["item", "remove", "--id", "x"])).output).toBe("error: \"x\" is not an item id")
  })

  it("a credit to a buyer who never opened the bot says they must press /start; --create registers them; a debit says what is available", async () => {
    const unknown = await tokenshop(["user", "credit", "424242", "10", "--reason", "gift"])
    expect(unknown).toEqual({ code: 1, output: "error: user 424242 has never opened the bot: they must press /start first (or add --create to a credit to register them by their Telegram id now)" })
    const created = await tokenshop(["user", "credit", "424242", "10", "--reason", "gift", "--create"])
    expect(created.code).toBe(0)
    expect(created.output).toContain("registered user 424242")
    expect(created.output).toContain("credited 10.00 USD to user 424242: top-up 10.00 USD, consumed 0.00 USD, available 10.00 USD")
    const debited = await tokenshop(["user", "debit", "424242", "4", "--reason", "fee"])
    expect(debited.output).toContain("debited 4.00 USD from user 424242: top-up 10.00 USD, consumed 4.00 USD, available 6.00 USD")
    const short = await tokenshop(["user", "debit", "424242", "7", "--reason", "too much"])
    expect(short.code).toBe(1)
    expect(short.output).toBe("error: insufficient funds: user 424242 has 6.00 USD available, 7.00 USD asked")
    expect((await tokenshop(["user", "debit", "5", "1", "--reason", "x"])).output).toContain("user 5 has never opened the bot")
    expect((await tokenshop(["user", "show", "5"])).output).toContain("user 5 has never opened the bot")
  })
})
