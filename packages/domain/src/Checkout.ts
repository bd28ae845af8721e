import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { type Buy, type BuyItem, BuyRepo } from "./BuyRepo.js"
import { cartFingerprint, CartRepo } from "./Cart.js"
import { CatalogRepo } from "./Catalog.js"
import { BalanceUnverified, CheckoutStale, EmptyCart, type InsufficientFunds, OutOfStock, type UserBanned, type UserNotFound } from "./Errors.js"
import { DomainEvent, Notifier, type BuyLine } from "./Events.js"
import { idempotencyKey, type IdempotencyKey, type SubcategoryId, type TelegramId } from "./Ids.js"
import { type Balance, LedgerRepo, sameBalance } from "./Ledger.js"
import { sumMoney } from "./Money.js"
import { ShopConfig } from "./ShopConfig.js"
import { now } from "./Time.js"
import { Transactor } from "./Transactor.js"
import { Users } from "./Users.js"

export interface CheckoutResult {
  readonly buy: Buy
  /** True when this key had already checked out: nothing was charged, nothing must be delivered again. */
  readonly replayed: boolean
  readonly balance: Balance
}

export type CheckoutError = EmptyCart | OutOfStock | InsufficientFunds | UserBanned | UserNotFound | CheckoutStale | BalanceUnverified

/** What the buyer saw and confirmed: the cart's fingerprint, and when the confirmation was shown. */
export interface Confirmation {
  readonly fingerprint: string
  readonly shownAt: Date
}

/** The stored checkout key: the client's key scoped to its user. */
export const checkoutKeyOf = (user: TelegramId, key: IdempotencyKey) => idempotencyKey("checkout", user, key)

/** The ledger key of a checkout's debit. */
export const purchaseKey = (checkoutKey: IdempotencyKey) => idempotencyKey("purchase", checkoutKey)

