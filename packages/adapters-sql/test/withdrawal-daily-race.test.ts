/**
 * Six withdrawals of 30 USD each by one admin, all at once, with a daily approval total of 100 USD:
 * exactly three are sent (90 USD) and three wait for a second admin, on SQLite and on PostgreSQL
 * through six separate connection pools (the window's sum and the claim are one serializable transaction).
 */
import { afterAll, describe, expect, it } from "@effect/vitest"
import { AddressBook, type Asset, idempotencyKey, operator, TelegramId, WithdrawalRepo, Withdrawals } from "@tokenshop/domain"
import { ServicesMemory, ShopMemory, WalletControl } from "@tokenshop/domain/testing"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { dropPgSchemas, freshSchema, pgStorage, pgUrl, sqliteStorage } from "./support.js"

const A = TelegramId.make(71)
const B = TelegramId.make(72)
const admin = { kind: "telegram", id: A } as const
const destination = "0x52908400098527886E0F7030069857D2E4169EE7"
/** Six assets on one address, 30 USD of each at the memory prices. */
const funds: ReadonlyArray<readonly [Asset, bigint]> = [
  ["ETH", 10n ** 16n], ["BNB", 5n * 10n ** 16n], ["USDT_ERC20", 30_000_000n], ["USDC_ERC20", 30_000_000n],
  ["USDT_BEP20", 30n * 10n ** 18n], ["USDC_BEP20", 30n * 10n ** 18n]
]
const settings = { admins: new Set([A, B]) } // 100 USD alone and in 24 hours

const trustAll = Effect.forEach(funds, ([asset]) => Effect.flatMap(AddressBook, (book) => book.add(operator("test"), asset, destination)))
const fund = (asset: Asset, units: bigint) => Effect.flatMap(WalletControl, (w) => w.fund(asset, units))
const attempt = (i: number) =>
  Effect.flatMap(Withdrawals, (w) => w.execute(admin, { asset: funds[i]![0], destination, scope: { kind: "all" } }, idempotencyKey("daily-race", i))).pipe(
    Effect.map((o) => o._tag === "Sent" ? "sent" : o.approval.reason),
    Effect.catchAll((e) => Effect.succeed(e._tag))
  )
const verify = (outcomes: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    expect([...outcomes].sort()).toEqual(["daily", "daily", "daily", "sent", "sent", "sent"])
    const counted = yield* (yield* WithdrawalRepo).countedAfter(new Date(0))
    expect(counted.reduce((sum, c) => sum + (c.value?.amount ?? 0n), 0n)).toBe(9_000n)
  })

describe("the daily approval total under concurrent withdrawals", () => {
  it.live("on SQLite, six fibers at once: three sent, three wait", () =>
    Effect.gen(function*() {
      yield* trustAll
      yield* Effect.forEach(funds, ([asset, units]) => fund(asset, units))
      yield* verify(yield* Effect.all(funds.map((_, i) => attempt(i)), { concurrency: "unbounded" }))
    }).pipe(Effect.provide(ShopMemory(settings, { storage: sqliteStorage(), services: ServicesMemory }))), 60_000)

  if (pgUrl === undefined) {
    it.skip("on PostgreSQL (skipped: TEST_DATABASE_URL is not set)", () => {})
  } else {
    afterAll(dropPgSchemas)
    it.live("on PostgreSQL, through six separate connection pools: three sent, three wait", () =>
      Effect.gen(function*() {
        const schema = freshSchema()
        const shop = () => ShopMemory(settings, { storage: pgStorage(schema, 2), services: ServicesMemory })
        yield* Effect.provide(trustAll, shop())
        // Six independent shops (six pools, each with its own wallet holding one asset) over one database.
        const shops = yield* Effect.all(funds.map(() => Layer.build(shop())), { concurrency: 6 })
        yield* Effect.forEach(funds, ([asset, units], i) => Effect.provide(fund(asset, units), shops[i]!))
        const outcomes = yield* Effect.all(funds.map((_, i) => Effect.provide(attempt(i), shops[i]!)), { concurrency: "unbounded" })
        yield* Effect.provide(verify(outcomes), shops[0]!)
      }).pipe(Effect.scoped), 120_000)
  }
})
