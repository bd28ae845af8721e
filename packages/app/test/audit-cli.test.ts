/** `tokenshop audit verify`: intact after credits and debits; an amount edited in the file is named, with exit code 1. */
import { join } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import { afterAll, describe, expect, it } from "vitest"
import { SqliteStorage } from "@tokenshop/adapters-sql"
import { TelegramId, Users } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import { cliDir, removeDir, runTokenshop } from "./cliHarness.js"

const dir = cliDir()
afterAll(() => removeDir(dir))
const tokenshop = (args: ReadonlyArray<string>) => runTokenshop(dir, args)

describe("tokenshop audit verify", () => {
  it("finds an amount edited straight in the database", async () => {
    await Effect.runPromise(Effect.flatMap(Users, (u) => u.register({ id: TelegramId.make(5), username: null, language: null })).pipe(
      Effect.provide(ShopMemory({}, { storage: SqliteStorage({ filename: join(dir, "shop.db") }) }))
    ))
    expect((await tokenshop(["user", "credit", "5", "10", "--reason", "welcome"])).code).toBe(0)
    expect((await tokenshop(["user", "debit", "5", "2.50", "--reason", "fee"])).code).toBe(0)
    const intact = await tokenshop(["audit", "verify"])
    expect(intact.code).toBe(0)
    expect(intact.output).toMatch(/money log: 2 record\(s\) chained, head [0-9a-f]{64}\nevery record is intact/)

    // straight in the file, past the shop's use cases
    await Effect.runPromise(Effect.flatMap(SqlClient.SqlClient, (sql) => sql`UPDATE ledger_entries SET amount = '100000' WHERE kind = 'admin_credit'`).pipe(
      Effect.provide(SqliteStorage({ filename: join(dir, "shop.db") }))
    ))
    const tampered = await tokenshop(["audit", "verify"])
    expect(tampered.code).toBe(1)
    expect(tampered.output).toContain("#1 ledger entry 1: edited")
    expect(tampered.output).toContain("error: the money log was tampered with: 1 problem(s)")
  })
})
