/**
 * PostgreSQL hands an id out at insert time, not at commit: an address whose transaction commits
 * after a later id's is below the ids a block scanner already read. Its payments must still be seen.
 */
import { makeBlockScanner } from "@tokenshop/adapters-chain"
import { memoryChain } from "@tokenshop/adapters-chain/fake"
import { PgStorage } from "@tokenshop/adapters-sql"
import { ApprovalRunner, ChainDeposits, DepositAddresses, Ledger, ShopConfig, TelegramId, Users } from "@tokenshop/domain"
import {
  AddressDeriverMemory, AddressValidatorMemory, BroadcasterMemory, NotifierMemory, PaymentGatewayMemory, PriceSourceMemory, ShopMemory,
  WalletProcessorMemory
} from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Redacted from "effect/Redacted"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const url = process.env["TEST_DATABASE_URL"]

describe.skipIf(url === undefined)("a block scanner on PostgreSQL", () => {
  const schema = `tokenshop_addrbook_${process.pid}_${Date.now().toString(36)}`
  const admin = new pg.Client({ connectionString: url })
  const held = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` })
  const runtime = ManagedRuntime.make(ShopMemory({ chain: { ...ShopConfig.defaults.chain, assets: ["LTC"], confirmations: { LTC: 1 } } }, {
    storage: PgStorage({ url: Redacted.make(url ?? ""), schema, maxConnections: 3 }),
    services: Layer.mergeAll(
      BroadcasterMemory, ApprovalRunner.inline, NotifierMemory, PaymentGatewayMemory(), WalletProcessorMemory(), AddressValidatorMemory,
      PriceSourceMemory(), AddressDeriverMemory()
    )
  }).pipe(Layer.orDie))

  beforeAll(async () => {
    await admin.connect()
    await admin.query(`CREATE SCHEMA ${schema}`)
    await runtime.runPromise(Effect.void) // builds the storage: migrates
    await held.connect()
  }, 60_000)

  afterAll(async () => {
    await held.end().catch(() => undefined)
    await runtime.dispose()
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await admin.end()
  }, 60_000)

  it("an address committed after a later one is watched from the next cycle on", async () => {
    const chain = memoryChain()
    chain.mine()
    const [early, late] = [TelegramId.make(7001), TelegramId.make(7002)]
    const scanner = await runtime.runPromise(Effect.gen(function*() {
      for (const id of [early, late]) yield* (yield* Users).register({ id, username: null, language: "en" })
      return yield* makeBlockScanner(chain.source, { startHeight: 0 })
    }))
    // The early buyer's address is inserted first (its id is drawn now) and committed last.
    const now = Date.now()
    await held.query("BEGIN")
    await held.query(
      "INSERT INTO deposit_addresses (user_id, network, idx, address, created_at, watch_until) VALUES ($1, 'litecoin', 900, 'ltc-held-early', $2, $3)",
      [early, now, now + 86_400_000]
    )
    const lateAddress = await runtime.runPromise(Effect.map(Effect.flatMap(DepositAddresses, (d) => d.addressFor(late, "LTC")), (a) => a.address))
    await runtime.runPromise(scanner.cycle) // reads the later id: the book's next id is past the early one's
    await held.query("COMMIT")
    const ids = await admin.query(`SELECT user_id::int AS u, id::int AS id FROM ${schema}.deposit_addresses ORDER BY id`)
    expect(ids.rows.map((r: { u: number }) => r.u)).toEqual([early, late]) // the early one has the lower id
    chain.send("tx-pays-both", [{ address: "ltc-held-early", units: 10_000_000n }, { address: lateAddress, units: 20_000_000n }])
    chain.mine()
    await runtime.runPromise(scanner.cycle)
    const seen = await runtime.runPromise(Effect.gen(function*() {
      const deposits = yield* ChainDeposits
      const ledger = yield* Ledger
      return yield* Effect.forEach([early, late], (user) =>
        Effect.map(Effect.zip(deposits.mine(user, "LTC", { offset: 0, limit: 5 }), ledger.balance(user)), ([p, b]) =>
          [p.items.map((d) => d.status), b.available.amount]))
    }))
    expect(seen).toEqual([[["credited"], 800n], [["credited"], 1600n]])
  }, 60_000)
})
