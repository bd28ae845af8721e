import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { type Asset, assetInfo, type Network } from "./Currency.js"
import { AddressPoolEmpty, InvalidAddress, InvalidInput, type NotAdmin, type UserBanned, type UserNotFound } from "./Errors.js"
import { DomainEvent, Notifier } from "./Events.js"
import type { TelegramId } from "./Ids.js"
import { ShopConfig } from "./ShopConfig.js"
import { now } from "./Time.js"
import { Transactor } from "./Transactor.js"
import { type AdminRef, Users } from "./Users.js"
import { AddressValidator } from "./Withdrawals.js"

/** A buyer's permanent deposit address on one network. */
export interface DepositAddress {
  /** The order addresses were made in. */
  readonly id: number
  readonly user: TelegramId
  readonly network: Network
  /** The derivation index i of the account's path, or the address's place in an imported pool. */
  readonly index: number
  readonly address: string
  readonly createdAt: Date
  /** Until when a source that must ask per address asks about this one at every poll. */
  readonly watchUntil: Date
  /** Where such a source stopped reading this address's history last time; opaque to the domain. */
  readonly mark: string | null
}
export type NewDepositAddress = Pick<DepositAddress, "user" | "network" | "index" | "address" | "createdAt" | "watchUntil">

/** Networks whose addresses come from an imported pool, not from an account public key. */
export const pooledNetworks: ReadonlyArray<Network> = ["solana"]

export class DepositAddressRepo extends Context.Tag("@tokenshop/domain/DepositAddressRepo")<DepositAddressRepo, {
  /** The user's deposit index: given on the first call, the same ever after, never given to anyone else. */
  readonly indexOf: (user: TelegramId) => Effect.Effect<number>
  readonly find: (user: TelegramId, network: Network) => Effect.Effect<Option.Option<DepositAddress>>
  readonly forUser: (user: TelegramId) => Effect.Effect<ReadonlyArray<DepositAddress>>
  /** Stores the user's address on a network; idempotent per (user, network): a repeat returns the first. */
  readonly save: (address: NewDepositAddress) => Effect.Effect<DepositAddress>
  readonly byAddress: (network: Network, address: string) => Effect.Effect<Option.Option<DepositAddress>>
  /** Extends the window of every address of the user to at least `until`. */
  readonly watch: (user: TelegramId, until: Date) => Effect.Effect<void>
  /** The network's addresses whose window is open at `at`, oldest first. */
  readonly watched: (network: Network, at: Date) => Effect.Effect<ReadonlyArray<DepositAddress>>
  /** The network's addresses made after the one with id `after`, oldest first, at most `limit`. */
  readonly list: (network: Network, after: number, limit: number) => Effect.Effect<ReadonlyArray<DepositAddress>>
  readonly count: (network: Network) => Effect.Effect<number>
  readonly setMark: (network: Network, address: string, mark: string) => Effect.Effect<void>
  /** Adds addresses to the network's pool; one already in the pool or given to a user is skipped. */
  readonly addToPool: (network: Network, addresses: ReadonlyArray<string>) => Effect.Effect<{ readonly added: number; readonly skipped: number }>
  /** Gives the pool's oldest free address to the user (stored as theirs), or None when none is free. */
  readonly takeFromPool: (user: TelegramId, network: Network, at: Date, watchUntil: Date) => Effect.Effect<Option.Option<DepositAddress>>
  readonly poolLeft: (network: Network) => Effect.Effect<number>
}>() {}

/** Makes addresses from the account public keys the owner configured; holds no private key. */
export class AddressDeriver extends Context.Tag("@tokenshop/domain/AddressDeriver")<AddressDeriver, {
  /** The networks with a configured account public key. */
  readonly networks: ReadonlyArray<Network>
  /** The address at `index` of the network's account (…/0/index): deterministic, no I/O. */
  readonly derive: (network: Network, index: number) => Effect.Effect<string>
}>() {
  /** No account key configured: no address is derived (a shop paid through a processor only). */
  static readonly none: Layer.Layer<AddressDeriver> = Layer.succeed(AddressDeriver, AddressDeriver.of({
    networks: [],
    derive: (network) => Effect.die(new Error(`no account public key is configured for ${network}`))
  }))
}

/** Pool warnings go out when this many addresses are left, and below `poolWarning`. */
const warnAt = (left: number, warning: number) => left < warning && (left === warning - 1 || [50, 20, 10, 5, 1, 0].includes(left))

