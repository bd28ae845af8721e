import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { expect, it } from "vitest"
import { runDemo } from "../src/DemoScript.js"

it("the demo runs the whole story: refused, topped up once through the processor, bought, delivered once", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tokenshop-demo-"))
  const lines: Array<string> = []
  try {
    await runDemo(join(dir, "demo"), (line) => lines.push(line)) // its key file beside, in dir too
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const transcript = lines.join("\n")
  expect(transcript).toContain("but your balance is $0.00")
  expect(transcript).toContain("Your top-up has arrived: $10.00 credited")
  expect(transcript).toContain("answered the five callbacks with 200, 200, 200, 200, 200")
  expect(transcript).toContain("STEAM-AAAA-BBBB")
  expect(transcript).toContain("delivered 1 time(s); charged once")
  expect(transcript).toContain("We see your deposit of 0.0005 BTC")
  expect(transcript).toContain("Your deposit of 0.0005 BTC has arrived: $30.00 credited")
  expect(transcript).toContain("demo finished")
}, 60_000)
