/**
 * `copy-data` between the engines: a shop built through the use cases (users, balances, a catalog
 * with items sold and unsold, purchases and a refund, pending payments, deposits, a withdrawal, a
 * look at a buyer's goods, the money log sealed, a shop front) copied SQLite → PostgreSQL → SQLite, row for row;
 * a target with a shop in it refused, nothing written; a tampered copy caught by the verification,
 * and a copy that does not verify rolled back.
 */
import { join } from "node:path"
import { afterAll, describe, expect, it } from "@effect/vitest"
import * as SqlClient from "@effect/sql/SqlClient"
import {
  AddressBook, ApprovalRunner, AuditLog, BotId, Cart, Catalog, Checkout, idempotencyKey, Ledger, money, operator, Payments, Refunds, ShopFronts,
  type StoragePorts, TelegramId, Users, Withdrawals
} from "@tokenshop/domain"
import {
  AddressDeriverMemory, AddressValidatorMemory, BroadcasterMemory, NotifierMemory, PaymentGatewayMemory, PriceSourceMemory, ShopMemory,
  WalletProcessorMemory
} from "@tokenshop/domain/testing"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { type CopyEndpoint, copyData, PgDatabase, PgStorage, shopTables, SqliteDatabase, SqliteStorage, verifyCopy } from "../src/index.js"
import { dropPgSchemas, freshSchema, pgUrl, scratchDir } from "./support.js"

const ADMIN = TelegramId.make(999)
const admin = { kind: "telegram", id: ADMIN } as const
const cli = operator("copy-test")
const buyers = [TelegramId.make(1001), TelegramId.make(1002), TelegramId.make(1003)]
const ETH_DEST = "0x52908400098527886E0F7030069857D2E4169EE7"

const services = Layer.mergeAll(
  NotifierMemory, AddressDeriverMemory(), PaymentGatewayMemory(), WalletProcessorMemory({ ETH: 10n ** 18n }), AddressValidatorMemory, PriceSourceMemory(),
  BroadcasterMemory, ApprovalRunner.inline
)
const shopOn = <E>(storage: Layer.Layer<StoragePorts, E>) => ShopMemory({ admins: new Set([ADMIN]) }, { storage, services })

/** The shop every copy starts from; the buyers' balances (available, cents). */
const buildShop = Effect.gen(function*() {
  const catalog = yield* Catalog
  yield* catalog.importFile(cli, "txt", [
    "Games;Steam;a key;5.00;KEY-A", "Games;Steam;a key;7.00;KEY-B", "Games;Steam;a key;7.00;KEY-C",
    "Films;Netflix;a month;3.50;NF-1", "Films;Netflix;a month;3.50;NF-2"
  ].join("\n"))
  const subs = new Map<string, Parameters<typeof catalog.subcategory>[0]>()
  for (const c of (yield* catalog.categories({ offset: 0, limit: 10 })).items) {
    for (const s of (yield* catalog.subcategories(c.id, { offset: 0, limit: 10 })).items) subs.set(s.name, s.id)
  }
  const users = yield* Users
  const payments = yield* Payments
  for (const [i, id] of buyers.entries()) {
    yield* users.register({ id, username: `buyer${i}`, language: i === 1 ? "de" : "en" })
    yield* payments.credit({
      user: id,
      source: { kind: "processor", provider: "test", externalId: `fund-${i}` },
      amount: { units: BigInt(2000 + i * 100) * 10_000n, asset: "USDT_TRC20" },
      valuation: { fiat: money(BigInt(2000 + i * 100), "USD") }
    })
  }
  yield* payments.open(buyers[2]!, "BTC", null)
  const cart = yield* Cart
  const checkout = yield* Checkout
  yield* cart.add(buyers[0]!, subs.get("Steam")!, 2)
  const first = yield* checkout.checkout(buyers[0]!, idempotencyKey("buy-1"))
  yield* cart.add(buyers[1]!, subs.get("Netflix")!, 1)
  yield* checkout.checkout(buyers[1]!, idempotencyKey("buy-2"))
  yield* cart.add(buyers[2]!, subs.get("Netflix")!, 1) // left in the cart
  yield* (yield* Refunds).refund(admin, first.buy.id)
  yield* (yield* AddressBook).add(cli, "ETH", ETH_DEST)
  yield* (yield* Withdrawals).execute(admin, { asset: "ETH", destination: ETH_DEST, scope: { kind: "all" } }, idempotencyKey("w1"))
  const log = yield* AuditLog
  yield* log.reveal({ admin: "admin 999", buy: first.buy.id, user: buyers[0]!, items: 2, at: new Date(1_000) })
  yield* log.seal(1000)
  yield* (yield* ShopFronts).add(admin, { id: BotId.make(7_000_000_001), username: "front_bot", name: "Front" }, Redacted.make("7000000001:front-token"))
  const ledger = yield* Ledger
  return yield* Effect.forEach(buyers, (id) => Effect.map(ledger.balance(id), (b) => b.available.amount))
})

