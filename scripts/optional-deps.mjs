#!/usr/bin/env node
// Finds the newest version of a package whose platform-specific optional dependencies all exist
// on the registry. Some registries lag behind for the binaries of other platforms; npm install then
// writes a lock file that `npm ci` refuses ("Missing: @scope/pkg-darwin-x64@ from lock file").
// Usage: node scripts/optional-deps.mjs turbo "^2"
import { execFileSync } from "node:child_process"

const [pkg, range = "*", tries = "15"] = process.argv.slice(2)
if (!pkg) {
  console.error("usage: node scripts/optional-deps.mjs PACKAGE [RANGE] [HOW_MANY]")
  process.exit(2)
}
const view = (...args) => {
  try {
    return JSON.parse(execFileSync("npm", ["view", ...args, "--json"], { stdio: ["ignore", "pipe", "ignore"] }).toString() || "null")
  } catch {
    return null
  }
}
const known = new Map()
const exists = (name, version) => {
  if (!known.has(name)) {
    const versions = view(name, "versions")
    known.set(name, new Set(Array.isArray(versions) ? versions : versions ? [versions] : []))
  }
  return known.get(name).has(version)
}
let versions = view(`${pkg}@${range}`, "version")
versions = (Array.isArray(versions) ? versions : [versions]).filter(Boolean).reverse().slice(0, Number(tries))
for (const version of versions) {
  const optional = view(`${pkg}@${version}`, "optionalDependencies") ?? {}
  const missing = Object.entries(optional)
    .filter(([name, want]) => name !== "fsevents" && !exists(name, String(want).replace(/^[~^]/, "")))
    .map(([name]) => name)
  console.log(`${pkg}@${version}: ${missing.length === 0 ? "complete" : `missing ${missing.join(", ")}`}`)
  if (missing.length === 0) process.exit(0)
}
process.exit(1)
