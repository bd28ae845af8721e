/**
 * Reads a real shop's state back in the reference model's shape (`observable` in referenceState.ts),
 * through the storage ports, and checks on the way the invariants that hold whatever happened:
 * available ≥ 0; available = Σ ledger entries; top_up − consumed = available; every item sold at
 * most once and every sold item in exactly one purchase; a purchase's total is the sum of its items'
 * prices; a subcategory's stock is its unsold count. A broken invariant is a defect naming it.
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { BuyRepo } from "../BuyRepo.js"
import { CartRepo } from "../Cart.js"
import { CatalogRepo } from "../Catalog.js"
import { DepositRepo, sourceKey } from "../Deposits.js"
import { PaymentId, SubcategoryId, TelegramId } from "../Ids.js"
import { LedgerRepo, signedAmount } from "../Ledger.js"
import type { Page } from "../Paging.js"
import { PaymentRepo } from "../PaymentRequests.js"
import { ShopConfig } from "../ShopConfig.js"
import { UserRepo } from "../Users.js"
import type { Names } from "./driver.js"
import { describeBuy } from "./referenceState.js"
import { type Refs, telegramOf } from "./steps.js"

export type ObserveServices = UserRepo | CatalogRepo | LedgerRepo | BuyRepo | CartRepo | DepositRepo | PaymentRepo | ShopConfig

/** Reads every page of a paged query. */
export const allPages = <A, E, R>(query: (offset: number) => Effect.Effect<Page<A>, E, R>) =>
  Effect.gen(function*() {
    const out: Array<A> = []
    for (let offset = 0; ; offset += 100) {
      const page = yield* query(offset)
      out.push(...page.items)
      if (out.length >= page.total || page.items.length === 0) return out
    }
  })

const invariant = (holds: boolean, what: string) => {
  if (!holds) throw new Error(`invariant broken: ${what}`)
}

/** The shop's state as the model describes it, for users 0 .. users - 1, the subcategories and payments in `refs`. */
export const observe = (refs: Refs, names: Names, users: number) =>
  Effect.gen(function*() {
    const catalog = yield* CatalogRepo
    const ledger = yield* LedgerRepo
    const buys = yield* BuyRepo
    const carts = yield* CartRepo
    const depositRepo = yield* DepositRepo
    const paymentRepo = yield* PaymentRepo
    const people = yield* UserRepo
    const { currency } = yield* ShopConfig

    const sold = new Map<number, boolean>()
    const subs: Record<string, unknown> = {}
    for (const [index, id] of Object.entries(refs.subs).sort(([a], [b]) => Number(a) - Number(b))) { // subcategory numbers, not money
      const sub = SubcategoryId.make(id)
      const items = yield* allPages((offset) => catalog.items(sub, { offset, limit: 100 }))
      const view = yield* catalog.subcategory(sub)
      const unsold = items.filter((i) => !i.sold).length
      if (Option.isSome(view)) invariant(view.value.stock === unsold, `subcategory ${index}'s stock ${view.value.stock} is not its ${unsold} unsold items`)
      for (const i of items) sold.set(i.id, i.sold)
      subs[index] = {
        live: Option.isSome(view),
        stock: Option.isSome(view) ? view.value.stock : null,
        items: items.map((i) => `${names.item(i.id)}${i.sold ? " sold" : ""}`)
      }
    }

    const inBuys = new Set<number>()
    const byUser: Record<string, unknown> = {}
    for (let u = 0; u < users; u++) {
      const id = TelegramId.make(telegramOf(u))
      const found = yield* people.find(id)
      const balance = yield* ledger.balance(id, currency)
      const deposits = yield* allPages((offset) => depositRepo.listByUser(id, { offset, limit: 100 }))
      if (Option.isNone(found)) {
        // Nothing is ever credited to a user who is not registered.
        const untouched = balance.topUp.amount === 0n && balance.consumed.amount === 0n && deposits.length === 0
        byUser[u] = untouched ? "absent" : { absent: true, topUp: String(balance.topUp.amount), deposits: deposits.length }
        continue
      }
      const entries = yield* allPages((offset) => ledger.history(id, { offset, limit: 100 }))
      const available = balance.available.amount
      invariant(available >= 0n, `user ${u}'s available balance ${available} is below zero`)
      invariant(entries.reduce((acc, e) => acc + signedAmount(e), 0n) === available, `user ${u}'s ledger entries do not add up to ${available}`)
      invariant(balance.topUp.amount - balance.consumed.amount === available, `user ${u}'s top_up - consumed is not ${available}`)
      const purchases: Array<string> = []
      for (const summary of yield* allPages((offset) => buys.listByUser(id, { offset, limit: 100 }))) {
        const buy = Option.getOrThrow(yield* buys.get(summary.id))
        invariant(buy.items.reduce((acc, i) => acc + i.price.amount, 0n) === buy.total.amount, `purchase ${buy.id}'s total is not the sum of its prices`)
        for (const item of buy.items) {
          invariant(!inBuys.has(item.itemId), `item ${item.itemId} is in two purchases`)
          invariant(sold.get(item.itemId) === true, `item ${item.itemId} was bought but is not sold`)
          inBuys.add(item.itemId)
        }
        purchases.push(describeBuy(buy.items.map((i) => names.item(i.itemId)), buy.total.amount, buy.refundedAt !== null))
      }
      byUser[u] = {
        banned: found.value.banned,
        topUp: String(balance.topUp.amount),
        consumed: String(balance.consumed.amount),
        available: String(available),
        entries: entries.length,
        cart: (yield* carts.lines(id)).map((l) => `${names.sub(l.subcategoryId)}*${l.quantity}`),
        buys: purchases.sort(),
        deposits: deposits.map((d) => `${sourceKey(d.source)}=${d.fiat.amount}`).sort()
      }
    }
    for (const [itemId, isSold] of sold) if (isSold) invariant(inBuys.has(itemId), `item ${itemId} is sold but in no purchase`)

    const payments: Array<string> = []
    for (const id of refs.payments) {
      payments.push(Option.match(yield* paymentRepo.get(PaymentId.make(id)), { onNone: () => "missing", onSome: (p) => p.status }))
    }
    return { users: byUser, subs, payments }
  })
