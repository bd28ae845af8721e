/**
 * The `tokenshop import` side of the import-while-selling test: a separate process importing COUNT
 * generated TXT lines into the SQLite file through the domain's streaming import. It prints
 * {"op":"ready"}, waits for a line on stdin, imports, and prints {"op":"done","imported":N}.
 * Usage: vite-node test/import-while-selling/importer.ts -- FILE COUNT
 */
import { Catalog, operator } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { SqliteStorage } from "../../src/index.js"

const [file, countText] = process.argv.slice(-2)
const count = Number.parseInt(countText ?? "1000", 10)
const LINES_PER_CHUNK = 5_000

const say = (report: Record<string, unknown>) => Effect.sync(() => process.stdout.write(`${JSON.stringify({ t: Date.now(), ...report })}\n`))
const go = Effect.async<void>((resume) => {
  process.stdin.once("data", () => {
    process.stdin.pause()
    resume(Effect.void)
  })
})

/** The file's text in chunks, as a file stream would give it, made afresh for each pass. */
const chunks = Stream.range(0, Math.ceil(count / LINES_PER_CHUNK) - 1).pipe(
  Stream.map((c) => {
    const lines: Array<string> = []
    for (let i = c * LINES_PER_CHUNK; i < Math.min(count, (c + 1) * LINES_PER_CHUNK); i++) lines.push(`Bulk;Keys;key;1.00;BULK-${i}`)
    return `${lines.join("\n")}\n`
  })
)

const main = Effect.gen(function*() {
  yield* say({ op: "ready" })
  yield* go
  yield* say({ op: "start" })
  const report = yield* (yield* Catalog).importText(operator("importer"), chunks)
  yield* say({ op: "done", imported: report.imported })
}).pipe(Effect.provide(ShopMemory({}, { storage: SqliteStorage({ filename: file! }) })))

Effect.runPromiseExit(main).then((exit) => {
  if (exit._tag === "Failure") {
    process.stdout.write(`${JSON.stringify({ op: "error", message: String(exit.cause) })}\n`)
    process.exit(1)
  }
  process.exit(0)
})
