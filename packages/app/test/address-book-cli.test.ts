/** `tokenshop address`: the owner adds, lists and removes withdrawal addresses from the server; bad input changes nothing. */
import { afterAll, describe, expect, it } from "vitest"
import { cliDir, removeDir, runTokenshop } from "./cliHarness.js"

const dir = cliDir()
afterAll(() => removeDir(dir))
const btc = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"

describe("the withdrawal address book on the command line", () => {
  it("adds a checked address usable at once, lists it, refuses bad ones, removes it once", async () => {
    expect((await runTokenshop(dir, ["address", "list"])).output).toContain("the address book is empty")
    const typo = await runTokenshop(dir, ["address", "add", "btc", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5"])
    expect(typo).toMatchObject({ code: 1 })
    expect(typo.output).toContain("checksum does not match")
    const unknown = await runTokenshop(dir, ["address", "add", "DOGECOIN", btc])
    expect(unknown.output).toMatch(/^error: unknown asset "DOGECOIN"/)
    const added = await runTokenshop(dir, ["address", "add", "btc", btc, "--label", "cold"])
    expect(added.code).toBe(0)
    expect(added.output).toMatch(new RegExp(`^BTC ${btc} is in the address book, usable from \\d{4}-`))
    const listed = await runTokenshop(dir, ["address", "list"])
    expect(listed.output).toContain(`BTC ${btc} (cold) added by operator cli`)
    expect((await runTokenshop(dir, ["address", "remove", "BTC", btc])).output).toContain(`removed BTC ${btc}`)
    expect((await runTokenshop(dir, ["address", "remove", "BTC", btc])).output).toContain("was not in the address book; nothing changed")
    expect((await runTokenshop(dir, ["address", "list"])).output).toContain("the address book is empty")
  })

  it("WITHDRAWAL_APPROVAL_ABOVE needs two admins, and is an amount or off", async () => {
    const one = await runTokenshop(dir, ["stats"], { WITHDRAWAL_APPROVAL_ABOVE: "500", ADMIN_IDS: "1" })
    expect(one.code).toBe(2)
    expect(one.output).toContain("needs at least two ADMIN_IDS")
    expect((await runTokenshop(dir, ["stats"], { WITHDRAWAL_APPROVAL_ABOVE: "lots", ADMIN_IDS: "1,2" })).output).toContain("must be an amount in USD, or off")
    expect((await runTokenshop(dir, ["stats"], { WITHDRAWAL_APPROVAL_ABOVE: "off", ADMIN_IDS: "1" })).code).toBe(0)
    expect((await runTokenshop(dir, ["stats"], { WITHDRAWAL_ADDRESS_DELAY_HOURS: "-1" })).output).toContain("WITHDRAWAL_ADDRESS_DELAY_HOURS")
  })
})
