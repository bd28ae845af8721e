/**
 * The money log against someone who can write the database: an entry edited with every later hash
 * recomputed (the chain is keyed, so that cannot be hidden), a chain sealed before the key existed
 * (still verifies; an edit to it shows at the first keyed record), a balance edited past the ledger
 * (verify names the user, checkout refuses them and changes nothing), a purchase total edited (verify
 * names the purchase) and a head noted before a rewrite (no longer in the chain).
 */
import { join } from "node:path"
import { afterAll, describe, expect, it } from "@effect/vitest"
import * as SqlClient from "@effect/sql/SqlClient"
import {
  AuditLog, Audits, Cart, Catalog, Checkout, idempotencyKey, LedgerRepo, money, operator, TelegramId, UserRepo
} from "@tokenshop/domain"
import { EventLog, ServicesMemory, ShopMemory } from "@tokenshop/domain/testing"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { makeLink, noMoneyLogKeys } from "../src/audit/MoneyLogKey.js"
import { PgStorage, SqliteStorage } from "../src/index.js"
import { linkMessage, type Table } from "../src/SqlAuditLog.js"
import { dropPgSchemas, freshSchema, fundedBuyers, pgUrl, scratchDir } from "./support.js"

const KEY = { current: Redacted.make("5a".repeat(32)) }
const user = TelegramId.make(77)
const key = (k: string) => idempotencyKey(k)

/** A database on either engine, opened with or without the goods key. */
type Opener = (keyed: boolean) => Layer.Layer<Layer.Layer.Success<ReturnType<typeof SqliteStorage>>, unknown>

/** What a database writer who knows the code does: edit, then recompute every later link (unkeyed, the only one without the key) and the head. */
const rewriteFrom = (from: number, edit: Effect.Effect<unknown, unknown, SqlClient.SqlClient>, to?: number) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* edit
    const [head] = yield* sql<{ seq: unknown }>`SELECT seq FROM audit_head WHERE id = 1`
    const at = (seq: number) =>
      Effect.map(Effect.all((["ledger_entries", "withdrawals", "goods_reveals"] as const).map((table) =>
        Effect.map(sql<Record<string, unknown>>`SELECT * FROM ${sql(table)} WHERE audit_seq = ${seq}`, (rows) => rows.map((row) => ({ table: table as Table, row }))))),
        (found) => found.flat()[0]!)
    let previous = from === 1 ? "" : String((yield* at(from - 1)).row["audit_hash"])
    for (let seq = from; seq <= (to ?? Number(head!.seq)); seq++) {
      const { row, table } = yield* at(seq)
      previous = makeLink(noMoneyLogKeys, null, previous, linkMessage(seq, table, row))
      yield* sql`UPDATE ${sql(table)} SET audit_hash = ${previous} WHERE id = ${row["id"]}`
    }
    if (to === undefined) yield* sql`UPDATE audit_head SET hash = ${previous} WHERE id = 1`
  })

const deposits = (from: number, to: number) =>
  Effect.gen(function*() {
    const ledger = yield* LedgerRepo
    for (let i = from; i <= to; i++) {
      yield* ledger.append({ user, kind: "deposit", amount: money(BigInt(i * 100), "USD"), key: key(`d${i}`), reason: null, actor: null, ref: null, createdAt: new Date(i) })
    }
  })
const entryId = (k: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) => Effect.map(sql<{ id: unknown }>`SELECT id FROM ledger_entries WHERE idempotency_key = ${k}`, ([r]) => Number(r!.id)))

