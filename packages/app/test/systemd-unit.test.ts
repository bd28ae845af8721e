/**
 * deploy/tokenshop.service runs what the build makes, from the install folder, with its .env, as its
 * own user, restarting on failure, hardened; and systemd itself accepts it (when systemd-analyze is here).
 */
import { spawn } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, isAbsolute, join, normalize, resolve } from "node:path"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import { afterAll, describe, expect, it } from "vitest"
import { databaseConfig } from "../src/Config.js"

const root = resolve(import.meta.dirname, "../../..")
const unitFile = join(root, "deploy/tokenshop.service")
const text = readFileSync(unitFile, "utf8")

/** section -> key -> every value it was given, in order (systemd allows repeated keys). */
const parseUnit = (source: string) => {
  const sections = new Map<string, Map<string, Array<string>>>()
  let current: Map<string, Array<string>> | undefined
  for (const raw of source.split("\n")) {
    const line = raw.trim()
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue
    const header = /^\[(.+)\]$/.exec(line)
    if (header !== null) {
      current = new Map()
      sections.set(header[1]!, current)
      continue
    }
    const eq = line.indexOf("=")
    if (current === undefined || eq < 1) throw new Error(`not a unit file line: ${raw}`)
    const key = line.slice(0, eq).trim()
    current.set(key, [...(current.get(key) ?? []), line.slice(eq + 1).trim()])
  }
  return sections
}
const unit = parseUnit(text)
/** The one value of `key` in `section` (a unit setting given twice would be a mistake here). */
const one = (section: string, key: string) => {
  const values = unit.get(section)?.get(key) ?? []
  expect(values, `[${section}] ${key}`).toHaveLength(1)
  return values[0]!
}

/** Runs a command to its end without blocking the worker's event loop. */
const run = (command: string, args: ReadonlyArray<string>, cwd: string) =>
  new Promise<{ status: number | null; output: string }>((done, fail) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, SYSTEMD_LOG_COLOR: "0", SYSTEMD_PAGER: "" } })
    let output = ""
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()))
    child.on("error", fail)
    child.on("close", (status) => done({ status, output }))
  })

const which = async (command: string) => {
  const found = await run("sh", ["-c", `command -v ${command}`], root).catch(() => ({ status: 1, output: "" }))
  return found.status === 0 ? found.output.trim() : undefined
}

describe("deploy/tokenshop.service", () => {
  const workingDirectory = one("Service", "WorkingDirectory")

  it("starts the file the build makes, from the install folder, like npm start", () => {
    expect(isAbsolute(workingDirectory)).toBe(true)
    const [program, script, ...args] = one("Service", "ExecStart").split(/\s+/)
    expect(program === "node" || program!.endsWith("/node"), program).toBe(true)
    expect(args).toEqual(["start"])
    const bin = (JSON.parse(readFileSync(join(root, "packages/app/package.json"), "utf8")) as { bin: Record<string, string> }).bin["tokenshop"]!
    const built = join("packages/app", bin)
    expect(normalize(isAbsolute(script!) ? script! : join(workingDirectory, script!))).toBe(join(workingDirectory, built))
    expect(readFileSync(join(root, "packages/app/scripts/bundle.mjs"), "utf8")).toContain(`outfile: here("../${normalize(bin)}")`)
    // the app's tests run after its build (turbo.json), so the file is there
    expect(existsSync(join(root, built)), `${built} after npm run build`).toBe(true)
    const start = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts["start"]!
    expect(start.endsWith(`&& node ${built} start`), start).toBe(true)
  })

  it("reads .env from the install folder, runs as its own user and restarts on failure", () => {
    expect(one("Service", "EnvironmentFile").replace(/^-/, "")).toBe(join(workingDirectory, ".env"))
    const user = one("Service", "User")
    expect(user).toMatch(/^[a-z_][a-z0-9_-]*$/)
    expect(["root", "0"]).not.toContain(user)
    expect(one("Service", "Restart")).toBe("on-failure")
    expect(one("Unit", "After")).toContain("network-online.target")
    expect(one("Install", "WantedBy")).toBe("multi-user.target")
  })

  it("may write only where the database lives by default", () => {
    const file = Effect.runSync(Effect.withConfigProvider(databaseConfig, ConfigProvider.fromMap(new Map()))).file
    expect(one("Service", "ProtectSystem")).toBe("strict")
    expect(one("Service", "ReadWritePaths").split(/\s+/)).toEqual([join(workingDirectory, dirname(file))])
    for (const key of ["NoNewPrivileges", "PrivateTmp", "ProtectHome", "PrivateDevices", "RestrictSUIDSGID"]) {
      expect(one("Service", key), key).toBe("true")
    }
    // Node's JIT writes executable memory: this setting would kill it at start
    expect(unit.get("Service")?.has("MemoryDenyWriteExecute")).toBe(false)
  })

  describe("systemd-analyze verify", async () => {
    const analyze = await which("systemd-analyze")
    const scratch = mkdtempSync(join(tmpdir(), "tokenshop-unit-"))
    afterAll(() => rmSync(scratch, { recursive: true, force: true }))

    const title = analyze === undefined ? "accepts the unit (skipped: systemd-analyze is not installed)" : "accepts the unit"
    it.skipIf(analyze === undefined)(title, async () => {
      // The install folder and node, made real in a temporary folder, so verify can check that they exist.
      const install = join(scratch, "opt-tokenshop")
      mkdirSync(join(install, "data"), { recursive: true })
      mkdirSync(join(install, "packages/app/dist"), { recursive: true })
      writeFileSync(join(install, "packages/app/dist/tokenshop.mjs"), "")
      writeFileSync(join(install, ".env"), "BOT_TOKEN=1:test\n")
      const copy = text.replaceAll(workingDirectory, install).replace(/^ExecStart=node /m, `ExecStart=${process.execPath} `)
      writeFileSync(join(scratch, "tokenshop.service"), copy)
      const result = await run(analyze!, ["verify", join(scratch, "tokenshop.service")], scratch)
      // verify exits 0 on unknown keys and bad values, but names the unit when it complains
      const complaints = result.output.split("\n").filter((line) => line.includes("tokenshop.service"))
      expect(complaints, result.output).toEqual([])
      expect(result.status, result.output).toBe(0)
    }, 60_000)
  })
})
