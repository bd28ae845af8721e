/** `tokenshop wallet`: keys made offline from a mnemonic on standard input, the Solana pool, and the check of an address. */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { cliDir, removeDir, runTokenshop } from "./cliHarness.js"

const MNEMONIC = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
const dir = cliDir()
afterAll(() => removeDir(dir))

describe("tokenshop wallet", () => {
  it("xpub prints each chain's account public key from the mnemonic on standard input, and the first address to check", async () => {
    const btc = await runTokenshop(dir, ["wallet", "xpub", "--chain", "btc"], {}, [MNEMONIC])
    expect(btc.code).toBe(0)
    expect(btc.output).toContain("BTC_XPUB=zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs")
    expect(btc.output).toContain("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu")
    expect((await runTokenshop(dir, ["wallet", "xpub", "--chain", "ltc"], {}, [MNEMONIC])).output).toContain("ltc1qjmxnz78nmc8nq77wuxh25n2es7rzm5c2rkk4wh")
    expect((await runTokenshop(dir, ["wallet", "xpub", "--chain", "eth"], {}, [MNEMONIC])).output).toContain("0x9858EfFD232B4033E47d90003D41EC34EcaEda94")
    expect((await runTokenshop(dir, ["wallet", "xpub", "--chain", "tron"], {}, [MNEMONIC])).output).toContain("TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH")
  })

  it("refuses a wrong mnemonic without printing its words, and an empty input", async () => {
    const wrong = await runTokenshop(dir, ["wallet", "xpub", "--chain", "btc"], {}, [MNEMONIC.replace(/about$/, "abandon")])
    expect(wrong.code).toBe(1)
    expect(wrong.output).toContain("checksum")
    expect(wrong.output).not.toContain("abandon")
    expect((await runTokenshop(dir, ["wallet", "xpub", "--chain", "btc"], {}, [])).output).toContain("no mnemonic on standard input")
  })

  it("sol-pool prints public addresses only; import-sol-pool adds them once; address shows what the configured key gives", async () => {
    const pool = await runTokenshop(dir, ["wallet", "sol-pool", "--count", "3"], {}, [MNEMONIC])
    expect(pool.code).toBe(0)
    const addresses = pool.output.split("\n").filter((l) => /^[1-9A-HJ-NP-Za-km-z]{32,44}$/.test(l))
    expect(addresses).toHaveLength(3)
    expect(addresses[0]).toBe("HAgk14JpMQLgt6rVgv7cBQFJWFto5Dqxi472uT3DKpqk")
    const file = join(dir, "pool.txt")
    writeFileSync(file, `# made offline\n${addresses.join("\n")}\n\n`)
    const imported = await runTokenshop(dir, ["wallet", "import-sol-pool", file])
    expect(imported.output).toContain("imported 3 Solana address(es); 3 left to give out")
    expect((await runTokenshop(dir, ["wallet", "import-sol-pool", file])).output).toContain("imported 0 Solana address(es), skipped 3 already known")
    writeFileSync(file, "not-an-address\n")
    const bad = await runTokenshop(dir, ["wallet", "import-sol-pool", file])
    expect(bad.code).toBe(1)
    expect(bad.output).toContain("line 1")

    const key = (await runTokenshop(dir, ["wallet", "xpub", "--chain", "eth"], {}, [MNEMONIC])).output.match(/ETH_XPUB=(\S+)/)![1]!
    const at = await runTokenshop(dir, ["wallet", "address", "--chain", "eth", "--index", "0"], { ETH_XPUB: key })
    expect(at.output.trim()).toBe("0x9858EfFD232B4033E47d90003D41EC34EcaEda94")
    const none = await runTokenshop(dir, ["wallet", "address", "--chain", "btc", "--index", "0"])
    expect(none.code).toBe(1)
    expect(none.output).toContain("no account public key is configured for bitcoin")
    const broken = await runTokenshop(dir, ["wallet", "address", "--chain", "eth", "--index", "0"], { ETH_XPUB: `${key.slice(0, -1)}x` })
    expect(broken.code).toBe(2)
    expect(broken.output).toContain("ETH_XPUB")
  })
})
