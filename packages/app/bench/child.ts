/** Runs a Node script in a child process and reports its wall time and peak resident set size. */
import { spawn } from "node:child_process"
import { resolve } from "node:path"
import * as Redacted from "effect/Redacted"

const reporter = resolve(import.meta.dirname, "rss-reporter.cjs")

/** The goods key of the benches' shops: the command line and the children that open the same file share it, and no key file is written. */
export const BENCH_GOODS_KEY = "be".repeat(32)
export const benchGoodsKeys = { current: Redacted.make(BENCH_GOODS_KEY) }

export const runChild = (args: ReadonlyArray<string>, env: Record<string, string>) =>
  new Promise<{ readonly seconds: number; readonly maxRssMb: number; readonly output: string }>((done, fail) => {
    const start = performance.now()
    const child = spawn(process.execPath, ["--require", reporter, ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let output = ""
    let maxRssKb = 0
    child.stdout.on("data", (d: Buffer) => (output += d.toString()))
    child.stderr.on("data", (d: Buffer) => {
      for (const line of d.toString().split("\n")) {
        const m = /^max-rss-kb (\d+)$/.exec(line)
        if (m !== null) maxRssKb = Number(m[1])
        else if (line.trim() !== "") output += `${line}\n`
      }
    })
    child.on("exit", (code) =>
      code === 0
        ? done({ seconds: (performance.now() - start) / 1000, maxRssMb: maxRssKb / 1024, output })
        : fail(new Error(`${args.join(" ")} exited with ${code}: ${output}`)))
  })
