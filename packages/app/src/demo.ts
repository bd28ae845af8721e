/**
 * `npm run demo`: see DemoScript.ts. Data under ./data/demo of the folder `npm run demo` was run in,
 * its goods key in ./data/demo-goods.key
 * (npm runs the workspace's script in packages/app; INIT_CWD is where the command was typed).
 */
import { join, resolve } from "node:path"
import { runDemo } from "./DemoScript.js"

const base = resolve(process.env["INIT_CWD"] ?? process.cwd())

runDemo(join(base, "data", "demo")).then(() => process.exit(0), (error: unknown) => {
  console.error("demo failed:", error instanceof Error ? error.message : error)
  process.exit(1)
})
