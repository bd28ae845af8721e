import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Catalog, money, operator, page, Payments, type TelegramId, Users } from "@tokenshop/domain"
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

/**
 * A race's starting line: `items` keys at 1.00 USD in one new subcategory (imported by operator
 * `label`), and `buyers` users, `buyer(0)` to `buyer(buyers - 1)`, registered and each credited `cents`
 * USD cents, paid in as many USDT through processor `label`. The subcategory's id.
 */
export const fundedBuyers = (options: {
  readonly label: string
  readonly items: number
  readonly buyers: number
  readonly buyer: (i: number) => TelegramId
  readonly cents: bigint
}) =>
  Effect.gen(function*() {
    const { label, buyer } = options
    const catalog = yield* Catalog
    yield* catalog.importFile(operator(label), "txt", Array.from({ length: options.items }, (_, i) => `${label};${label};key;1.00;${label}-${i}`).join("\n"))
    const [category] = (yield* catalog.categories(page(0, 10))).items
    const [sub] = (yield* catalog.subcategories(category!.id, page(0, 10))).items
    for (let i = 0; i < options.buyers; i++) {
      yield* (yield* Users).register({ id: buyer(i), username: null, language: null })
      yield* (yield* Payments).credit({
        user: buyer(i),
        source: { kind: "processor", provider: label, externalId: `fund-${i}` },
        amount: { units: options.cents * 10_000n, asset: "USDT_TRC20" },
        valuation: { fiat: money(options.cents, "USD") }
      })
    }
    return sub!.id
  })
