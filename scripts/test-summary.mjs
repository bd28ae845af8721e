#!/usr/bin/env node
// Sums the vitest JSON reports of every package (packages/*/reports/vitest.json) and prints
// one plain line, "N passed, N failed", which CI reads to know that tests ran.
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"

const root = new URL("..", import.meta.url).pathname
let passed = 0
let failed = 0
let skipped = 0
const missing = []
for (const pkg of readdirSync(join(root, "packages"))) {
  const report = join(root, "packages", pkg, "reports", "vitest.json")
  if (!existsSync(report)) {
    missing.push(pkg)
    continue
  }
  const r = JSON.parse(readFileSync(report, "utf8"))
  passed += r.numPassedTests
  failed += r.numFailedTests
  skipped += r.numPendingTests + (r.numTodoTests ?? 0)
  // A suite that failed to load (syntax error, missing import) counts as a failure.
  failed += (r.testResults ?? []).filter((f) => f.status === "failed" && (f.assertionResults ?? []).length === 0).length
}
if (missing.length > 0) console.log(`no test report from: ${missing.join(", ")}`)
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`)
process.exitCode = failed > 0 ? 1 : 0
