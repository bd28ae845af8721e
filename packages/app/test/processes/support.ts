/**
 * Helpers of the tests that run `tokenshop start` as several processes on one PostgreSQL database:
 * a database of their own (advisory locks, which hold the cluster's shards, are per database), the
 * built command as a child process, and its /health.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { resolve } from "node:path"
import pg from "pg"

export const bundle = resolve(import.meta.dirname, "../../dist/tokenshop.mjs")

/** A fresh database on the server of `url`; `drop` removes it (and any connection left to it). */
export const freshDatabase = async (url: string, name: string) => {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) // left by a run that was killed
  await admin.query(`CREATE DATABASE ${name}`)
  const u = new URL(url)
  u.pathname = `/${name}`
  return {
    url: u.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    }
  }
}

export interface ShopProcess {
  readonly child: ChildProcess
  readonly port: number
  readonly output: () => string
  readonly exited: Promise<number | null>
  /** The body of GET /health, or undefined while it does not answer. */
  readonly health: () => Promise<string | undefined>
}

/** The goods key every process of a test shop shares: no process writes a key file of its own (in this package's folder). */
const GOODS_KEY = "5e".repeat(32)

/** `tokenshop start` from the built bundle with exactly `env` (plus PATH and the shared goods key); its /health on HTTP_PORT. */
export const startShop = (env: Record<string, string>, command = bundle): ShopProcess => {
  const child = spawn(process.execPath, [command, "start"], {
    env: { PATH: process.env["PATH"] ?? "", GOODS_ENCRYPTION_KEY: GOODS_KEY, ...env },
    stdio: ["ignore", "pipe", "pipe"]
  })
  let output = ""
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()))
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()))
  const port = Number(env["HTTP_PORT"])
  return {
    child,
    port,
    output: () => output,
    exited: new Promise((r) => child.on("exit", (code) => r(code))),
    health: () =>
      fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok ? r.text() : undefined, () => undefined)
  }
}

/** Waits until `check` holds (polled every 100 ms), or fails naming `what`. */
export const eventually = async <A>(check: () => Promise<A | undefined>, what: string, timeoutMs = 30_000): Promise<A> => {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const found = await check()
    if (found !== undefined) return found
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`timed out waiting for ${what}`)
}
