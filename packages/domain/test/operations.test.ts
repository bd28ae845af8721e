import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as TestClock from "effect/TestClock"
import {
  AddressBook, ApprovalRunner, AddressDeriver, BuyRepo, Cart, Catalog, CatalogRepo, Checkout, crypto, Ledger, Payments, Refunds, Statistics,
  TelegramId, Users, Withdrawals
} from "../src/index.js"
import {
  AddressValidatorMemory, EventLog, BroadcasterMemory, NotifierMemory, PaymentGatewayMemory, PriceSourceMemory, ShopMemory,
  WalletControl, WalletProcessorMemory
} from "../src/testing/memory.js"
import { ADMIN, admin, buyer, cli, fund, key, shop, stock, usd } from "./support.js"

const stranger = { kind: "telegram", id: TelegramId.make(12345) } as const

const bought = Effect.gen(function*() {
  const sub = yield* stock(["Games;Steam;k;5;KEY-A", "Games;Steam;k;7;KEY-B"])
  const user = yield* buyer()
  yield* fund(user, 2000n)
  yield* (yield* Cart).add(user, sub("Games/Steam"), 2)
  const { buy } = yield* (yield* Checkout).checkout(user, key("k"))
  return { user, buy, sub }
})

describe("users", () => {
  it.effect("register is idempotent and announces the first contact only", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const id = TelegramId.make(77)
      yield* users.register({ id, username: "a", language: "de" })
      const again = yield* users.register({ id, username: "b", language: "en" })
      expect(again).toMatchObject({ username: "b", language: "de", banned: false })
      expect((yield* (yield* EventLog).ofTag("UserRegistered")).length).toBe(1)
      expect((yield* users.findByUsername("@B")).id).toBe(id)
    }).pipe(Effect.provide(shop())))

  it.effect("admins are the configured ids; a capability is re-checked", () =>
    Effect.gen(function*() {
      const users = yield* Users
      expect(users.isAdmin(ADMIN)).toBe(true)
      expect(yield* users.authorize(ADMIN)).toEqual(admin)
      expect((yield* Effect.flip(users.authorize(TelegramId.make(5))))._tag).toBe("NotAdmin")
      expect((yield* Effect.flip(users.setBanned(stranger, ADMIN, true)))._tag).toBe("NotAdmin")
      yield* users.ensureAdmin(cli)
    }).pipe(Effect.provide(shop())))
})

describe("refunds", () => {
  it.effect("credit the purchase once; the items stay sold; a second refund fails", () =>
    Effect.gen(function*() {
      const { buy, sub, user } = yield* bought
      const refunds = yield* Refunds
      const result = yield* refunds.refund(admin, buy.id)
      expect(result.balance).toEqual({ topUp: usd(2000n), consumed: usd(0n), available: usd(2000n) })
      expect(result.buy.refundedAt).not.toBeNull()
      expect((yield* Effect.flip(refunds.refund(admin, buy.id)))._tag).toBe("AlreadyRefunded")
      expect((yield* (yield* Ledger).balance(user)).available).toEqual(usd(2000n))
      expect((yield* (yield* CatalogRepo).items(sub("Games/Steam"), { offset: 0, limit: 9 })).items.every((i) => i.sold)).toBe(true)
      expect((yield* (yield* EventLog).ofTag("Refunded")).length).toBe(1)
    }).pipe(Effect.provide(shop())))

  it.effect("concurrent refunds pay once", () =>
    Effect.gen(function*() {
      const { buy, user } = yield* bought
      const refunds = yield* Refunds
      const results = yield* Effect.all(Array.from({ length: 5 }, () => Effect.either(refunds.refund(admin, buy.id))), { concurrency: "unbounded" })
      expect(results.filter((r) => r._tag === "Right").length).toBe(1)
      expect((yield* (yield* Ledger).balance(user)).available).toEqual(usd(2000n))
    }).pipe(Effect.provide(shop())))

  it.effect("only admins refund, and only existing purchases", () =>
    Effect.gen(function*() {
      const { buy } = yield* bought
      const refunds = yield* Refunds
      expect((yield* Effect.flip(refunds.refund(stranger, buy.id)))._tag).toBe("NotAdmin")
      expect((yield* Effect.flip(refunds.refund(admin, (buy.id + 100) as typeof buy.id)))._tag).toBe("BuyNotFound")
    }).pipe(Effect.provide(shop())))
})

