/**
 * Every `tokenshop` command line the README and the docs show runs through `npm run -s tokenshop -- ...`,
 * which builds what it needs first (turbo; its output on standard error, so standard output is the
 * command's alone) and then runs the command. Each documented command is run with --help, which
 * parses its whole command line without touching a database or reading a mnemonic.
 */
import { spawn } from "node:child_process"
import { readdirSync, readFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { describe, expect, it } from "vitest"

const root = resolve(import.meta.dirname, "../../..")

/** The tokenshop command lines shown in README.md and docs/*.md: the words after `tokenshop --` up to the first option. */
const documented = (): ReadonlyArray<ReadonlyArray<string>> => {
  const files = [join(root, "README.md"), ...readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => join(root, "docs", f))]
  const lines = new Map<string, ReadonlyArray<string>>()
  for (const file of files) {
    for (const match of readFileSync(file, "utf8").matchAll(/npm run -s tokenshop -- ([^`\n|#>]*)/g)) {
      const words: Array<string> = []
      for (const word of match[1]!.trim().split(/\s+/)) {
        if (!/^[a-z][a-z-]*$/.test(word)) break // subcommand names only; arguments and options end the path
        words.push(word)
      }
      lines.set(words.join(" "), words)
    }
  }
  return [...lines.values()]
}

/**
 * Runs a command to its end without blocking this worker's event loop (the build can take minutes on
 * a busy machine; a synchronous wait that long makes vitest's worker miss its RPC deadline).
 */
const run = (command: string, args: ReadonlyArray<string>, env: NodeJS.ProcessEnv = process.env) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(command, args, { cwd: root, env })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()))
    child.on("close", (status) => done({ status, stdout, stderr }))
  })

describe("the documented command lines", () => {
  it("build what they need, then run; every documented command parses", async () => {
    const commands = documented()
    expect(commands.map((c) => c.join(" "))).toEqual(expect.arrayContaining(["", "wallet xpub", "wallet sol-pool", "wallet import-sol-pool", "wallet address"]))
    for (const [i, words] of commands.entries()) {
      const args = [...words, "--help"]
      // the first goes through npm and the build step; the others run the file that build made, as the launcher does
      const result = i === 0
        ? await run("npm", ["run", "-s", "tokenshop", "--", ...args], { ...process.env, TURBO_TELEMETRY_DISABLED: "1" })
        : await run(process.execPath, [join(root, "packages/app/dist/tokenshop.mjs"), ...args])
      expect(result.status, `npm run -s tokenshop -- ${args.join(" ")}: ${result.stderr.slice(-600)}`).toBe(0)
      const out = result.stdout.replace(/\u001b\[[0-9;]*m/g, "")
      expect(out.startsWith("tokenshop"), out.slice(0, 200)).toBe(true) // nothing but the command's own output
    }
  }, 300_000)
})
