/**
 * An import must not sell a key twice: a record whose private data is already held by an unsold item,
 * or that repeats an earlier record of the same file, is a problem naming its line (or index), unless
 * the owner explicitly allows duplicates.
 *
 * The check reads the records a block at a time (memory stays at one block plus a 53-bit fingerprint
 * per record, not the records' text): stock is asked about each block; repeats within the file are
 * found by fingerprint, then confirmed on their exact text by a second read of only the candidates, so
 * a fingerprint collision never rejects a good file.
 */
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import type { CatalogRepo } from "./Catalog.js"
import { type ImportProblem, ImportRejected } from "./Errors.js"
import { type ImportRecord, limits } from "./Import.js"

type Location = ImportProblem["location"]

/** Two independent 32-bit hashes (FNV-1a and a multiply-xorshift) folded into 53 bits. */
export const fingerprint = (text: string): number => {
  let a = 0x811c9dc5
  let b = 0x9e3779b9
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x85ebca6b)
    b ^= b >>> 13
  }
  b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35)
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff) // an integer below 2^53, not money
}

const locate = (record: ImportRecord, index: number): Location => record.location ?? { kind: "index", at: index }

const place = (l: Location) => `${l.kind} ${l.at}`

/** The problems of duplicated private data among `blocks` (re-runnable) and against unsold stock. */
export const findDuplicates = <E, R>(repo: CatalogRepo["Type"], blocks: Stream.Stream<ReadonlyArray<ImportRecord>, E, R>) =>
  Effect.gen(function*() {
    const problems: Array<ImportProblem> = []
    let truncated = false
    const report = (p: ImportProblem) => {
      if (problems.length < limits.problems) problems.push(p)
      else truncated = true
    }
    const first = new Map<number, Location>()
    const candidates: Array<{ readonly at: Location; readonly earlier: Location }> = []
    let index = 0
    yield* Stream.runForEach(blocks, (block) =>
      Effect.gen(function*() {
        const held = yield* repo.unsoldMatching(block.map((r) => r.privateData))
        for (const record of block) {
          const at = locate(record, index++)
          const print = fingerprint(record.privateData)
          const earlier = first.get(print)
          if (earlier === undefined) first.set(print, at)
          else candidates.push({ at, earlier })
          if (held.has(record.privateData)) report({ location: at, field: "private_data", problem: "already in stock, unsold" })
        }
      }))
    first.clear()
    if (candidates.length > 0) {
      // the second read: the exact text of the candidates and of the records they seem to repeat
      const wanted = new Set(candidates.flatMap((c) => [place(c.at), place(c.earlier)]))
      const texts = new Map<string, string>()
      let again = 0
      yield* Stream.runForEach(blocks, (block) =>
        Effect.sync(() => {
          for (const record of block) {
            const key = place(locate(record, again++))
            if (wanted.has(key)) texts.set(key, record.privateData)
          }
        }))
      for (const c of candidates) {
        if (texts.get(place(c.at)) === texts.get(place(c.earlier))) {
          report({ location: c.at, field: "private_data", problem: `repeats ${place(c.earlier)}` })
        }
      }
    }
    if (problems.length > 0) {
      problems.sort((x, y) => x.location.at - y.location.at)
      return yield* Effect.fail(new ImportRejected({ problems, truncated, duplicates: true }))
    }
  })
