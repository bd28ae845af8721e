/**
 * The dependency rule (.dependency-cruiser.cjs) must catch every kind of forbidden import.
 * Runs the same check `npm test` runs over a scratch copy of the layout with planted violations.
 */
import { spawnSync } from "node:child_process"
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { afterAll, describe, expect, it } from "vitest"

const root = resolve(import.meta.dirname, "../../..")
const scratch = mkdtempSync(join(tmpdir(), "tokenshop-boundaries-"))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const write = (path: string, text: string) => {
  mkdirSync(dirname(join(scratch, path)), { recursive: true })
  writeFileSync(join(scratch, path), text)
}

const depcruise = (...extra: Array<string>) =>
  spawnSync(process.execPath, [
    join(root, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs"),
    "packages",
    "--config", join(root, ".dependency-cruiser.cjs"),
    ...extra
  ], { cwd: scratch, encoding: "utf8" })

/** The exit status of the check as `npm test` runs it, and the violations it lists. */
const cruise = () => {
  const { status } = depcruise()
  const result = JSON.parse(depcruise("--output-type", "json").stdout) as {
    summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> }
  }
  // node_modules is a symlink into the repository: its files resolve to their real path
  const at = (path: string) => path.replace(/^\S*?node_modules\//, "node_modules/")
  return { status, violations: result.summary.violations.map((v) => `${v.rule.name}: ${at(v.from)} -> ${at(v.to)}`).sort() }
}

describe("the dependency rule", () => {
  cpSync(join(root, "tsconfig.base.json"), join(scratch, "tsconfig.base.json"))
  symlinkSync(join(root, "node_modules"), join(scratch, "node_modules"), "dir")
  write("packages/domain/src/Good.ts", "import * as Effect from \"effect/Effect\"\nexport const x = Effect.void\n")
  write("packages/adapters-sql/src/index.ts", "import \"../../domain/src/Good.js\"\nexport {}\n")
  write("packages/adapters-telegram/src/index.ts", "import \"../../domain/src/Good.js\"\nexport {}\n")
  write("packages/app/src/main.ts", "import \"../../adapters-sql/src/index.js\"\nimport \"../../adapters-telegram/src/index.js\"\n")

  it("passes a layout that keeps it", () => {
    expect(cruise()).toEqual({ status: 0, violations: [] })
  })

  it("fails on the domain importing anything but effect, adapters importing adapters, and imports of app", () => {
    write("packages/domain/src/Bad.ts", "import { readFileSync } from \"node:fs\"\nimport \"../../adapters-sql/src/index.js\"\nexport const f = readFileSync\n")
    write("packages/adapters-telegram/src/Bad.ts", "import \"../../adapters-sql/src/index.js\"\n")
    write("packages/adapters-sql/src/Bad.ts", "import \"../../app/src/main.js\"\n")
    const { status, violations } = cruise()
    expect(status).not.toBe(0)
    expect(violations).toEqual([
      "adapter-not-to-other-adapter: packages/adapters-telegram/src/Bad.ts -> packages/adapters-sql/src/index.ts",
      "domain-only-effect: packages/domain/src/Bad.ts -> fs",
      "domain-only-effect: packages/domain/src/Bad.ts -> packages/adapters-sql/src/index.ts",
      "nothing-imports-app: packages/adapters-sql/src/Bad.ts -> packages/app/src/main.ts",
      "only-app-imports-adapters: packages/domain/src/Bad.ts -> packages/adapters-sql/src/index.ts"
    ])
  })

  it("fails on the domain importing a package of node_modules (one whose files sit in a dist folder too)", () => {
    write("packages/domain/src/Bad.ts", "import * as P from \"@effect/platform/HttpClient\"\nexport const p = P\n")
    write("packages/adapters-telegram/src/Bad.ts", "export {}\n")
    write("packages/adapters-sql/src/Bad.ts", "export {}\n")
    const { violations } = cruise()
    expect(violations).toEqual(["domain-only-effect: packages/domain/src/Bad.ts -> node_modules/@effect/platform/dist/esm/HttpClient.js"])
  })

  it("fails on server code that could read a mnemonic: BIP39 or SLIP-10 outside the offline module, that module outside the wallet CLI", () => {
    write("packages/domain/src/Bad.ts", "export {}\n")
    write("packages/adapters-chain/src/derive/Offline.ts", "import { mnemonicToSeedSync } from \"@scure/bip39\"\nexport const seed = mnemonicToSeedSync\n")
    write("packages/adapters-chain/src/watchers/Bad.ts", "import { HDKey } from \"micro-key-producer/slip10.js\"\nimport { seed } from \"../derive/Offline.js\"\nexport const k = [HDKey, seed]\n")
    write("packages/app/src/cli/Wallet.ts", "import \"../../../adapters-chain/src/derive/Offline.js\"\n")
    write("packages/app/src/Start.ts", "import \"../../adapters-chain/src/derive/Offline.js\"\n")
    const { violations } = cruise()
    expect(violations).toEqual([
      "mnemonic-only-offline: packages/adapters-chain/src/watchers/Bad.ts -> node_modules/micro-key-producer/slip10.js",
      "offline-keys-only-in-wallet-cli: packages/adapters-chain/src/watchers/Bad.ts -> packages/adapters-chain/src/derive/Offline.ts",
      "offline-keys-only-in-wallet-cli: packages/app/src/Start.ts -> packages/adapters-chain/src/derive/Offline.ts"
    ])
  })
})
