/** The event-loop watchdog kills a process whose event loop stalls, and leaves a running one alone. */
import { spawn } from "node:child_process"
import { join, resolve } from "node:path"
import { describe, expect, it } from "vitest"

const root = resolve(import.meta.dirname, "..")

describe("the event-loop watchdog", () => {
  it("stops a process whose event loop is blocked longer than WATCHDOG_SECONDS, saying why", async () => {
    const started = Date.now()
    const child = spawn(join(root, "../../node_modules/.bin/vite-node"), ["test/watchdog/child.ts"], { cwd: root })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()))
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()))
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on("exit", (c, s) => done([c, s])))
    const blockedFor = Date.now() - started
    expect(stdout).toContain("blocking")
    expect(stdout).not.toContain("survived")
    expect(signal).toBe("SIGKILL")
    expect(code).toBeNull()
    expect(stderr).toMatch(/watchdog: the event loop has not run for \d+ s \(limit WATCHDOG_SECONDS=2\)/)
    expect(blockedFor).toBeLessThan(20_000)
  }, 60_000)

  it("leaves alone a process whose wall clock steps while its event loop runs (it measures a monotonic clock)", async () => {
    const child = spawn(join(root, "../../node_modules/.bin/vite-node"), ["test/watchdog/clock-step.ts"], { cwd: root })
    let stdout = ""
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()))
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on("exit", (c, s) => done([c, s])))
    expect(stdout).toContain("stepped")
    expect(stdout).toContain("survived")
    expect([code, signal]).toEqual([0, null])
  }, 60_000)
})
