/**
 * Large TXT inventories, read as a stream of text chunks and never held whole: a first pass checks
 * every line and keeps only the problems, a second imports in blocks (one per chunk) inside one
 * transaction. The chunk stream must be re-runnable (each run reads the source again from the start),
 * as a stream over a file or a download does.
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Stream from "effect/Stream"
import type { FiatCurrency } from "./Currency.js"
import { type ImportProblem, ImportRejected } from "./Errors.js"
import { type ImportRecord, limits, parseTxtLine } from "./Import.js"

/** A block of non-blank lines, each with its 1-based number in the text. */
export type LineBlock = ReadonlyArray<readonly [string, number]>

/** The text's non-blank lines, a block per chunk read; "\r\n" and "\n" both end a line. */
export const textLines = <E, R>(chunks: Stream.Stream<string, E, R>): Stream.Stream<LineBlock, E, R> =>
  Stream.suspend(() => {
    let carry = ""
    let line = 0
    const split = (text: string, final: boolean): LineBlock => {
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
    return Stream.concat(Stream.map(chunks, (chunk) => split(chunk, false)), Stream.sync(() => split("", true))).pipe(
      Stream.filter((b) => b.length > 0)
    )
  })

/**
 * The first pass: counts the valid lines and keeps the first problems; `onRecords` sees each block's
 * valid records while the file has no problem yet (e.g. to look for duplicates in the same read).
 */
export const checkTxt = <E, R>(
  lines: Stream.Stream<LineBlock, E, R>,
  currency: FiatCurrency,
  onRecords: (records: ReadonlyArray<ImportRecord>) => Effect.Effect<void> = () => Effect.void
) =>
  Stream.runFoldEffect(lines, { valid: 0, problems: [] as Array<ImportProblem>, truncated: false }, (acc, block) => {
    const records: Array<ImportRecord> = []
    for (const [text, line] of block) {
      const parsed = parseTxtLine(text, line, currency)
      if (Either.isRight(parsed)) {
        acc.valid++
        records.push(parsed.right)
      } else {
        for (const p of parsed.left) {
          if (acc.problems.length < limits.problems) acc.problems.push(p)
          else acc.truncated = true
        }
      }
    }
    return acc.problems.length === 0 ? Effect.as(onRecords(records), acc) : Effect.succeed(acc)
  }).pipe(
    Effect.filterOrFail(
      (checked) => checked.problems.length === 0 && checked.valid > 0,
      (checked) =>
        new ImportRejected({
          problems: checked.problems.length > 0
            ? checked.problems
            : [{ location: { kind: "line", at: 0 }, field: "file", problem: "contains no items" }],
          truncated: checked.truncated
        })
    ),
    Effect.asVoid
  )

/** The second pass: the records a block at a time; a bad line (the source changed since the check) fails the import. */
export const txtRecords = <E, R>(lines: Stream.Stream<LineBlock, E, R>, currency: FiatCurrency) =>
  Stream.mapEffect(lines, (block) => {
    const records: Array<ImportRecord> = []
    for (const [text, line] of block) {
      const parsed = parseTxtLine(text, line, currency)
      if (Either.isLeft(parsed)) return Effect.fail(new ImportRejected({ problems: parsed.left, truncated: false }))
      records.push(parsed.right)
    }
    return Effect.succeed<ReadonlyArray<ImportRecord>>(records)
  })
