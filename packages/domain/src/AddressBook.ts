/**
 * The withdrawal address book: a destination can be used only once it is in the book and its waiting
 * period has passed. Every admin is told when an address is added, so that a stolen admin account
 * cannot add its own address and withdraw to it before the others notice and remove it.
 */
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type { Asset } from "./Currency.js"
import { DestinationNotTrusted, type InvalidAddress, type NotAdmin } from "./Errors.js"
import { DomainEvent, Notifier } from "./Events.js"
import { ShopConfig, withdrawalGuard } from "./ShopConfig.js"
import { now } from "./Time.js"
import { type AdminRef, describeAdmin, Users } from "./Users.js"
import { AddressValidator } from "./Withdrawals.js"

export interface TrustedAddress {
  readonly asset: Asset
  /** In the validator's canonical form. */
  readonly address: string
  readonly label: string
  readonly addedBy: string
  readonly addedAt: Date
  /** Withdrawals to it are refused before this time. */
  readonly usableFrom: Date
}

export class AddressBookRepo extends Context.Tag("@tokenshop/domain/AddressBookRepo")<AddressBookRepo, {
  /** Adds the address once per asset: adding it again returns the first entry with `created: false`. */
  readonly add: (entry: TrustedAddress) => Effect.Effect<{ readonly entry: TrustedAddress; readonly created: boolean }>
  readonly find: (asset: Asset, address: string) => Effect.Effect<Option.Option<TrustedAddress>>
  /** Oldest first. */
  readonly list: Effect.Effect<ReadonlyArray<TrustedAddress>>
  /** True when it was there. */
  readonly remove: (asset: Asset, address: string) => Effect.Effect<boolean>
}>() {}

export class AddressBook extends Context.Tag("@tokenshop/domain/AddressBook")<AddressBook, {
  /**
   * Validates and adds an address. From Telegram it can be used after the configured delay; from the
   * command line (an operator, who holds the server) at once. Every admin is told either way.
   */
  readonly add: (admin: AdminRef, asset: Asset, address: string, label?: string) => Effect.Effect<TrustedAddress, NotAdmin | InvalidAddress>
  readonly list: (admin: AdminRef) => Effect.Effect<ReadonlyArray<TrustedAddress>, NotAdmin>
  readonly remove: (admin: AdminRef, asset: Asset, address: string) => Effect.Effect<boolean, NotAdmin | InvalidAddress>
  /** Succeeds when `address` (canonical) may receive a withdrawal of `asset` now. */
  readonly check: (asset: Asset, address: string) => Effect.Effect<void, DestinationNotTrusted>
}>() {
  static readonly layer = Layer.effect(AddressBook, Effect.gen(function*() {
    const users = yield* Users
    const repo = yield* AddressBookRepo
    const validator = yield* AddressValidator
    const notifier = yield* Notifier
    const { addressDelay } = withdrawalGuard(yield* ShopConfig)

    const canonical = (admin: AdminRef, asset: Asset, address: string) =>
      users.ensureAdmin(admin).pipe(Effect.zipRight(validator.validate(asset, address.trim())))

    return AddressBook.of({
      add: Effect.fn("AddressBook.add")(function*(admin: AdminRef, asset: Asset, address: string, label = "") {
        const valid = yield* canonical(admin, asset, address)
        const at = yield* now
        const delay = admin.kind === "operator" ? 0 : Duration.toMillis(addressDelay)
        const { created, entry } = yield* repo.add({
          asset, address: valid, label: label.trim().slice(0, 64), addedBy: describeAdmin(admin), addedAt: at, usableFrom: new Date(at.getTime() + delay)
        })
        if (created) yield* notifier.publish(DomainEvent.WithdrawalAddressAdded({ entry, admin }))
        return entry
      }),
      list: (admin) => users.ensureAdmin(admin).pipe(Effect.zipRight(repo.list)),
      remove: Effect.fn("AddressBook.remove")(function*(admin: AdminRef, asset: Asset, address: string) {
        const valid = yield* canonical(admin, asset, address)
        const removed = yield* repo.remove(asset, valid)
        if (removed) yield* notifier.publish(DomainEvent.WithdrawalAddressRemoved({ asset, address: valid, admin }))
        return removed
      }),
      check: (asset, address) =>
        Effect.gen(function*() {
          const entry = yield* repo.find(asset, address)
          if (Option.isNone(entry)) return yield* new DestinationNotTrusted({ address, usableFrom: null })
          if ((yield* now).getTime() < entry.value.usableFrom.getTime()) {
            return yield* new DestinationNotTrusted({ address, usableFrom: entry.value.usableFrom })
          }
        })
    })
  }))
}
