/**
 * The shop's invariants under random command sequences, for any set of adapters.
 * Register it with `shopProperties(name, makeLayer)`; each run builds a fresh shop from `makeLayer`.
 */
import { expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import type * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { type Buy, BuyRepo } from "../BuyRepo.js"
import { Cart } from "../Cart.js"
import { Catalog, CatalogRepo } from "../Catalog.js"
import { Checkout } from "../Checkout.js"
import { type BuyId, idempotencyKey, type PaymentId, type SubcategoryId, TelegramId } from "../Ids.js"
import { Ledger, type LedgerEntry, LedgerRepo, signedAmount } from "../Ledger.js"
import { crypto, money } from "../Money.js"
import type { Page } from "../Paging.js"
import { Payments } from "../Payments.js"
import { Refunds } from "../Refunds.js"
import { ShopConfig } from "../ShopConfig.js"
import { operator, Users } from "../Users.js"
import { type Command, commandArbitrary, SUBS, USERS } from "./commands.js"
import { yieldToHost } from "./yieldToHost.js"

const telegram = (u: number) => TelegramId.make(100 + u)
const admin = operator("property")

/** Reads every page of a paged query. */
const allPages = <A, E, R>(query: (offset: number) => Effect.Effect<Page<A>, E, R>) =>
  Effect.gen(function*() {
    const out: Array<A> = []
    for (let offset = 0; ; offset += 100) {
      const page = yield* query(offset)
      out.push(...page.items)
      if (out.length >= page.total || page.items.length === 0) return out
    }
  })

interface Model {
  readonly subs: Map<number, SubcategoryId>
  readonly buys: Array<BuyId>
  readonly payments: Array<PaymentId>
  readonly users: Set<number>
  /** The last checkout key that bought something, per user. */
  readonly lastCheckout: Map<number, number>
}

/**
 * Runs the commands, checking after every step: available >= 0; available = sum of ledger entries;
 * top_up - consumed = available; every item sold at most once and every sold item in exactly one Buy;
 * each Buy's total = the sum of its prices; stock = unsold count; and that a replayed key or a refused
 * command changes nothing.
 */
export const runCommands = (commands: ReadonlyArray<Command>) =>
  Effect.gen(function*() {
    const users = yield* Users
    const cart = yield* Cart
    const checkout = yield* Checkout
    const catalog = yield* Catalog
    const catalogRepo = yield* CatalogRepo
    const ledger = yield* Ledger
    const ledgerRepo = yield* LedgerRepo
    const buysRepo = yield* BuyRepo
    const payments = yield* Payments
    const refunds = yield* Refunds
    const { currency } = yield* ShopConfig
    const model: Model = { subs: new Map(), buys: [], payments: [], users: new Set(), lastCheckout: new Map() }
    const seenKeys = new Set<string>()

    /** Everything a command could change, as comparable text. */
    const observe = Effect.gen(function*() {
      const state: Record<string, unknown> = {}
      const soldItems = new Map<number, boolean>()
      for (const [index, id] of model.subs) {
        const items = yield* allPages((offset) => catalogRepo.items(id, { offset, limit: 100 }))
        const view = yield* catalogRepo.subcategory(id)
        const unsold = items.filter((i) => !i.sold).length
        if (Option.isSome(view)) expect(view.value.stock).toBe(unsold)
        for (const i of items) soldItems.set(i.id, i.sold)
        state[`sub${index}`] = items.map((i) => `${i.id}:${i.sold}`)
      }
      const inBuys = new Map<number, BuyId>()
      for (const u of model.users) {
        const id = telegram(u)
        const balance = yield* ledgerRepo.balance(id, currency)
        const entries: Array<LedgerEntry> = yield* allPages((offset) => ledgerRepo.history(id, { offset, limit: 100 }))
        const sum = entries.reduce((acc, e) => acc + signedAmount(e), 0n)
        expect(balance.available.amount >= 0n).toBe(true)
        expect(balance.available.amount).toBe(sum)
        expect(balance.topUp.amount - balance.consumed.amount).toBe(balance.available.amount)
        const summaries = yield* allPages((offset) => buysRepo.listByUser(id, { offset, limit: 100 }))
        for (const s of summaries) {
          const buy: Buy = Option.getOrThrow(yield* buysRepo.get(s.id))
          expect(buy.items.reduce((acc, i) => acc + i.price.amount, 0n)).toBe(buy.total.amount)
          for (const item of buy.items) {
            expect(inBuys.has(item.itemId)).toBe(false) // sold at most once, in one Buy
            inBuys.set(item.itemId, buy.id)
            expect(soldItems.get(item.itemId)).toBe(true)
          }
        }
        state[`user${u}`] = [balance.topUp.amount, balance.consumed.amount, entries.length, summaries.map((b) => `${b.id}:${b.refundedAt !== null}`)]
          .map(String)
      }
      for (const [itemId, sold] of soldItems) if (sold) expect(inBuys.has(itemId)).toBe(true)
      return JSON.stringify(state)
    })

    const step = (command: Command): Effect.Effect<{ readonly changed: "no" | "maybe" }> => {
      const refused = <A, E>(self: Effect.Effect<A, E>) =>
        Effect.map(Effect.either(self), (r) => ({ changed: Either.isLeft(r) ? "no" as const : "maybe" as const }))
      const replayOf = (key: string, self: Effect.Effect<{ readonly changed: "no" | "maybe" }>) =>
        seenKeys.has(key) ? Effect.map(self, () => ({ changed: "no" as const })) : self
      switch (command._tag) {
        case "Register":
          return users.register({ id: telegram(command.user), username: `u${command.user}`, language: "en" }).pipe(
            Effect.tap(() => Effect.sync(() => model.users.add(command.user))),
            Effect.as({ changed: "maybe" as const })
          )
        case "Deposit": {
          const key = `deposit:${command.tx}:${command.output}`
          return replayOf(key, refused(payments.credit({
            user: telegram(command.user),
            source: { kind: "chain", asset: "LTC", txid: `tx${command.tx}`, index: command.output },
            amount: crypto(command.cents * 1_000_000n, "LTC"),
            valuation: { fiat: money(command.cents, currency) }
          }).pipe(Effect.tap(() => Effect.sync(() => seenKeys.add(key))))))
        }
        case "Import":
          return catalog.importRecords(admin, command.prices.map((p, i) => ({
            category: `Cat${command.sub % 2}`,
            subcategory: `Sub${command.sub}`,
            price: money(p, currency),
            description: `item ${i}`,
            privateData: `data ${command.sub}/${i}`
          }))).pipe(
            Effect.zipRight(catalogRepo.ensureCategory(`Cat${command.sub % 2}`)),
            Effect.flatMap((c) => catalogRepo.ensureSubcategory(c.id, `Sub${command.sub}`)),
            Effect.tap((s) => Effect.sync(() => model.subs.set(command.sub, s.id))),
            Effect.orDie,
            Effect.as({ changed: "maybe" as const })
          )
        case "Add": {
          const id = model.subs.get(command.sub)
          return id === undefined ? Effect.succeed({ changed: "no" }) : refused(cart.add(telegram(command.user), id, command.quantity))
        }
        case "Checkout": {
          const key = `checkout:${command.user}:${command.key}`
          return replayOf(key, refused(checkout.checkout(telegram(command.user), idempotencyKey("k", command.key)).pipe(
            Effect.tap((r) => Effect.sync(() => {
              seenKeys.add(key)
              if (!r.replayed) {
                model.buys.push(r.buy.id)
                model.lastCheckout.set(command.user, command.key)
              }
            }))
          )))
        }
        case "RepeatCheckout": {
          // Refill the cart, then tap an old Confirm again: the old purchase comes back, nothing is bought.
          const last = model.lastCheckout.get(command.user)
          const id = model.subs.get(command.sub)
          if (last === undefined || id === undefined) return Effect.succeed({ changed: "no" })
          return cart.add(telegram(command.user), id, 1).pipe(
            Effect.either,
            Effect.zipRight(checkout.checkout(telegram(command.user), idempotencyKey("k", last))),
            Effect.tap((r) => Effect.sync(() => expect(r.replayed).toBe(true))),
            Effect.orDie,
            Effect.as({ changed: "no" as const })
          )
        }
        case "ConcurrentCheckouts":
          return Effect.all(command.users.map((u) =>
            Effect.either(checkout.checkout(telegram(u), idempotencyKey("c", command.key))).pipe(
              Effect.tap((r) => Effect.sync(() => {
                if (Either.isRight(r)) {
                  seenKeys.add(`checkout-c:${u}:${command.key}`)
                  if (!r.right.replayed && !model.buys.includes(r.right.buy.id)) model.buys.push(r.right.buy.id)
                }
              }))
            )), { concurrency: "unbounded" }).pipe(Effect.as({ changed: "maybe" as const }))
        case "Refund": {
          const buy = model.buys[command.buy]
          return buy === undefined ? Effect.succeed({ changed: "no" }) : refused(refunds.refund(admin, buy))
        }
        case "Adjust": {
          const key = `adjust:${command.key}`
          return replayOf(key, refused(ledger.adjust(admin, {
            user: telegram(command.user),
            direction: command.debit ? "debit" : "credit",
            amount: money(command.cents, currency),
            reason: "property test",
            key: idempotencyKey("adjust", command.key)
          }).pipe(Effect.tap(() => Effect.sync(() => seenKeys.add(key))))))
        }
        case "OpenPayment":
          return payments.open(telegram(command.user), payments.assets[0]!, null).pipe(
            Effect.tap((p) => Effect.sync(() => model.payments.push(p.id))),
            Effect.either,
            Effect.as({ changed: "maybe" as const })
          )
        case "Expire": {
          const payment = model.payments[command.payment]
          return payment === undefined
            ? Effect.succeed({ changed: "no" })
            : payments.expire(payment).pipe(Effect.as({ changed: "no" as const }))
        }
        case "DeleteSubcategory": {
          const id = model.subs.get(command.sub)
          return id === undefined ? Effect.succeed({ changed: "no" }) : refused(catalog.deleteSubcategory(admin, id))
        }
      }
    }

    // Most commands need a registered buyer and stock: start with all users but the last one
    // registered, one of them funded, and stock in all subcategories but the last one.
    for (let u = 0; u < USERS - 1; u++) yield* step({ _tag: "Register", user: u })
    for (let s = 0; s < SUBS - 1; s++) yield* step({ _tag: "Import", sub: s, prices: [300n, 500n, 700n, 900n] })
    yield* step({ _tag: "Deposit", user: 0, cents: 2_000n, tx: 99, output: 0 })
    let before = yield* observe
    for (const command of commands) {
      const { changed } = yield* step(command)
      const after = yield* observe
      if (changed === "no") expect(after, `${command._tag} changed state: ${JSON.stringify(command, (_, v) => typeof v === "bigint" ? `${v}` : v)}`).toBe(before)
      before = after
    }
  })

/** Registers the property test: `numRuns` random command sequences, each against a fresh shop. */
export const shopProperties = (
  name: string,
  makeLayer: () => Layer.Layer<Users | Cart | Checkout | Catalog | CatalogRepo | Ledger | LedgerRepo | BuyRepo | Payments | Refunds | ShopConfig, unknown>,
  options: { readonly numRuns?: number; readonly maxCommands?: number; readonly timeout?: number; readonly seed?: number } = {}
) =>
  it(`shop invariants hold under random commands: ${name}`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArbitrary, { minLength: 5, maxLength: options.maxCommands ?? 30, size: "max" }), async (commands) => {
        await yieldToHost()
        return Effect.runPromise(runCommands(commands).pipe(Effect.provide(makeLayer())))
      }),
      { numRuns: options.numRuns ?? 1000, ...(options.seed === undefined ? {} : { seed: options.seed }) }
    )
  }, options.timeout ?? 300_000)