describe("admin balance adjustments", () => {
  it.effect("are audited, idempotent, announced, and never overdraw", () =>
    Effect.gen(function*() {
      const user = yield* buyer()
      const ledger = yield* Ledger
      const credit = { user, direction: "credit", amount: usd(1500n), reason: "goodwill", key: key("adj-1") } as const
      yield* ledger.adjust(admin, credit)
      yield* ledger.adjust(admin, credit)
      const entries = (yield* ledger.history(user, { offset: 0, limit: 10 })).items
      expect(entries.map((e) => [e.kind, e.amount.amount, e.reason, e.actor])).toEqual([["admin_credit", 1500n, "goodwill", "admin 999"]])
      const over = yield* Effect.flip(ledger.adjust(admin, { ...credit, direction: "debit", amount: usd(1501n), key: key("adj-2") }))
      expect(over._tag).toBe("InsufficientFunds")
      const after = yield* ledger.adjust(cli, { ...credit, direction: "debit", amount: usd(500n), key: key("adj-3") })
      expect(after.balance).toEqual({ topUp: usd(1500n), consumed: usd(500n), available: usd(1000n) })
      expect((yield* Effect.flip(ledger.adjust(admin, { ...credit, reason: "  ", key: key("adj-4") })))._tag).toBe("InvalidInput")
      expect((yield* Effect.flip(ledger.adjust(admin, { ...credit, amount: usd(0n), key: key("adj-5") })))._tag).toBe("InvalidAmount")
      expect((yield* Effect.flip(ledger.adjust(stranger, { ...credit, key: key("adj-6") })))._tag).toBe("NotAdmin")
      expect((yield* Effect.flip(ledger.adjust(admin, { ...credit, user: TelegramId.make(4242), key: key("adj-7") })))._tag).toBe("UserNotFound")
      expect((yield* (yield* EventLog).ofTag("BalanceAdjusted")).length).toBe(2)
    }).pipe(Effect.provide(shop())))
})

describe("withdrawals", () => {
  const destination = "0x52908400098527886E0F7030069857D2E4169EE7"
  it.effect("preview validates the address and prices the fees; execute runs once per key", () =>
    Effect.gen(function*() {
      yield* (yield* WalletControl).fund("ETH", 10n ** 18n)
      const withdrawals = yield* Withdrawals
      const request = { asset: "ETH", destination, scope: { kind: "all" } } as const
      expect((yield* Effect.flip(withdrawals.preview(admin, request)))._tag).toBe("DestinationNotTrusted")
      yield* (yield* AddressBook).add(cli, "ETH", destination)
      expect((yield* Effect.flip(withdrawals.preview(admin, { ...request, destination: "0x12" })))._tag).toBe("InvalidAddress")
      expect((yield* Effect.flip(withdrawals.preview(stranger, request)))._tag).toBe("NotAdmin")
      const preview = yield* withdrawals.preview(admin, request)
      expect(preview.quote.total).toEqual(crypto(10n ** 18n, "ETH"))
      expect(preview.fiat).toEqual({ total: usd(300000n), networkFee: usd(3000n), serviceFee: usd(1500n), receiving: usd(295500n) })
      const done = yield* withdrawals.execute(admin, request, key("w1"))
      expect(done).toMatchObject({ _tag: "Sent", withdrawal: { txIds: ["memtx-1"] } })
      expect(yield* withdrawals.execute(admin, request, key("w1"))).toEqual(done)
      expect((yield* (yield* WalletControl).sent).length).toBe(1)
      expect((yield* Effect.flip(withdrawals.execute(admin, request, key("w2"))))._tag).toBe("WithdrawalRejected")
      expect((yield* (yield* EventLog).ofTag("WithdrawalExecuted")).length).toBe(1)
      expect((yield* withdrawals.history(admin, { offset: 0, limit: 5 })).total).toBe(1)
      yield* (yield* WalletControl).setAvailable(false)
      expect((yield* Effect.flip(withdrawals.balances(admin)))._tag).toBe("ServiceUnavailable")
    }).pipe(Effect.provide(shop())))

  it.effect("execution is bound to the confirmed preview: more funds beyond its network fee send nothing; within it, it goes", () =>
    Effect.gen(function*() {
      const wallet = yield* WalletControl
      yield* wallet.fund("ETH", 10n ** 18n)
      yield* (yield* AddressBook).add(cli, "ETH", destination)
      const withdrawals = yield* Withdrawals
      const request = { asset: "ETH", destination, scope: { kind: "all" } } as const
      const seen = (yield* withdrawals.preview(admin, request)).quote // network fee: 1 % of the total
      yield* wallet.fund("ETH", 2n * 10n ** 16n) // +2 % arrived since the preview
      const moved = yield* Effect.flip(withdrawals.execute(admin, request, key("bound-1"), seen))
      expect(moved).toMatchObject({ _tag: "WithdrawalChanged", previewed: crypto(10n ** 18n, "ETH"), now: crypto(102n * 10n ** 16n, "ETH") })
      expect(yield* wallet.sent).toEqual([])
      const again = (yield* withdrawals.preview(admin, request)).quote
      yield* wallet.fund("ETH", 10n ** 15n) // +0.1 %: within the fee estimate
      const done = yield* withdrawals.execute(admin, request, key("bound-2"), again)
      expect(done).toMatchObject({ _tag: "Sent", withdrawal: { total: crypto(102n * 10n ** 16n + 10n ** 15n, "ETH") } })
      // a repeated Send of the same key returns the withdrawal made, without asking again
      expect(yield* withdrawals.execute(admin, request, key("bound-2"), again)).toEqual(done)
    }).pipe(Effect.provide(shop())))
})