const keyedRewrite = (open: Opener) =>
  Effect.gen(function*() {
    const log = yield* AuditLog
    yield* (yield* UserRepo).upsert({ id: user, username: null, language: null }, new Date(0))
    yield* deposits(1, 6)
    expect(yield* log.seal(100)).toBe(6)
    const clean = yield* log.verify
    expect(clean).toMatchObject({ sealed: 6, problems: [], keying: { key: true, from: 1, unchecked: 0 }, balances: [], purchases: [] })
    expect(clean.head).toMatch(/^k1\.[0-9a-f]{8}\.[0-9a-f]{64}$/)
    const noted = (yield* log.head)!
    expect(noted).toEqual({ seq: 6, hash: clean.head })

    yield* rewriteFrom(2, Effect.flatMap(SqlClient.SqlClient, (sql) => sql`UPDATE ledger_entries SET amount = ${"20000"} WHERE idempotency_key = ${"d2"}`))
    const report = yield* log.verify
    expect(report.problems[0]).toEqual({ seq: 2, record: `ledger entry ${yield* entryId("d2")}`, problem: "edited" })
    expect(yield* log.hashAt(noted.seq)).not.toBe(noted.hash) // the head noted before: gone
  }).pipe(Effect.provide(open(true)))

const oldChainThenKey = (open: Opener) =>
  Effect.gen(function*() {
    yield* Effect.gen(function*() {
      yield* (yield* UserRepo).upsert({ id: user, username: null, language: null }, new Date(0))
      yield* deposits(1, 3)
      expect(yield* (yield* AuditLog).seal(100)).toBe(3)
      expect((yield* (yield* AuditLog).verify).keying).toEqual({ key: false, from: null, unchecked: 0 })
    }).pipe(Effect.provide(open(false)))
    yield* Effect.gen(function*() {
      const log = yield* AuditLog
      yield* deposits(4, 5)
      expect(yield* log.seal(100)).toBe(2)
      const report = yield* log.verify
      expect(report).toMatchObject({ sealed: 5, problems: [], keying: { key: true, from: 4, unchecked: 0 } })
      // an edit before the key, recomputed up to where the keyed part starts: the first keyed record no longer fits
      const edit = Effect.flatMap(SqlClient.SqlClient, (sql) => sql`UPDATE ledger_entries SET amount = ${"20000"} WHERE idempotency_key = ${"d2"}`)
      yield* rewriteFrom(2, edit, 3)
      expect((yield* log.verify).problems).toEqual([{ seq: 4, record: `ledger entry ${yield* entryId("d4")}`, problem: "edited" }])
      // put back as it was: the same links again
      yield* rewriteFrom(2, Effect.flatMap(SqlClient.SqlClient, (sql) => sql`UPDATE ledger_entries SET amount = ${"200"} WHERE idempotency_key = ${"d2"}`), 3)
      expect((yield* log.verify).problems).toEqual([])
    }).pipe(Effect.provide(open(true)))
    // opened without the key: the keyed records cannot be checked, and nothing is sealed onto them unkeyed
    yield* Effect.gen(function*() {
      const log = yield* AuditLog
      yield* deposits(6, 6)
      expect(yield* log.seal(100)).toBe(0)
      expect((yield* log.verify)).toMatchObject({ problems: [], unsealed: 1, keying: { key: false, from: 4, unchecked: 2 } })
    }).pipe(Effect.provide(open(false)))
    // the whole chain rewritten unkeyed: only an outside record of the head shows it (and the keyed start is gone)
    yield* Effect.gen(function*() {
      const log = yield* AuditLog
      const noted = (yield* log.head)!
      yield* rewriteFrom(2, Effect.flatMap(SqlClient.SqlClient, (sql) => sql`UPDATE ledger_entries SET amount = ${"20000"} WHERE idempotency_key = ${"d2"}`))
      expect(yield* log.hashAt(noted.seq)).not.toBe(noted.hash)
      expect(yield* log.seal(100)).toBe(1)
      expect(yield* log.verify).toMatchObject({ problems: [], keying: { key: true, from: 6 } }) // d6, sealed now with the key
    }).pipe(Effect.provide(open(true)))
  })