/** The buyers' own deposit addresses: made once, stored with their index, never reused. */
export class DepositAddresses extends Context.Tag("@tokenshop/domain/DepositAddresses")<DepositAddresses, {
  /** The assets taken on the buyers' own addresses. */
  readonly assets: ReadonlyArray<Asset>
  /**
   * Top up was opened: the buyer's watch window opens for the addresses they have. Addresses are made
   * when the buyer first picks an asset (one derivation, not one per chain), then kept for good.
   */
  readonly open: (user: TelegramId) => Effect.Effect<ReadonlyArray<DepositAddress>, UserNotFound | UserBanned>
  /** The buyer's permanent address for `asset`, made on first use (a pool address for Solana). */
  readonly addressFor: (user: TelegramId, asset: Asset) => Effect.Effect<
    DepositAddress,
    UserNotFound | UserBanned | InvalidInput | AddressPoolEmpty
  >
  /** Adds owner-made addresses (public only) to a network's pool, each checked first; all or nothing. */
  readonly importPool: (admin: AdminRef, network: Network, addresses: ReadonlyArray<string>) => Effect.Effect<
    { readonly added: number; readonly skipped: number; readonly left: number },
    NotAdmin | InvalidInput
  >
  readonly poolLeft: (network: Network) => Effect.Effect<number>
  /** The address at `index` from the configured key, to compare with the owner's own wallet. */
  readonly preview: (network: Network, index: number) => Effect.Effect<string, InvalidInput>
}>() {
  static readonly layer = Layer.effect(DepositAddresses, Effect.gen(function*() {
    const repo = yield* DepositAddressRepo
    const deriver = yield* AddressDeriver
    const users = yield* Users
    const tx = yield* Transactor
    const validator = yield* AddressValidator
    const notifier = yield* Notifier
    const { chain } = yield* ShopConfig
    const window = (at: Date) => new Date(at.getTime() + Duration.toMillis(chain.watchWindow))
    const derivable = (network: Network) => deriver.networks.includes(network)

    const derive = (user: TelegramId, network: Network, at: Date) =>
      Effect.gen(function*() {
        const index = yield* repo.indexOf(user)
        const address = yield* deriver.derive(network, index)
        return yield* repo.save({ user, network, index, address, createdAt: at, watchUntil: window(at) })
      })

    const fromPool = (user: TelegramId, network: Network, at: Date) =>
      Effect.gen(function*() {
        const taken = yield* tx.withTransaction(repo.takeFromPool(user, network, at, window(at)))
        if (Option.isNone(taken)) {
          yield* notifier.publish(DomainEvent.AddressPoolLow({ network, left: 0 }))
          return yield* new AddressPoolEmpty({ network })
        }
        const left = yield* repo.poolLeft(network)
        if (warnAt(left, chain.poolWarning)) yield* notifier.publish(DomainEvent.AddressPoolLow({ network, left }))
        return taken.value
      })

    const open = Effect.fn("DepositAddresses.open")(function*(user: TelegramId) {
      yield* users.active(user)
      yield* repo.watch(user, window(yield* now))
      return yield* repo.forUser(user)
    })

    const addressFor = Effect.fn("DepositAddresses.addressFor")(function*(user: TelegramId, asset: Asset) {
      yield* users.active(user)
      if (!chain.assets.includes(asset)) return yield* new InvalidInput({ field: "asset", problem: `${asset} is not taken on own addresses here` })
      const network = assetInfo(asset).network
      const at = yield* now
      const found = yield* repo.find(user, network)
      const address = Option.isSome(found)
        ? found.value
        : derivable(network)
        ? yield* derive(user, network, at)
        : pooledNetworks.includes(network)
        ? yield* fromPool(user, network, at)
        : yield* new InvalidInput({ field: "asset", problem: `no account key for ${network}` })
      yield* repo.watch(user, window(at))
      return address
    })

    return DepositAddresses.of({
      assets: chain.assets,
      open,
      addressFor,
      importPool: Effect.fn("DepositAddresses.importPool")(function*(admin: AdminRef, network: Network, addresses: ReadonlyArray<string>) {
        yield* users.ensureAdmin(admin)
        if (!pooledNetworks.includes(network)) {
          return yield* new InvalidInput({ field: "network", problem: `${network} addresses come from its account key, not from a pool` })
        }
        const asset = poolAsset[network] ?? "SOL"
        const checked: Array<string> = []
        for (const [i, raw] of addresses.entries()) {
          const valid = yield* Effect.either(validator.validate(asset, raw))
          if (valid._tag === "Left") {
            const reason = valid.left instanceof InvalidAddress ? valid.left.reason : "invalid"
            return yield* new InvalidInput({ field: `line ${i + 1}`, problem: `${raw.slice(0, 60)}: ${reason}` })
          }
          checked.push(valid.right)
        }
        const { added, skipped } = yield* tx.withTransaction(repo.addToPool(network, checked))
        return { added, skipped, left: yield* repo.poolLeft(network) }
      }),
      poolLeft: repo.poolLeft,
      preview: (network, index) =>
        !derivable(network)
          ? Effect.fail(new InvalidInput({ field: "chain", problem: `no account public key is configured for ${network}` }))
          : !Number.isSafeInteger(index) || index < 0 || index >= 2 ** 31
          ? Effect.fail(new InvalidInput({ field: "index", problem: "must be from 0 to 2147483647" }))
          : deriver.derive(network, index)
    })
  }))
}

/** The asset whose address rules check a pool address. */
const poolAsset: Partial<Record<Network, Asset>> = { solana: "SOL" }