describe("statistics", () => {
  it.effect("report sales, deposits and new users from recorded amounts", () =>
    Effect.gen(function*() {
      yield* TestClock.adjust("10 days")
      const { buy } = yield* bought
      const stats = yield* (yield* Statistics).period(admin, "day")
      expect(stats.sales).toEqual({ count: 1, items: 2, total: usd(1200n), refundedCount: 0, refundedTotal: usd(0n) })
      expect(stats.deposits.total).toEqual(usd(2000n))
      expect(stats.newUsers).toBe(1)
      yield* (yield* Refunds).refund(admin, buy.id)
      yield* TestClock.adjust("2 days")
      expect((yield* (yield* Statistics).period(admin, "day")).sales.count).toBe(0)
      const week = yield* (yield* Statistics).period(admin, "week")
      expect(week.sales).toMatchObject({ count: 1, refundedCount: 1, refundedTotal: usd(1200n) })
      expect((yield* Effect.flip((yield* Statistics).period(stranger, "week")))._tag).toBe("NotAdmin")
    }).pipe(Effect.provide(shop())))
})

describe("catalog administration", () => {
  it.effect("imports all or nothing and reports counts per subcategory", () =>
    Effect.gen(function*() {
      const catalog = yield* Catalog
      const bad = Array.from({ length: 10 }, (_, i) => `Games;Steam;k;${i === 4 ? "x" : "1"};K${i}`).join("\n")
      const error = yield* Effect.flip(catalog.importFile(admin, "txt", bad))
      expect(error._tag === "ImportRejected" && error.problems).toEqual([{ location: { kind: "line", at: 5 }, field: "price", problem: "\"x\" is not a number" }])
      expect((yield* catalog.categories({ offset: 0, limit: 10 })).total).toBe(0)
      const report = yield* catalog.importFile(admin, "json", JSON.stringify([
        { category: "A", subcategory: "x", price: "1", private_data: "1" },
        { category: "A", subcategory: "x", price: "1", private_data: "2" },
        { category: "B", subcategory: "y", price: "1", private_data: "3" }
      ]))
      expect(report).toEqual({ imported: 3, lines: [{ category: "A", subcategory: "x", count: 2 }, { category: "B", subcategory: "y", count: 1 }] })
      expect((yield* Effect.flip(catalog.importFile(stranger, "txt", "A;b;c;1;d")))._tag).toBe("NotAdmin")
      expect((yield* catalog.stockReport(true)).map((l) => l.count)).toEqual([2, 1])
      expect(yield* catalog.markAnnounced(admin)).toBe(3)
      expect(yield* catalog.stockReport(true)).toEqual([])
    }).pipe(Effect.provide(shop())))

  it.effect("deleting a category keeps the sales history and what was delivered", () =>
    Effect.gen(function*() {
      const { buy, user } = yield* bought
      const catalog = yield* Catalog
      const category = (yield* catalog.categories({ offset: 0, limit: 1 })).items[0]
      expect(category).toBeUndefined() // sold out: hidden from buyers
      const repo = yield* CatalogRepo
      const all = (yield* repo.categories({ offset: 0, limit: 5 }, false)).items
      expect(yield* catalog.deleteCategory(admin, all[0]!.id)).toBe(0)
      const history = yield* (yield* BuyRepo).listByUser(user, { offset: 0, limit: 5 })
      expect(history.items.map((b) => b.id)).toEqual([buy.id])
    }).pipe(Effect.provide(shop())))
})

describe("swapping adapters", () => {
  it.effect("a shop takes other services, e.g. a gateway that accepts BTC only", () =>
    Effect.gen(function*() {
      const user = yield* buyer()
      const payments = yield* Payments
      expect(payments.assets).toEqual(["BTC"])
      expect((yield* Effect.flip(payments.open(user, "LTC", null)))._tag).toBe("InvalidInput")
    }).pipe(Effect.provide(ShopMemory({}, {
      services: Layer.mergeAll(BroadcasterMemory, ApprovalRunner.inline, NotifierMemory, PaymentGatewayMemory(["BTC"]), WalletProcessorMemory(), AddressValidatorMemory, PriceSourceMemory(), AddressDeriver.none)
    }))))
})
