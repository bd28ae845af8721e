import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { AuditLog } from "./AuditLog.js"
import { type Buy, type BuyItem, BuyRepo, type BuySummary } from "./BuyRepo.js"
import { BuyNotFound, type NotAdmin, type UserNotFound } from "./Errors.js"
import type { BuyId, TelegramId } from "./Ids.js"
import type { Page, PageRequest } from "./Paging.js"
import { now } from "./Time.js"
import { type AdminRef, describeAdmin, Users } from "./Users.js"

/** A purchase as an admin sees it by default: names and prices, not the delivered goods. */
export interface SealedBuy extends Omit<Buy, "items"> {
  readonly items: ReadonlyArray<Omit<BuyItem, "privateData">>
}

/** Purchases as their buyer and the admins see them; what was delivered is shown only to them. */
export class Buys extends Context.Tag("@tokenshop/domain/Buys")<Buys, {
  /** One of the buyer's own purchases; another buyer's (or no) purchase is BuyNotFound, alike. */
  readonly mine: (user: TelegramId, id: BuyId) => Effect.Effect<Buy, BuyNotFound>
  /** The buyer's purchases, newest first. */
  readonly history: (user: TelegramId, page: PageRequest) => Effect.Effect<Page<BuySummary>>
  /** Any purchase, for an admin, without the delivered goods. */
  readonly get: (admin: AdminRef, id: BuyId) => Effect.Effect<SealedBuy, BuyNotFound | NotAdmin>
  /** Any purchase with its delivered goods, for an admin; written to the audit log before it is returned. */
  readonly reveal: (admin: AdminRef, id: BuyId) => Effect.Effect<Buy, BuyNotFound | NotAdmin>
  /** A buyer's purchases, newest first, for an admin. */
  readonly ofUser: (admin: AdminRef, user: TelegramId, page: PageRequest) => Effect.Effect<Page<BuySummary>, NotAdmin | UserNotFound>
}>() {
  static readonly layer = Layer.effect(Buys, Effect.gen(function*() {
    const repo = yield* BuyRepo
    const users = yield* Users
    const log = yield* AuditLog
    const found = (id: BuyId) => Effect.flatMap(repo.get(id), Option.match({ onNone: () => Effect.fail(new BuyNotFound({ buy: id })), onSome: Effect.succeed }))
    return Buys.of({
      mine: (user, id) => Effect.filterOrFail(found(id), (b) => b.user === user, () => new BuyNotFound({ buy: id })),
      history: repo.listByUser,
      get: (admin, id) =>
        Effect.zipRight(users.ensureAdmin(admin), found(id)).pipe(
          Effect.map(({ items, ...rest }): SealedBuy => ({ ...rest, items: items.map(({ privateData: _, ...item }) => item) }))
        ),
      reveal: Effect.fn("Buys.reveal")(function*(admin: AdminRef, id: BuyId) {
        yield* users.ensureAdmin(admin)
        const buy = yield* found(id)
        yield* log.reveal({ admin: describeAdmin(admin), buy: buy.id, user: buy.user, items: buy.items.length, at: yield* now })
        return buy
      }),
      ofUser: (admin, user, page) =>
        users.ensureAdmin(admin).pipe(Effect.zipRight(users.get(user)), Effect.zipRight(repo.listByUser(user, page)))
    })
  }))
}
