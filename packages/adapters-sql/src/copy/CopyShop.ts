/**
 * The whole shop from one database to another, both already migrated (the same schema): refused when
 * the target holds any row of the shop, then every table in foreign-key order, a batch at a time,
 * ids as they are; then the copy is verified (VerifyCopy); on PostgreSQL each sequence is then
 * moved past the highest id. All of it in one transaction on the target (memory stays flat: rows
 * are held a batch at a time), so a refusal, a failure or a mismatch leaves the target as it was. The one thing a rollback does not undo is PostgreSQL's `setval`
 * (sequences are not transactional): a commit that fails after it leaves a sequence further on,
 * which only makes later ids start higher.
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import * as Effect from "effect/Effect"
import { int, isPg } from "../internal/rows.js"
import { countRows, deleteRows, eachBatch, insertRows } from "./Batches.js"
import { CopyFailed } from "./CopyFailed.js"
import { inBothTransactions, type Side } from "./Sides.js"
import { pgSequences, shopTables, unknownTables } from "./Tables.js"
import { type Verification, verifySides } from "./VerifyCopy.js"

export interface CopyReport {
  /** Rows copied, per table, in the order copied. */
  readonly tables: ReadonlyArray<{ readonly name: string; readonly rows: number }>
  /** PostgreSQL sequences moved past the highest id (0 into SQLite, whose ids follow the highest by themselves). */
  readonly sequences: number
  /**
   * Announcements the source was still sending: their remaining deliveries are queued in the cluster
   * runner's tables, which are not copied, so the copy does not send them on.
   */
  readonly announcementsUnfinished: number
  readonly verified: Verification
}

export interface CopyOptions {
  /** Rows read and written at a time. */
  readonly batchSize?: number
}

/** The tables of the target that hold rows (besides those the migrations write), with their counts. */
const occupied = (target: Side) =>
  Effect.gen(function*() {
    const found: Array<string> = []
    for (const table of shopTables) {
      if (table.seeded === true) continue
      const n = yield* target.use(countRows(target.sql, table.name))
      if (n > 0) found.push(`${table.name} (${n})`)
    }
    return found
  })

const refuseUnknown = (sql: SqlClient.SqlClient, side: string) =>
  Effect.flatMap(unknownTables(sql), (names) =>
    names.length === 0 ? Effect.void : new CopyFailed({
      reason: "unknown_tables",
      message: `the ${side} holds table(s) this version does not know: ${names.join(", ")} (is it from a newer tokenshop?)`
    }))

/** Moves every sequence of the PostgreSQL target past the highest value it has given. */
const moveSequences = (target: Side) =>
  Effect.gen(function*() {
    const sql = target.sql
    const identities = shopTables.filter((t) => t.identity === true)
    for (const t of identities) {
      yield* target.use(sql.unsafe(`SELECT setval(pg_get_serial_sequence('${t.name}', 'id'), COALESCE((SELECT MAX(id) FROM "${t.name}"), 0) + 1, false)`))
    }
    for (const s of pgSequences) {
      yield* target.use(sql.unsafe(`SELECT setval('${s.sequence}', COALESCE((SELECT MAX("${s.column}") FROM "${s.table}"), -1) + 1, false)`))
    }
    return identities.length + pgSequences.length
  })

const copyRows = (source: Side, target: Side, batchSize: number) =>
  Effect.forEach(shopTables, (table) =>
    Effect.gen(function*() {
      if (table.seeded === true) yield* target.use(deleteRows(target.sql, table.name))
      const rows = yield* source.use(eachBatch(source.sql, table, batchSize, (batch) => target.use(insertRows(target.sql, table.name, batch))))
      return { name: table.name, rows }
    }))

const listed = (problems: ReadonlyArray<string>) =>
  problems.slice(0, 10).join("; ") + (problems.length > 10 ? `; and ${problems.length - 10} more` : "")

/** Copies the shop from `source` to `target` (both migrated) and verifies the copy before committing it. */
export const copyShop = (
  source: SqlClient.SqlClient,
  target: SqlClient.SqlClient,
  options: CopyOptions = {}
): Effect.Effect<CopyReport, CopyFailed | SqlError> =>
  Effect.gen(function*() {
    const batchSize = Math.max(1, Math.trunc(options.batchSize ?? 1000))
    yield* refuseUnknown(source, "source")
    yield* refuseUnknown(target, "target")
    return yield* inBothTransactions(source, target, (from, to) =>
      Effect.gen(function*() {
        const found = yield* occupied(to)
        if (found.length > 0) {
          return yield* new CopyFailed({ reason: "not_empty", message: `the target holds a shop already: ${found.join(", ")}; nothing was written (copy into a new, empty database)` })
        }
        const tables = yield* copyRows(from, to, batchSize)
        const [running] = yield* from.use(from.sql<{ n: unknown }>`SELECT COUNT(*) AS n FROM announcements WHERE status = 'running'`)
        const verified = yield* verifySides(from, to, batchSize)
        if (verified.problems.length > 0) {
          return yield* new CopyFailed({ reason: "mismatch", message: `the copy does not match its source, nothing was written: ${listed(verified.problems)}` })
        }
        const sequences = isPg(target) ? yield* moveSequences(to) : 0
        return { tables, sequences, announcementsUnfinished: int(running?.n ?? 0), verified }
      }))
  })
