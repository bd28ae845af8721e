/** The database itself refuses a ledger amount of zero or below, whatever writes to it (a script, a bad migration). */
import * as SqlClient from "@effect/sql/SqlClient"
import { describe, expect, it } from "@effect/vitest"
import { TelegramId, UserRepo } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import { pgStorage, pgUrl, sqliteStorage } from "./support.js"

const engines = [["sqlite", sqliteStorage()], ...(pgUrl === undefined ? [] : [["postgresql", pgStorage()] as const])] as const

describe.each(engines)("ledger amounts on %s", (_name, storage) => {
  it.live("a raw insert or update of zero, a negative or a non-number is refused by the database", () =>
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      const user = TelegramId.make(4_000_000_000 + Math.floor(Math.random() * 1_000_000))
      yield* Effect.flatMap(UserRepo, (u) => u.upsert({ id: user, username: null, language: null }, new Date(0)))
      const insert = (amount: string, key: string) =>
        sql`INSERT INTO ledger_entries (user_id, kind, amount, currency, idempotency_key, created_at)
          VALUES (${user}, 'deposit', ${amount}, 'USD', ${`${key}-${user}`}, 0)`
      for (const [amount, key] of [["0", "zero"], ["-5", "negative"], ["1x", "text"]] as const) {
        expect((yield* Effect.exit(insert(amount, key)))._tag).toBe("Failure")
      }
      yield* insert("700", "fine")
      const update = sql`UPDATE ledger_entries SET amount = ${"-700"} WHERE idempotency_key = ${`fine-${user}`}`
      expect((yield* Effect.exit(update))._tag).toBe("Failure")
      const [row] = yield* sql<{ amount: unknown }>`SELECT amount FROM ledger_entries WHERE idempotency_key = ${`fine-${user}`}`
      expect(String(row!.amount)).toBe("700")
    }).pipe(Effect.provide(storage)))
})
