/**
 * `tokenshop audit verify`: intact after credits and debits, with the head printed as SEQ:HASH and the
 * keying said; an amount edited in the file and a balance edited past the ledger are named, with exit
 * code 1; `--head` with a head noted before the newest records were removed (and the head rewound) or
 * before a record was rewritten says so; without a goods key it says plainly what it cannot detect.
 */
import { join } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Option from "effect/Option"
import { afterAll, describe, expect, it, vi } from "vitest"
import { auditVerify } from "../src/cli/Audit.js"
import { SqliteStorage } from "@tokenshop/adapters-sql"
import { idempotencyKey, Ledger, money, operator, TelegramId, Users } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import { cliDir, removeDir, runTokenshop } from "./cliHarness.js"

const GOODS = "c3".repeat(32)
const dirs: Array<string> = []
afterAll(() => dirs.forEach(removeDir))

/** A shop with user 5, credited 10 and debited 2.50 through the CLI; `tokenshop` runs in it with `env`. */
const shop = async (env: Record<string, string>) => {
  const dir = cliDir()
  dirs.push(dir)
  const storage = () => SqliteStorage({ filename: join(dir, "shop.db"), goodsKeys: env["GOODS_ENCRYPTION_KEY"] === undefined ? undefined : { current: Redacted.make(GOODS) } })
  await Effect.runPromise(Effect.flatMap(Users, (u) => u.register({ id: TelegramId.make(5), username: null, language: null })).pipe(
    Effect.provide(ShopMemory({}, { storage: storage() }))
  ))
  const tokenshop = (args: ReadonlyArray<string>) => runTokenshop(dir, args, env)
  expect((await tokenshop(["user", "credit", "5", "10", "--reason", "welcome"])).code).toBe(0)
  expect((await tokenshop(["user", "debit", "5", "2.50", "--reason", "fee"])).code).toBe(0)
  /** Straight in the file, past the shop's use cases. */
  const write = (statement: (sql: SqlClient.SqlClient) => Effect.Effect<unknown, unknown>) =>
    Effect.runPromise(Effect.flatMap(SqlClient.SqlClient, statement).pipe(Effect.provide(storage())))
  return { tokenshop, write }
}

describe("tokenshop audit verify", () => {
  it("keyed: prints the head as SEQ:HASH; finds an edited amount and an edited balance, each named", async () => {
    const { tokenshop, write } = await shop({ GOODS_ENCRYPTION_KEY: GOODS })
    const intact = await tokenshop(["audit", "verify"])
    expect(intact.code).toBe(0)
    expect(intact.output).toMatch(/^money log: 2 record\(s\) chained, head 2:k1\.[0-9a-f]{8}\.[0-9a-f]{64}\nkeyed with the goods key from the first record\nevery record is intact/)
    const head = /head (\S+)/.exec(intact.output)![1]!
    expect((await tokenshop(["audit", "verify", "--head", head])).output).toContain(`noted head ${head}: still in the chain`)

    await write((sql) => sql`UPDATE ledger_entries SET amount = '100000' WHERE kind = 'admin_credit'`)
    const edited = await tokenshop(["audit", "verify"])
    expect(edited.code).toBe(1)
    expect(edited.output).toContain("#1 ledger entry 1: edited")
    expect(edited.output).toContain("balance of user 5: stored 7.50 USD (top-up 10.00 USD, consumed 2.50 USD), its ledger entries add up to 997.50 USD (top-up 1000.00 USD, consumed 2.50 USD)")
    expect(edited.output).toContain("error: the money log was tampered with: 2 problem(s)")
    await write((sql) => sql`UPDATE ledger_entries SET amount = '1000' WHERE kind = 'admin_credit'`)

    await write((sql) => sql`UPDATE balances SET top_up = '5000000' WHERE user_id = 5`)
    const balance = await tokenshop(["audit", "verify"])
    expect(balance.code).toBe(1)
    expect(balance.output).toContain("balance of user 5: stored 49997.50 USD (top-up 50000.00 USD, consumed 2.50 USD), its ledger entries add up to 7.50 USD")
    expect(balance.output).toContain("error: the money log was tampered with: 1 problem(s)")
    await write((sql) => sql`UPDATE balances SET top_up = '1000' WHERE user_id = 5`)
    expect((await tokenshop(["audit", "verify"])).code).toBe(0)
  })

  it("--head: a noted head the chain no longer holds is reported, and a malformed one refused", async () => {
    const { tokenshop, write } = await shop({ GOODS_ENCRYPTION_KEY: GOODS })
    const head = /head (\S+)/.exec((await tokenshop(["audit", "verify"])).output)![1]!
    // the newest entry deleted, its balance put back and the head rewound: the chain alone looks intact
    await write((sql) =>
      Effect.gen(function*() {
        const [first] = yield* sql<{ audit_hash: string }>`SELECT audit_hash FROM ledger_entries WHERE audit_seq = 1`
        yield* sql`DELETE FROM ledger_entries WHERE audit_seq = 2`
        yield* sql`UPDATE balances SET consumed = '0' WHERE user_id = 5`
        yield* sql`UPDATE audit_head SET seq = 1, hash = ${first!.audit_hash} WHERE id = 1`
      }))
    const alone = await tokenshop(["audit", "verify"])
    expect(alone.code).toBe(0)
    const removed = await tokenshop(["audit", "verify", "--head", head])
    expect(removed.code).toBe(1)
    expect(removed.output).toContain(`noted head ${head}: beyond the chain's head: records after #1 were removed`)
    expect(removed.output).toContain("error: the money log was tampered with: 1 problem(s)")

    const first = /head (\S+)/.exec(alone.output)![1]!
    await write((sql) => sql`UPDATE ledger_entries SET audit_hash = ${"0".repeat(64)} WHERE audit_seq = 1`)
    const rewritten = await tokenshop(["audit", "verify", "--head", first])
    expect(rewritten.code).toBe(1)
    expect(rewritten.output).toContain(`noted head ${first}: no longer in the chain: the log was rewritten at or before record #1`)

    const malformed = await tokenshop(["audit", "verify", "--head", "twelve"])
    expect(malformed.code).toBe(2)
    expect(malformed.output).toContain(`--head "twelve" is not SEQ:HASH as audit verify prints it`)
  })

  it("without a key (the in-memory log): says a rewrite by a database writer cannot be detected", async () => {
    const out: Array<string> = []
    const log = vi.spyOn(console, "log").mockImplementation((...a: Array<unknown>) => void out.push(a.join(" ")))
    try {
      await Effect.runPromise(Effect.gen(function*() {
        yield* (yield* Users).register({ id: TelegramId.make(5), username: null, language: null })
        yield* (yield* Ledger).adjust(operator("cli"), { user: TelegramId.make(5), direction: "credit", amount: money(1000n, "USD"), reason: "welcome", key: idempotencyKey("w") })
        yield* auditVerify(Option.none())
      }).pipe(Effect.provide(ShopMemory())))
    } finally {
      log.mockRestore()
    }
    expect(out.join("\n")).toMatch(/^money log: 1 record\(s\) chained, head 1:[0-9a-f]+\nnot keyed: no goods key is given, so an edit by someone who can write the database, with the chain recomputed, cannot be detected here;\n  compare the head/)
  })
})