const buyer = TelegramId.make(900)
const balanceAndTotal = (open: Opener) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const sub = yield* fundedBuyers({ label: "tamper", items: 3, buyers: 1, buyer: () => buyer, cents: 2_00n })
    const audits = yield* Audits
    expect((yield* audits.verify(operator())).balances).toEqual([])

    // a purchase, then its total lowered in place (a refund of it would give back that)
    yield* (yield* Cart).add(buyer, sub, 1)
    const { buy } = yield* (yield* Checkout).checkout(buyer, key("first"))
    yield* sql`UPDATE buys SET total = ${"1"} WHERE id = ${buy.id}`
    expect((yield* audits.verify(operator())).purchases).toEqual([
      { buy: buy.id, user: buyer, total: money(1n, "USD"), items: money(1_00n, "USD"), charged: money(1_00n, "USD") }
    ])

    // the balance raised straight in the table
    yield* sql`UPDATE balances SET top_up = ${"100000"} WHERE user_id = ${buyer}`
    const report = yield* audits.verify(operator())
    expect(report.balances).toEqual([{
      user: buyer,
      stored: { topUp: money(100000n, "USD"), consumed: money(1_00n, "USD"), available: money(99900n, "USD") },
      entries: { topUp: money(2_00n, "USD"), consumed: money(1_00n, "USD"), available: money(1_00n, "USD") }
    }])
    expect(report.problems).toEqual([])

    // and the shop refuses to sell against it: nothing charged, nothing claimed, the cart kept, the admins told
    yield* (yield* Cart).add(buyer, sub, 2)
    const refused = yield* Effect.flip((yield* Checkout).checkout(buyer, key("second")))
    expect(refused._tag).toBe("BalanceUnverified")
    expect(yield* sql`SELECT top_up, consumed FROM balances WHERE user_id = ${buyer}`).toEqual([{ top_up: expect.anything(), consumed: expect.anything() }])
    const [row] = yield* sql<{ top_up: unknown; consumed: unknown }>`SELECT top_up, consumed FROM balances WHERE user_id = ${buyer}`
    expect([String(row!.top_up), String(row!.consumed)]).toEqual(["100000", "100"])
    expect(Number((yield* sql<{ n: unknown }>`SELECT COUNT(*) AS n FROM buys`)[0]!.n)).toBe(1)
    expect((yield* (yield* Catalog).subcategory(sub)).stock).toBe(2)
    expect((yield* (yield* Cart).view(buyer)).lines.map((l) => l.quantity)).toEqual([2])
    expect((yield* (yield* EventLog).ofTag("BalanceUnverified")).map((e) => e.user)).toEqual([buyer])
  }).pipe(Effect.provide(Layer.suspend(() => {
    const storage = open(true) // one database: the shop's storage and the test's SqlClient (a layer is built once per provide)
    return Layer.merge(ShopMemory({}, { storage, services: ServicesMemory }), storage)
  })))

const sqlite = () => {
  let dir: string | undefined
  return Effect.map(scratchDir, (d) => {
    dir ??= d
    return ((keyed: boolean) => SqliteStorage({ filename: join(dir!, "shop.db"), goodsKeys: keyed ? KEY : undefined })) as Opener
  })
}
const pg = (): Opener => {
  const schema = freshSchema()
  return (keyed) => PgStorage({ url: Redacted.make(pgUrl ?? ""), maxConnections: 4, schema, goodsKeys: keyed ? KEY : undefined })
}

describe("the money log against a database writer", () => {
  it.scoped("SQLite: an entry edited with every later hash recomputed is named", () => Effect.flatMap(sqlite(), keyedRewrite), 60_000)
  it.scoped("SQLite: a chain sealed before the key verifies, and an edit to it shows", () => Effect.flatMap(sqlite(), oldChainThenKey), 60_000)
  it.scoped("SQLite: an edited balance and an edited purchase total are named; checkout refuses the balance", () =>
    Effect.flatMap(sqlite(), balanceAndTotal), 60_000)
  if (pgUrl !== undefined) {
    afterAll(dropPgSchemas)
    it.live("PostgreSQL: an entry edited with every later hash recomputed is named", () => keyedRewrite(pg()), 60_000)
    it.live("PostgreSQL: a chain sealed before the key verifies, and an edit to it shows", () => oldChainThenKey(pg()), 60_000)
    it.live("PostgreSQL: an edited balance and an edited purchase total are named; checkout refuses the balance", () => balanceAndTotal(pg()), 60_000)
  }
})
