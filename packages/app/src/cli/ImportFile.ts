/**
 * `tokenshop import FILE`: TXT files are streamed twice, once to validate every line (keeping only
 * the problems) and once to import in batches inside one transaction, so memory stays flat however
 * large the file. JSON files are read whole.
 */
import { createReadStream } from "node:fs"
import { readFile, stat } from "node:fs/promises"
import { createInterface } from "node:readline"
import {
  Catalog, describeProblem, formatOf, type ImportProblem, ImportRejected, type ImportReport, limits, operator, parseJson,
  parseTxtLine, ShopConfig
} from "@tokenshop/domain"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Stream from "effect/Stream"
import { CliFailure } from "./Output.js"

const BATCH = 5000

/** The file's lines with their 1-based numbers, read lazily. */
const lines = (path: string) =>
  Stream.fromAsyncIterable(
    createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity }),
    (cause) => new CliFailure(`cannot read ${path}: ${cause instanceof Error ? cause.message : String(cause)}`)
  ).pipe(Stream.zipWithIndex, Stream.map(([text, i]) => [text, i + 1] as const))

const validateTxt = (path: string, currency: ShopConfig["Type"]["currency"]) =>
  Stream.runFold(lines(path), { valid: 0, problems: [] as Array<ImportProblem>, truncated: false }, (acc, [text, line]) => {
    if (text.trim() === "") return acc
    const parsed = parseTxtLine(text, line, currency)
    if (Either.isRight(parsed)) acc.valid++
    else {
      for (const p of parsed.left) {
        if (acc.problems.length < limits.problems) acc.problems.push(p)
        else acc.truncated = true
      }
    }
    return acc
  })

const txtBatches = (path: string, currency: ShopConfig["Type"]["currency"]) =>
  lines(path).pipe(
    Stream.filter(([text]) => text.trim() !== ""),
    Stream.mapEffect(([text, line]) =>
      Either.match(parseTxtLine(text, line, currency), {
        onLeft: (problems) => Effect.fail(new ImportRejected({ problems, truncated: false })),
        onRight: Effect.succeed
      })),
    Stream.grouped(BATCH),
    Stream.map((chunk) => Array.from(chunk))
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
