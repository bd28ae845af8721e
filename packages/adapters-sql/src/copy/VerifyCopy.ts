/**
 * Whether a copy holds what its source holds: every table's row count and contents (an order-free
 * digest of its rows, each column as text, so that 5 and "5" from the two engines agree), every
 * balance (VerifyBalances), and the money log's chain, verified on both sides with the same result.
 */
import { createHash } from "node:crypto"
import * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import { AuditLog, type AuditReport } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { noMoneyLogKeys } from "../audit/MoneyLogKey.js"
import { sqlAuditLogWith } from "../SqlAuditLog.js"
import { eachBatch, type Row } from "./Batches.js"
import { plainSide, type Side } from "./Sides.js"
import { type ShopTable, shopTables } from "./Tables.js"
import { verifyBalances } from "./VerifyBalances.js"

export interface Verification {
  /** Tables compared, and the balances checked. */
  readonly tables: number
  readonly balances: number
  /** The money log on the target, as `audit verify` sees it. */
  readonly audit: { readonly sealed: number; readonly unsealed: number; readonly problems: number }
  /** What did not match, one line each; empty when the copy is faithful. */
  readonly problems: ReadonlyArray<string>
}

const MODULUS = 1n << 256n
const rowHash = (row: Row) =>
  BigInt(`0x${createHash("sha256").update(Object.keys(row).sort().map((c) => `${c}=${row[c] === null || row[c] === undefined ? "\u2205" : String(row[c])}`).join("\u001f")).digest("hex")}`)

/** The table's row count and the sum of its rows' hashes: equal on both sides whatever order each engine returns. */
const summary = (side: Side, table: ShopTable, batchSize: number) =>
  Effect.suspend(() => {
    let digest = 0n
    return Effect.map(
      side.use(eachBatch(side.sql, table, batchSize, (rows) => Effect.sync(() => { for (const row of rows) digest = (digest + rowHash(row)) % MODULUS }))),
      (rows) => ({ rows, digest })
    )
  })

const auditOf = (side: Side): Effect.Effect<AuditReport> =>
  side.use(Effect.flatMap(AuditLog, (log) => log.verify).pipe(
    Effect.provide(sqlAuditLogWith(noMoneyLogKeys).pipe(Layer.provide(Layer.succeed(SqlClient.SqlClient, side.sql))))
  ))

const describeAudit = (r: AuditReport) => `${r.sealed} sealed, ${r.unsealed} unsealed, head ${r.head ?? "none"}, ${r.problems.length} problem(s)`

/** Compares both sides, each through its `use` (so inside the copy's transactions too). */
export const verifySides = (source: Side, target: Side, batchSize = 1000): Effect.Effect<Verification, SqlError> =>
  Effect.gen(function*() {
    const problems: Array<string> = []
    for (const table of shopTables) {
      const [theirs, ours] = [yield* summary(source, table, batchSize), yield* summary(target, table, batchSize)]
      if (theirs.rows !== ours.rows) problems.push(`table ${table.name}: ${theirs.rows} row(s) in the source, ${ours.rows} in the target`)
      else if (theirs.digest !== ours.digest) problems.push(`table ${table.name}: the rows differ between the source and the target`)
    }
    const balances = yield* verifyBalances(source, target, batchSize)
    problems.push(...balances.problems)
    const [sourceAudit, targetAudit] = [yield* auditOf(source), yield* auditOf(target)]
    const text = (r: AuditReport) => JSON.stringify(r, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v))
    if (text(sourceAudit) !== text(targetAudit)) {
      problems.push(`money log: ${describeAudit(sourceAudit)} on the source, ${describeAudit(targetAudit)} on the target`)
    }
    return {
      tables: shopTables.length,
      balances: balances.balances,
      audit: { sealed: targetAudit.sealed, unsealed: targetAudit.unsealed, problems: targetAudit.problems.length },
      problems
    }
  })

/** Compares two databases as they are now (each statement on its own). */
export const verifyCopy = (source: SqlClient.SqlClient, target: SqlClient.SqlClient, batchSize = 1000) =>
  verifySides(plainSide(source), plainSide(target), batchSize)