const sqlite = (filename: string): CopyEndpoint => ({ _tag: "Sqlite", options: { filename } })
const postgres = (schema: string): CopyEndpoint => ({ _tag: "Pg", options: { url: Redacted.make(pgUrl ?? ""), schema, maxConnections: 2 } })
/** The database's client, open while the test's scope is. */
const client = (end: CopyEndpoint) =>
  Effect.map(Layer.build(end._tag === "Sqlite" ? SqliteDatabase(end.options) : PgDatabase(end.options)), Context.get(SqlClient.SqlClient))
const storageOf = (end: CopyEndpoint) => (end._tag === "Sqlite" ? SqliteStorage(end.options) : PgStorage(end.options))
const balancesOn = (end: CopyEndpoint) =>
  Effect.flatMap(Ledger, (ledger) => Effect.forEach(buyers, (id) => Effect.map(ledger.balance(id), (b) => b.available.amount))).pipe(
    Effect.provide(shopOn(storageOf(end)))
  )
const countsOf = (sql: SqlClient.SqlClient) =>
  Effect.forEach(shopTables, (t) => Effect.map(sql.unsafe<{ n: unknown }>(`SELECT COUNT(*) AS n FROM ${t.name}`), ([r]) => [t.name, Number(r!.n)] as const))

describe.skipIf(pgUrl === undefined)("copy-data between SQLite and PostgreSQL", () => {
  afterAll(dropPgSchemas)

  it.scoped("SQLite → PostgreSQL → SQLite keeps every row, every balance and the money log", () =>
    Effect.gen(function*() {
      const dir = yield* scratchDir
      const [first, pg, back] = [sqlite(join(dir, "first.db")), postgres(freshSchema()), sqlite(join(dir, "back.db"))]
      const balances = yield* buildShop.pipe(Effect.provide(shopOn(storageOf(first))))
      expect(balances).toEqual([2000n, 2100n - 350n, 2200n])

      const there = yield* copyData(first, pg, { batchSize: 2 })
      expect(there.verified).toEqual({ tables: shopTables.length, balances: 3, audit: { sealed: 8, unsealed: 0, problems: 0 }, problems: [] })
      expect(there.sequences).toBe(shopTables.filter((t) => t.identity === true).length + 1)
      const copied = Object.fromEntries(there.tables.map((t) => [t.name, t.rows]))
      expect(copied).toMatchObject({ users: 3, balances: 3, items: 5, buys: 2, buy_items: 3, payments: 1, deposits: 3, withdrawals: 1, goods_reveals: 1, cart_lines: 1, shop_fronts: 1 })
      expect(copied["ledger_entries"]).toBe(3 + 2 + 1)
      expect(yield* balancesOn(pg)).toEqual(balances)

      // the shop goes on on PostgreSQL: new ids follow the copied ones
      yield* Effect.flatMap(Catalog, (catalog) => catalog.importFile(cli, "txt", "Games;Steam;a key;9.00;KEY-D")).pipe(Effect.provide(shopOn(storageOf(pg))))
      const imported = yield* (yield* client(pg))<{ id: unknown }>`SELECT id FROM items WHERE private_data = 'KEY-D'`
      expect(Number(imported[0]!.id)).toBe(6)

      const home = yield* copyData(pg, back, { batchSize: 2 })
      expect(home.verified.problems).toEqual([])
      expect(home.sequences).toBe(0)
      expect(Object.fromEntries(home.tables.map((t) => [t.name, t.rows]))).toMatchObject({ ...copied, items: 6, subcategories: 2 })
      expect(yield* balancesOn(back)).toEqual(balances)
      // and back on SQLite, everything but the item added on PostgreSQL is as it started
      const [a, b] = [yield* client(first), yield* client(back)]
      yield* b`DELETE FROM items WHERE private_data = 'KEY-D'`
      yield* b`UPDATE subcategories SET stock = stock - 1 WHERE name = 'Steam'`
      expect((yield* verifyCopy(a, b)).problems).toEqual([])
    }), 120_000)

  it.scoped("a target holding a shop is refused, naming its tables, and nothing is written", () =>
    Effect.gen(function*() {
      const dir = yield* scratchDir
      const [source, pg] = [sqlite(join(dir, "shop.db")), postgres(freshSchema())]
      yield* buildShop.pipe(Effect.provide(shopOn(storageOf(source))))
      yield* Effect.flatMap(Users, (u) => u.register({ id: TelegramId.make(5), username: "there", language: null })).pipe(Effect.provide(shopOn(storageOf(pg))))
      const before = yield* countsOf(yield* client(pg))
      const refused = yield* Effect.flip(copyData(source, pg))
      expect(refused).toMatchObject({ _tag: "CopyFailed", reason: "not_empty" })
      expect(refused.message).toContain("the target holds a shop already: users (1)")
      expect(yield* countsOf(yield* client(pg))).toEqual(before)
    }), 120_000)

  it.scoped("the cluster runner's tables and the update inbox are left out; unfinished announcements are counted; a failed copy and a table this version does not know write nothing", () =>
    Effect.gen(function*() {
      const dir = yield* scratchDir
      const [source, pg, other] = [sqlite(join(dir, "shop.db")), postgres(freshSchema()), postgres(freshSchema())]
      yield* buildShop.pipe(Effect.provide(shopOn(storageOf(source))))
      const from = yield* client(source)
      yield* from`CREATE TABLE cluster_messages (id INTEGER PRIMARY KEY, body TEXT)`
      yield* from`INSERT INTO cluster_messages (id, body) VALUES (1, 'a queued delivery')`
      yield* from`INSERT INTO announcements (kind, text, admin, status, total, created_at) VALUES ('text', 'hello', 'admin 999', 'running', 3, 1)`
      yield* from`INSERT INTO update_inbox (source, update_id, claimed_at) VALUES ('telegram:7000000001', 1, 1)`
      const copied = yield* copyData(source, pg)
      expect(copied.announcementsUnfinished).toBe(1)
      expect(copied.tables.map((t) => t.name)).not.toContain("cluster_messages")
      expect(copied.tables.map((t) => t.name)).not.toContain("update_inbox")
      expect(yield* (yield* client(pg))`SELECT * FROM update_inbox`).toEqual([])
      const [found] = yield* (yield* client(pg))<{ present: boolean }>`SELECT to_regclass('cluster_messages') IS NOT NULL AS present`
      expect(found!.present).toBe(false)

      // a value PostgreSQL cannot store (text with a NUL character): the copy fails part-way and the target stays empty
      yield* from`INSERT INTO prompts (user_id, kind, data, expires_at) VALUES (1001, 'note', ${"a\u0000b"}, 1)`
      const failed = yield* Effect.flip(copyData(source, other))
      expect(failed).toMatchObject({ _tag: "CopyFailed", reason: "failed" })
      expect(failed.message).toMatch(/^the copy failed, nothing was written: /)
      expect((yield* countsOf(yield* client(other))).filter(([, n]) => n > 0)).toEqual([["write_lock", 1], ["audit_head", 1]])
      yield* from`DELETE FROM prompts`

      yield* from`CREATE TABLE mystery (id INTEGER PRIMARY KEY)`
      const refused = yield* Effect.flip(copyData(source, other))
      expect(refused).toMatchObject({ _tag: "CopyFailed", reason: "unknown_tables" })
      expect(refused.message).toBe("the source holds table(s) this version does not know: mystery (is it from a newer tokenshop?)")
      expect((yield* countsOf(yield* client(other))).filter(([, n]) => n > 0)).toEqual([["write_lock", 1], ["audit_head", 1]])
    }), 120_000)

  it.scoped("a tampered copy is caught, each difference named; a copy that does not verify is rolled back", () =>
    Effect.gen(function*() {
      const dir = yield* scratchDir
      const [source, pg, other] = [sqlite(join(dir, "shop.db")), postgres(freshSchema()), postgres(freshSchema())]
      yield* buildShop.pipe(Effect.provide(shopOn(storageOf(source))))
      yield* copyData(source, pg)
      const [from, to] = [yield* client(source), yield* client(pg)]
      expect((yield* verifyCopy(from, to)).problems).toEqual([])

      yield* to`UPDATE balances SET top_up = top_up + 500 WHERE user_id = 1003`
      yield* to`UPDATE ledger_entries SET amount = 1 WHERE id = (SELECT MIN(id) FROM ledger_entries)`
      yield* to`DELETE FROM cart_lines`
      const found = (yield* verifyCopy(from, to)).problems
      expect(found).toContain("table balances: the rows differ between the source and the target")
      expect(found).toContain("table ledger_entries: the rows differ between the source and the target")
      expect(found).toContain("table cart_lines: 1 row(s) in the source, 0 in the target")
      expect(found).toContain(
        "balance of user 1003 in USD: top-up 2200, consumed 0, available 2200 in the source, top-up 2700, consumed 0, available 2700 in the target"
      )
      expect(found).toContain(
        "balance of user 1003 in USD: the target's ledger entries add up to top-up 2200, consumed 0, available 2200, its balance says top-up 2700, consumed 0, available 2700"
      )
      expect(found.some((p) => p.startsWith("balance of user 1001 in USD: the target's ledger entries add up to top-up 1"))).toBe(true)
      expect(found.some((p) => p.startsWith("money log: 8 sealed, 0 unsealed") && p.includes("1 problem(s) on the target"))).toBe(true)

      // a source whose balance disagrees with its own entries: the copy does not verify, and the target stays empty
      yield* from`UPDATE balances SET consumed = 1 WHERE user_id = 1002`
      const failed = yield* Effect.flip(copyData(source, other))
      expect(failed).toMatchObject({ _tag: "CopyFailed", reason: "mismatch" })
      expect(failed.message).toContain("balance of user 1002 in USD: the target's ledger entries add up to top-up 2100, consumed 350")
      expect((yield* countsOf(yield* client(other))).filter(([, n]) => n > 0)).toEqual([["write_lock", 1], ["audit_head", 1]])
    }), 120_000)
})
