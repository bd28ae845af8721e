#!/usr/bin/env node
// `npm run tokenshop -- <command>`: the tokenshop command line, built first when it is not built yet or
// its sources changed (turbo's cache makes that quick), so it works right after `npm install`.
// The build's output goes to standard error: standard output is the command's alone (e.g. a file of
// addresses redirected with `>`).
import { spawnSync } from "node:child_process"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const turbo = join(root, "node_modules", "turbo", "bin", "turbo")
const build = spawnSync(process.execPath, [turbo, "run", "build", "--filter=@tokenshop/app", "--output-logs=errors-only"], {
  cwd: root,
  stdio: ["ignore", process.stderr, process.stderr],
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" }
})
if (build.status !== 0) {
  console.error("error: building the tokenshop command line failed (see above)")
  process.exit(build.status ?? 1)
}
const run = spawnSync(process.execPath, [join(root, "packages/app/dist/tokenshop.mjs"), ...process.argv.slice(2)], { stdio: "inherit" })
process.exit(run.status ?? 1)
