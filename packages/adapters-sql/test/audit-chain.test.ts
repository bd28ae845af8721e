/**
 * The money log catches tampering done straight in the database: an edited amount, a deleted entry
 * in the middle, the newest entries removed, an edited withdrawal address, each named by position
 * and record, and an erased record of an admin looking at a buyer's goods. Sealing twice changes nothing.
 */
import { afterAll, describe, expect, it } from "@effect/vitest"
import * as SqlClient from "@effect/sql/SqlClient"
import { AuditLog, BuyId, crypto, IdempotencyKey, LedgerRepo, money, TelegramId, UserRepo, WithdrawalRepo } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import { dropPgSchemas, freshSchema, pgStorage, pgUrl, sqliteStorage } from "./support.js"

const user = TelegramId.make(77)
const key = (k: string) => IdempotencyKey.make(k)

const scenario = (layer: Layer.Layer<AuditLog | LedgerRepo | UserRepo | WithdrawalRepo | SqlClient.SqlClient, unknown>) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const log = yield* AuditLog
    const ledger = yield* LedgerRepo
    yield* (yield* UserRepo).upsert({ id: user, username: null, language: null }, new Date(0))
    for (let i = 1; i <= 6; i++) {
      yield* ledger.append({ user, kind: "deposit", amount: money(BigInt(i * 100), "USD"), key: key(`d${i}`), reason: null, actor: null, ref: null, createdAt: new Date(i) })
    }
    yield* (yield* WithdrawalRepo).record({
      key: key("w1"), asset: "LTC", destination: "ltc1qowner", scope: { kind: "all" }, total: crypto(5n, "LTC"), networkFee: crypto(1n, "LTC"),
      serviceFee: crypto(0n, "LTC"), receiving: crypto(4n, "LTC"), txIds: ["t1"], admin: "admin 1", createdAt: new Date(10)
    })
    yield* log.reveal({ admin: "admin 2", buy: BuyId.make(5), user, items: 1, at: new Date(11) })
    expect(yield* log.seal(100)).toBe(8)
    expect(yield* log.seal(100)).toBe(0)
    const clean = yield* log.verify
    expect(clean).toMatchObject({ sealed: 8, unsealed: 0, problems: [] })
    const id = (k: string) => Effect.map(sql<{ id: unknown }>`SELECT id FROM ledger_entries WHERE idempotency_key = ${k}`, ([r]) => Number(r!.id))

    // an amount raised in place (and its balance left alone): the entry is named
    yield* sql`UPDATE ledger_entries SET amount = ${"20000"} WHERE idempotency_key = ${"d2"}`
    expect((yield* log.verify).problems).toEqual([{ seq: 2, record: `ledger entry ${yield* id("d2")}`, problem: "edited" }])
    yield* sql`UPDATE ledger_entries SET amount = ${"200"} WHERE idempotency_key = ${"d2"}`
    expect((yield* log.verify).problems).toEqual([])

    // a withdrawal's destination rewritten
    yield* sql`UPDATE withdrawals SET destination = ${"ltc1qthief"}`
    expect((yield* log.verify).problems).toEqual([{ seq: 7, record: expect.stringMatching(/^withdrawal \d+$/), problem: "edited" }])
    yield* sql`UPDATE withdrawals SET destination = ${"ltc1qowner"}`

    // an entry deleted in the middle, and the newest one deleted
    yield* sql`DELETE FROM ledger_entries WHERE idempotency_key = ${"d4"}`
    yield* sql`DELETE FROM withdrawals`
    expect((yield* log.verify).problems.map((p) => [p.seq, p.problem])).toEqual([[4, "missing"], [7, "missing"]])
    // a forged chain position beyond the head
    yield* sql`UPDATE ledger_entries SET audit_seq = ${99} WHERE idempotency_key = ${"d6"}`
    expect((yield* log.verify).problems.map((p) => [p.seq, p.problem])).toEqual([[4, "missing"], [6, "missing"], [7, "missing"], [99, "beyond the head"]])
    // an admin's look at a buyer's goods, erased afterwards
    yield* sql`DELETE FROM goods_reveals`
    expect((yield* log.verify).problems.map((p) => [p.seq, p.problem])).toContainEqual([8, "missing"])
  }).pipe(Effect.provide(layer))

describe("the money log", () => {
  it.live("SQLite: every edit and deletion is found", () => scenario(sqliteStorage()), 60_000)
  if (pgUrl !== undefined) {
    afterAll(dropPgSchemas)
    it.live("PostgreSQL: every edit and deletion is found", () => scenario(pgStorage(freshSchema())), 60_000)
  }
})
