import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { BuyRepo, type BuySummary } from "./BuyRepo.js"
import { type Deposit, DepositRepo } from "./Deposits.js"
import { type NotAdmin, UserNotFound } from "./Errors.js"
import { TelegramId } from "./Ids.js"
import { type Balance, LedgerRepo } from "./Ledger.js"
import type { Page, PageRequest } from "./Paging.js"
import { ShopConfig } from "./ShopConfig.js"
import { type AdminRef, type User, Users } from "./Users.js"

/** A buyer as the admins see them: who, what they hold, and how much they bought and paid in. */
export interface CustomerCard {
  readonly user: User
  readonly balance: Balance
  readonly buys: number
  readonly deposits: number
}

/** "123456" or "@name" (or "name"): a Telegram id when it is all digits, a username otherwise. */
export const parseUserQuery = (text: string): { readonly id: TelegramId } | { readonly username: string } | undefined => {
  const q = text.trim()
  if (/^\d{1,16}$/.test(q)) {
    const id = Number.parseInt(q, 10) // a Telegram id, not money
    return Number.isSafeInteger(id) && id > 0 ? { id: TelegramId.make(id) } : undefined
  }
  const name = q.replace(/^@/, "")
  return /^[A-Za-z0-9_]{1,64}$/.test(name) ? { username: name } : undefined
}

/** The admins' look-up of buyers: find one, see their card, their purchases and their deposits. */
export class Customers extends Context.Tag("@tokenshop/domain/Customers")<Customers, {
  /** By Telegram id or @username; anything else, or nobody, is UserNotFound. */
  readonly find: (admin: AdminRef, query: string) => Effect.Effect<CustomerCard, NotAdmin | UserNotFound>
  readonly card: (admin: AdminRef, user: TelegramId) => Effect.Effect<CustomerCard, NotAdmin | UserNotFound>
  /** Newest first. */
  readonly buys: (admin: AdminRef, user: TelegramId, page: PageRequest) => Effect.Effect<Page<BuySummary>, NotAdmin | UserNotFound>
  /** Newest first. */
  readonly deposits: (admin: AdminRef, user: TelegramId, page: PageRequest) => Effect.Effect<Page<Deposit>, NotAdmin | UserNotFound>
}>() {
  static readonly layer = Layer.effect(Customers, Effect.gen(function*() {
    const users = yield* Users
    const ledger = yield* LedgerRepo
    const buys = yield* BuyRepo
    const deposits = yield* DepositRepo
    const { currency } = yield* ShopConfig
    const one = { offset: 0, limit: 1 }

    const cardOf = (user: User) =>
      Effect.all({
        user: Effect.succeed(user),
        balance: ledger.balance(user.id, currency),
        buys: Effect.map(buys.listByUser(user.id, one), (p) => p.total),
        deposits: Effect.map(deposits.listByUser(user.id, one), (p) => p.total)
      })
    const known = (admin: AdminRef, user: TelegramId) => Effect.zipRight(users.ensureAdmin(admin), users.get(user))

    return Customers.of({
      find: (admin, query) =>
        Effect.gen(function*() {
          yield* users.ensureAdmin(admin)
          const q = parseUserQuery(query)
          if (q === undefined) return yield* new UserNotFound({ user: query.trim().slice(0, 64) })
          return yield* cardOf("id" in q ? yield* users.get(q.id) : yield* users.findByUsername(q.username))
        }),
      card: (admin, user) => Effect.flatMap(known(admin, user), cardOf),
      buys: (admin, user, page) => Effect.zipRight(known(admin, user), buys.listByUser(user, page)),
      deposits: (admin, user, page) => Effect.zipRight(known(admin, user), deposits.listByUser(user, page))
    })
  }))
}
