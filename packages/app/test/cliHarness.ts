/** Runs `tokenshop` in-process with a temporary database, an environment and standard input. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { vi } from "vitest"
import { runCli } from "../src/cli/Cli.js"
import { Stdin } from "../src/cli/Stdin.js"

export const cliDir = () => mkdtempSync(join(tmpdir(), "tokenshop-cli-"))

/** The goods key the commands run in `dir` made (its key file), for a test that opens the same database itself. */
export const goodsKeysIn = (dir: string) => ({ current: Redacted.make(readFileSync(join(dir, "goods.key"), "utf8").trim()) })
export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true })

/**
 * Runs `tokenshop ...args` with the database and the goods key file in `dir` (so that no run leaves a
 * key file anywhere else), unless `env` says otherwise; returns what it printed (stdout and stderr) and its exit code. The notes on
 * standard error about which database is used (console.warn) are kept apart, in `notes`, which is not
 * enumerable so that `toEqual({ code, output })` compares what the command itself said.
 */
export const runTokenshop = async (dir: string, args: ReadonlyArray<string>, env: Record<string, string> = {}, stdin: ReadonlyArray<string> = []) => {
  const out: Array<string> = []
  const log = vi.spyOn(console, "log").mockImplementation((...a: Array<unknown>) => void out.push(a.join(" ")))
  const error = vi.spyOn(console, "error").mockImplementation((...a: Array<unknown>) => void out.push(a.join(" ")))
  const notes: Array<string> = []
  const warn = vi.spyOn(console, "warn").mockImplementation((...a: Array<unknown>) => void notes.push(a.join(" ")))
  process.exitCode = 0
  try {
    await Effect.runPromise(runCli(["node", "tokenshop", ...args]).pipe(
      Effect.provide(NodeContext.layer),
      Effect.provide(Stdin.fixed(stdin)),
      Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries({ DATABASE_FILE: join(dir, "shop.db"), GOODS_KEY_FILE: join(dir, "goods.key"), ...env })))),
      Effect.catchAll(() => Effect.sync(() => void (process.exitCode = 1)))
    ))
    const result = { output: out.join("\n"), code: process.exitCode ?? 0 }
    return Object.defineProperty(result, "notes", { value: notes.join("\n"), enumerable: false }) as typeof result & { readonly notes: string }
  } finally {
    log.mockRestore()
    error.mockRestore()
    warn.mockRestore()
    process.exitCode = 0
  }
}
