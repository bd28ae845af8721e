import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import pg from "pg"
import { PgStorage, SqliteStorage } from "../src/index.js"

/** A scratch directory removed when the scope closes. */
export const scratchDir = Effect.acquireRelease(
  Effect.sync(() => mkdtempSync(join(tmpdir(), "tokenshop-sql-"))),
  (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
)

/** Every storage port on a new SQLite file in a scratch directory. */
export const sqliteStorage = (options: { readonly encryptionKey?: string } = {}) =>
  Layer.unwrapScoped(Effect.map(scratchDir, (dir) =>
    SqliteStorage({
      filename: join(dir, "shop.db"),
      encryptionKey: options.encryptionKey === undefined ? undefined : Redacted.make(options.encryptionKey)
    })))

/** PostgreSQL for tests: TEST_DATABASE_URL, or nothing (the PostgreSQL tests are then skipped). */
export const pgUrl = process.env["TEST_DATABASE_URL"]

/** Schemas made by this test process start with this prefix; `dropPgSchemas` removes them. */
export const pgPrefix = `tokenshop_test_${process.pid}_${Date.now().toString(36)}`
let schemas = 0
export const freshSchema = () => `${pgPrefix}_${++schemas}`

export const pgStorage = (schema = `${pgPrefix}_shared`, maxConnections = 10) =>
  PgStorage({ url: Redacted.make(pgUrl ?? ""), maxConnections, schema })

export const dropPgSchemas = async () => {
  const client = new pg.Client({ connectionString: pgUrl })
  await client.connect()
  const { rows } = await client.query<{ nspname: string }>("SELECT nspname FROM pg_namespace WHERE nspname LIKE $1", [`${pgPrefix}%`])
  for (const { nspname } of rows) await client.query(`DROP SCHEMA IF EXISTS ${nspname} CASCADE`)
  await client.end()
}
