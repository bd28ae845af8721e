/**
 * npm 11 runs a dependency's install script only when the root package.json approves it (allowScripts);
 * a later npm blocks the rest by default. The shop needs them: better-sqlite3's native build (SQLite),
 * esbuild, @parcel/watcher, msgpackr-extract, and @foundry-rs/anvil for the Ethereum tests.
 */
import { execFile } from "node:child_process"
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { promisify } from "node:util"
import { describe, expect, it } from "vitest"

const root = resolve(import.meta.dirname, "../../..")

describe("install scripts", () => {
  it("every installed package with an install script is approved in the root package.json", async () => {
    const { stdout } = await promisify(execFile)("npm", ["install-scripts", "ls", "--json"], { cwd: root, encoding: "utf8" })
    const pending = (JSON.parse(stdout) as { allowScripts: ReadonlyArray<{ name: string }> }).allowScripts.map((p) => p.name)
    expect(pending).toEqual([])
  })

  it("the SQLite build is among the approvals", () => {
    const allow = (JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")) as { allowScripts?: Record<string, boolean> }).allowScripts ?? {}
    expect(allow["better-sqlite3-multiple-ciphers"]).toBe(true)
  })
})