export class Checkout extends Context.Tag("@tokenshop/domain/Checkout")<Checkout, {
  /**
   * Buys the whole cart in one transaction: re-checks stock and balance at commit time, takes the
   * oldest unsold items, charges each its own price, records the Buy, debits the ledger and empties
   * the cart. Idempotent per user and `key`: a repeat returns the first Buy with `replayed: true`.
   * With a `confirmed` view, it buys only that: a cart whose lines, quantities or prices changed
   * since, or a confirmation older than `confirmTtl`, fails with CheckoutStale and changes nothing.
   * A stored balance that its ledger entries do not add up to fails with BalanceUnverified, changes
   * nothing, and the admins are told (BalanceUnverified event).
   */
  readonly checkout: (user: TelegramId, key: IdempotencyKey, confirmed?: Confirmation) => Effect.Effect<CheckoutResult, CheckoutError>
}>() {
  static readonly layer = Layer.effect(Checkout, Effect.gen(function*() {
    const tx = yield* Transactor
    const users = yield* Users
    const carts = yield* CartRepo
    const catalog = yield* CatalogRepo
    const ledger = yield* LedgerRepo
    const buys = yield* BuyRepo
    const notifier = yield* Notifier
    const { confirmTtl, currency } = yield* ShopConfig

    const commit = (user: TelegramId, clientKey: IdempotencyKey, confirmed: Confirmation | undefined) =>
      tx.withTransaction(Effect.gen(function*() {
        // Keys are scoped to the user, so one user's key can never reach another user's purchase.
        const key = checkoutKeyOf(user, clientKey)
        const previous = yield* buys.findByCheckoutKey(key)
        if (Option.isSome(previous)) {
          return { buy: previous.value, replayed: true, balance: yield* ledger.balance(previous.value.user, currency) }
        }
        yield* users.active(user)
        // Never sell against a balance changed past the ledger: the stored totals must be what the entries add up to.
        const { entries, stored } = yield* ledger.reconcile(user, currency)
        if (!sameBalance(stored, entries)) return yield* new BalanceUnverified({ user, stored, entries })
        const lines = yield* carts.lines(user)
        if (lines.length === 0) return yield* new EmptyCart({ user })
        const items: Array<BuyItem> = []
        for (const line of lines) {
          const claimed = yield* catalog.claimUnsold(line.subcategoryId, line.quantity)
          if (claimed.length < line.quantity) {
            return yield* new OutOfStock({ subcategory: line.subcategoryId, requested: line.quantity, available: claimed.length })
          }
          for (const item of claimed) {
            items.push({
              itemId: item.id,
              subcategoryId: item.subcategoryId,
              categoryName: item.categoryName,
              subcategoryName: item.subcategoryName,
              description: item.description,
              price: item.price,
              privateData: item.privateData
            })
          }
        }
        const total = sumMoney(currency, items.map((i) => i.price))
        const at = yield* now
        if (confirmed !== undefined) {
          if (at.getTime() - confirmed.shownAt.getTime() > Duration.toMillis(confirmTtl)) return yield* new CheckoutStale({ reason: "expired" })
          if (cartFingerprint(lines, total) !== confirmed.fingerprint) return yield* new CheckoutStale({ reason: "changed" })
        }
        const { balance } = yield* ledger.append({
          user,
          kind: "purchase",
          amount: total,
          key: purchaseKey(key),
          reason: null,
          actor: null,
          ref: null,
          createdAt: at
        }).pipe(Effect.catchTags({ LedgerConflict: Effect.die, InvalidAmount: Effect.die })) // a checkout key and a total above zero are ours
        const buy = yield* buys.create({ user, checkoutKey: key, total, items, createdAt: at })
        yield* carts.clear(user)
        return { buy, replayed: false, balance }
      }))

    /**
     * Buyers of one product in this process queue here, before their transaction, instead of colliding
     * inside it (on PostgreSQL each collision is a serialization failure, retried after a pause). A lane
     * only orders; the transaction alone decides, so a stale read of the cart costs nothing.
     */
    const lanes = new Map<SubcategoryId, Effect.Semaphore>()
    const lane = (sub: SubcategoryId) => {
      let semaphore = lanes.get(sub)
      if (semaphore === undefined) lanes.set(sub, semaphore = Effect.unsafeMakeSemaphore(1))
      return semaphore
    }
    const inLanes = <A, E>(subs: ReadonlyArray<SubcategoryId>, self: Effect.Effect<A, E>) =>
      [...new Set(subs)].sort((a, b) => a - b).reduceRight((inner, sub) => lane(sub).withPermits(1)(inner), self) // taken in id order: no deadlock

    return Checkout.of({
      checkout: Effect.fn("Checkout.checkout")(function*(user: TelegramId, key: IdempotencyKey, confirmed?: Confirmation) {
        const subs = (yield* carts.lines(user)).map((l) => l.subcategoryId)
        const result = yield* inLanes(subs, commit(user, key, confirmed)).pipe(
          Effect.tapErrorTag("BalanceUnverified", (e) => notifier.publish(DomainEvent.BalanceUnverified({ user, stored: e.stored, entries: e.entries })))
        )
        if (!result.replayed) {
          yield* notifier.publish(DomainEvent.BuyCompleted({
            buyId: result.buy.id,
            user,
            total: result.buy.total,
            lines: purchaseLines(result.buy),
            balance: result.balance
          }))
        }
        return result
      })
    })
  }))
}

/** Groups a purchase's items per subcategory, for notifications and receipts. */
export const purchaseLines = (buy: Buy): ReadonlyArray<BuyLine> => {
  const lines = new Map<number, { categoryName: string; subcategoryName: string; quantity: number; prices: Array<Buy["total"]> }>()
  for (const item of buy.items) {
    const line = lines.get(item.subcategoryId) ??
      { categoryName: item.categoryName, subcategoryName: item.subcategoryName, quantity: 0, prices: [] }
    line.quantity++
    line.prices.push(item.price)
    lines.set(item.subcategoryId, line)
  }
  return [...lines.values()].map(({ prices, ...rest }) => ({ ...rest, total: sumMoney(buy.total.currency, prices) }))
}
