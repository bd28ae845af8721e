/** `npm run demo`: see DemoScript.ts. Data under ./data/demo. */
import { join } from "node:path"
import { runDemo } from "./DemoScript.js"

runDemo(join("data", "demo")).then(() => process.exit(0), (error: unknown) => {
  console.error("demo failed:", error instanceof Error ? error.message : error)
  process.exit(1)
})
