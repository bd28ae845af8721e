/**
 * `tokenshop import FILE`: TXT files are streamed twice, once to validate every line (keeping only
 * the problems) and once to import in blocks of about 1 MiB inside one transaction, with a garbage
 * collection every few blocks, so memory stays flat however large the file. JSON files are read whole.
 */
import { createReadStream } from "node:fs"
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import { readFile, stat } from "node:fs/promises"
import {
  Catalog, describeProblem, formatOf, type ImportProblem, type ImportRecord, ImportRejected, type ImportReport, limits, operator, parseJson,
  parseTxtLine, ShopConfig
} from "@tokenshop/domain"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Stream from "effect/Stream"
import { CliFailure } from "./Output.js"

/**
 * The file's non-blank lines with their 1-based numbers, a block of lines at a time (one block per
 * read of about 1 MiB): per-line work stays synchronous, so a large file makes little garbage.
 */
const lineBlocks = (path: string): Stream.Stream<ReadonlyArray<readonly [string, number]>, CliFailure> =>
  Stream.suspend(() => {
    let carry = ""
    let line = 0
    const split = (text: string, final: boolean) => {
      const parts = (carry + text).split("\n")
      carry = final ? "" : parts.pop()!
      const block: Array<readonly [string, number]> = []
      for (const raw of parts) {
        line++
        const clean = raw.endsWith("\r") ? raw.slice(0, -1) : raw
        if (clean.trim() !== "") block.push([clean, line])
      }
      return block
    }
    const blocks = Stream.fromAsyncIterable(
      createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 }) as AsyncIterable<string>,
      (cause) => new CliFailure(`cannot read ${path}: ${cause instanceof Error ? cause.message : String(cause)}`)
    ).pipe(Stream.map((chunk) => split(chunk, false)))
    return Stream.concat(blocks, Stream.sync(() => split("", true))).pipe(Stream.filter((b) => b.length > 0))
  })

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

const validateTxt = (path: string, currency: ShopConfig["Type"]["currency"]) =>
  Stream.runFold(lineBlocks(path), { valid: 0, blocks: 0, problems: [] as Array<ImportProblem>, truncated: false }, (acc, block) => {
    if (++acc.blocks % COLLECT_EVERY === 0) collectGarbage()
    for (const [text, line] of block) {
      const parsed = parseTxtLine(text, line, currency)
      if (Either.isRight(parsed)) acc.valid++
      else {
        for (const p of parsed.left) {
          if (acc.problems.length < limits.problems) acc.problems.push(p)
          else acc.truncated = true
        }
      }
    }
    return acc
  })

/** The records, a block at a time; a bad line (the file changed since it was validated) fails the import. */
const txtBatches = (path: string, currency: ShopConfig["Type"]["currency"]) =>
  lineBlocks(path).pipe(
    Stream.zipWithIndex,
    Stream.mapEffect(([block, n]) => {
      if ((n + 1) % COLLECT_EVERY === 0) collectGarbage()
      const records: Array<ImportRecord> = []
      for (const [text, line] of block) {
        const parsed = parseTxtLine(text, line, currency)
        if (Either.isLeft(parsed)) return Effect.fail(new ImportRejected({ problems: parsed.left, truncated: false }))
        records.push(parsed.right)
      }
      return Effect.succeed(records)
    })
  )

const printReport = (report: ImportReport) =>
  Console.log([
    `imported ${report.imported} items:`,
    ...report.lines.map((l) => `  ${l.category} / ${l.subcategory}: ${l.count}`)
  ].join("\n"))

export const importFile = (path: string) =>
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
      return yield* printReport(yield* catalog.importRecords(admin, records))
    }
    const checked = yield* validateTxt(path, currency)
    if (checked.problems.length > 0 || checked.valid === 0) {
      return yield* new ImportRejected({
        problems: checked.problems.length > 0
          ? checked.problems
          : [{ location: { kind: "line", at: 0 }, field: "file", problem: "contains no items" }],
        truncated: checked.truncated
      })
    }
    yield* printReport(yield* catalog.importStream(admin, txtBatches(path, currency)))
  }).pipe(
    Effect.catchTag("ImportRejected", (e) =>
      Effect.fail(new CliFailure([
        `import rejected, nothing was imported (${e.problems.length}${e.truncated ? "+" : ""} problems):`,
        ...e.problems.map((p) => `  ${describeProblem(p)}`)
      ].join("\n"))))
  )
