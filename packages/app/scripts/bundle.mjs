/**
 * Bundles the compiled CLI (dist/main.js) into one file, dist/tokenshop.mjs, which `npm start` and
 * the `tokenshop` command run: Node then reads and compiles one module instead of about 850, and the
 * process reaches its first getUpdates in about a third of the time. The native SQLite driver and
 * optional drivers stay outside; the locale files are copied next to the bundle, where the Telegram
 * adapter looks for them. dist/main.js stays as it is, for debugging with the original modules.
 */
import { cpSync, rmSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { build } from "esbuild"

const here = (path) => fileURLToPath(new URL(path, import.meta.url))

await build({
  entryPoints: [here("../dist/main.js")],
  outfile: here("../dist/tokenshop.mjs"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  // Keep class and function names: node-fetch (under grammY) checks \`signal.constructor.name === "AbortSignal"\`,
  // and a bundle that renames a clashing class to AbortSignal2 makes every Telegram call fail.
  keepNames: true,
  // Loaded at run time from node_modules: native addons (SQLite, the chart renderer), optional drivers, the demo's emulator.
  external: ["better-sqlite3", "@resvg/resvg-js", "pg-native", "bufferutil", "utf-8-validate", "telegram-test-api"],
  // CommonJS dependencies inside the bundle still call require() for Node's built-ins.
  banner: { js: "import { createRequire as __tokenshopRequire } from \"node:module\"; const require = __tokenshopRequire(import.meta.url);" },
  logLevel: "warning"
})

rmSync(here("../dist/locales"), { recursive: true, force: true })
cpSync(here("../../adapters-telegram/src/locales"), here("../dist/locales"), { recursive: true })
