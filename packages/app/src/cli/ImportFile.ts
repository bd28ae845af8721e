/**
 * `tokenshop import FILE`: TXT files go to Catalog.importText, which reads them twice (to check every
 * line, then to import in blocks of about 1 MiB inside one transaction), with a garbage collection
 * every few blocks, so memory stays flat however large the file. JSON files are read whole.
 */
import { createReadStream } from "node:fs"
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import { readFile, stat } from "node:fs/promises"
import { Catalog, describeProblem, formatOf, type ImportReport, operator, parseJson, ShopConfig } from "@tokenshop/domain"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { CliFailure } from "./Output.js"

/** The file's text in chunks of about 1 MiB, read again from the start on every run of the stream. */
const chunks = (path: string): Stream.Stream<string, CliFailure> =>
  Stream.suspend(() =>
    Stream.fromAsyncIterable(
      createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 }) as AsyncIterable<string>,
      (cause) => new CliFailure(`cannot read ${path}: ${cause instanceof Error ? cause.message : String(cause)}`)
    )
  )

/**
 * A full garbage collection, for long imports: V8 lets garbage grow to hundreds of megabytes before it
 * collects on its own; collecting every few megabytes of input keeps the import within a fixed budget
 * (the live set is a few tens of megabytes) at a cost of milliseconds.
 */
let collector: (() => void) | undefined
const collectGarbage = (): void => {
  // Set up on first use only: every other command (and start-up) is spared the extra V8 context.
  if (collector === undefined) {
    try {
      setFlagsFromString("--expose-gc")
      const gc = runInNewContext("gc") as unknown
      collector = typeof gc === "function" ? () => gc() : () => {}
    } catch {
      collector = () => {}
    }
  }
  collector()
}
const COLLECT_EVERY = 4

/** The chunks, with a garbage collection every few of them. */
const collected = <E>(source: Stream.Stream<string, E>) =>
  Stream.tap(Stream.zipWithIndex(source), ([, n]) => Effect.sync(() => { if ((n + 1) % COLLECT_EVERY === 0) collectGarbage() })).pipe(
    Stream.map(([chunk]) => chunk)
  )

const printReport = (report: ImportReport) =>
  Console.log([
    `imported ${report.imported} items:`,
    ...report.lines.map((l) => `  ${l.category} / ${l.subcategory}: ${l.count}`)
  ].join("\n"))

export const importFile = (path: string, allowDuplicates = false) =>
  Effect.gen(function*() {
    const format = formatOf(path)
    if (format === undefined) return yield* Effect.fail(new CliFailure(`${path}: the file name must end in .json or .txt`))
    yield* Effect.tryPromise({
      try: () => stat(path),
      catch: () => new CliFailure(`cannot read ${path}: no such file`)
    })
    const { currency } = yield* ShopConfig
    const catalog = yield* Catalog
    const admin = operator("cli")
    if (format === "json") {
      const text = yield* Effect.tryPromise({ try: () => readFile(path, "utf8"), catch: () => new CliFailure(`cannot read ${path}`) })
      const records = yield* parseJson(text, currency)
      return yield* printReport(yield* catalog.importRecords(admin, records, { allowDuplicates }))
    }
    yield* printReport(yield* catalog.importText(admin, collected(chunks(path)), { allowDuplicates }))
  }).pipe(
    Effect.catchTag("ImportRejected", (e) =>
      Effect.fail(new CliFailure([
        `import rejected, nothing was imported (${e.problems.length}${e.truncated ? "+" : ""} problems):`,
        ...e.problems.map((p) => `  ${describeProblem(p)}`),
        ...(e.duplicates === true ? ["the same private data would be sold twice; to import such items anyway, add --allow-duplicates"] : [])
      ].join("\n"))))
  )
