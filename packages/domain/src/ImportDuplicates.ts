/**
 * An import must not sell a key twice: a record whose private data is already held by an unsold item,
 * or that repeats an earlier record of the same file, is a problem naming its line (or index), unless
 * the owner explicitly allows duplicates.
 *
 * The check reads the records a block at a time (memory stays at one block plus 16 bytes a record: a
 * 53-bit fingerprint and its place, in typed arrays, not the records' text): stock is asked about each
 * block; repeats within the file are found by sorting the fingerprints, then confirmed on their exact
 * text by a second read of only the candidates, so a fingerprint collision never rejects a good file.
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

/** Fingerprints and places of every record, in two growing typed arrays (16 bytes a record). */
class Prints {
  prints = new Float64Array(1 << 12)
  places = new Float64Array(1 << 12)
  size = 0
  add(print: number, at: number) {
    if (this.size === this.prints.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(a.length * 2)
        b.set(a)
        return b
      }
      this.prints = grow(this.prints)
      this.places = grow(this.places)
    }
    this.prints[this.size] = print
    this.places[this.size++] = at
  }
  /** Pairs (later, earliest) of records with equal fingerprints. */
  repeats(): Array<readonly [number, number]> {
    const order = new Uint32Array(this.size)
    for (let i = 0; i < this.size; i++) order[i] = i
    const { prints } = this
    order.sort((a, b) => prints[a]! - prints[b]! || a - b)
    const out: Array<readonly [number, number]> = []
    for (let i = 1, first = 0; i < order.length; i++) {
      if (prints[order[i]!] !== prints[order[first]!]) first = i
      else out.push([this.places[order[i]!]!, this.places[order[first]!]!])
    }
    return out
  }
}

/**
 * A duplicate scan fed a block of records at a time (`block`), e.g. during another pass over a file;
 * `finish` confirms the repeats on their exact text (reading `again`, the same records, only when
 * fingerprints repeat) and fails with every problem found.
 */
export const duplicateScan = (repo: CatalogRepo["Type"]) => {
  const problems: Array<ImportProblem> = []
  let truncated = false
  const report = (p: ImportProblem) => {
    if (problems.length < limits.problems) problems.push(p)
    else truncated = true
  }
  const seen = new Prints()
  let kind: Location["kind"] = "index"
  let index = 0
  const block = (records: ReadonlyArray<ImportRecord>) =>
    Effect.map(repo.unsoldMatching(records.map((r) => r.privateData)), (held) => {
      for (const record of records) {
        const at = locate(record, index++)
        kind = at.kind
        seen.add(fingerprint(record.privateData), at.at)
        if (held.has(record.privateData)) report({ location: at, field: "private_data", problem: "already in stock, unsold" })
      }
    })
  const finish = <E, R>(again: Stream.Stream<ReadonlyArray<ImportRecord>, E, R>) =>
    Effect.gen(function*() {
      const candidates = seen.repeats()
      if (candidates.length > 0) {
        const wanted = new Set(candidates.flat())
        const texts = new Map<number, string>()
        let n = 0
        yield* Stream.runForEach(again, (records) =>
          Effect.sync(() => {
            for (const record of records) {
              const at = locate(record, n++).at
              if (wanted.has(at)) texts.set(at, record.privateData)
            }
          }))
        for (const [at, earlier] of candidates) {
          if (texts.get(at) === texts.get(earlier)) report({ location: { kind, at }, field: "private_data", problem: `repeats ${kind} ${earlier}` })
        }
      }
      if (problems.length > 0) {
        problems.sort((x, y) => x.location.at - y.location.at)
        return yield* Effect.fail(new ImportRejected({ problems, truncated, duplicates: true }))
      }
    })
  return { block, finish }
}

/** The problems of duplicated private data among `blocks` (re-runnable) and against unsold stock. */
export const findDuplicates = <E, R>(repo: CatalogRepo["Type"], blocks: Stream.Stream<ReadonlyArray<ImportRecord>, E, R>) =>
  Effect.suspend(() => {
    const scan = duplicateScan(repo)
    return Stream.runForEach(blocks, scan.block).pipe(Effect.zipRight(scan.finish(blocks)))
  })
