import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as FiberRef from "effect/FiberRef"
import * as HashMap from "effect/HashMap"
import * as HashSet from "effect/HashSet"
import * as Layer from "effect/Layer"
import type * as Redacted from "effect/Redacted"
import * as Ref from "effect/Ref"
import type { Announcement, Outcome } from "../AnnouncementRepo.js"
import type { Buy } from "../BuyRepo.js"
import type { CartLine } from "../Cart.js"
import type { ChainDeposit, WatcherState } from "../ChainDepositRepo.js"
import type { DepositAddress } from "../DepositAddresses.js"
import type { Category, Item, NewItem, Subcategory } from "../Catalog.js"
import type { TrustedAddress } from "../AddressBook.js"
import type { Approval } from "../ApprovalRepo.js"
import type { GoodsReveal } from "../AuditLog.js"
import type { AnnouncementId, ApprovalId, BuyId, CategoryId, ItemId, PaymentId, SubcategoryId, TelegramId } from "../Ids.js"
import type { LedgerEntry } from "../Ledger.js"
import type { Deposit } from "../Deposits.js"
import type { PaymentRequest } from "../PaymentRequests.js"
import type { Prompt } from "../Prompts.js"
import type { BotId, ShopFront } from "../ShopFrontRepo.js"
import { Transactor } from "../Transactor.js"
import type { User } from "../Users.js"
import type { DailyShare, Withdrawal } from "../Withdrawals.js"

/** The whole in-memory database: persistent maps, so a snapshot is free and a rollback is a swap. */
export interface Recipients {
  readonly order: ReadonlyArray<TelegramId>
  readonly next: number
  readonly state: HashMap.HashMap<TelegramId, "sending" | Outcome>
}

export interface MemoryState {
  readonly seq: { readonly [table: string]: number }
  readonly users: HashMap.HashMap<TelegramId, User>
  readonly ledger: HashMap.HashMap<TelegramId, ReadonlyArray<LedgerEntry>>
  readonly ledgerKeys: HashMap.HashMap<string, LedgerEntry>
  readonly categories: HashMap.HashMap<CategoryId, { readonly category: Category; readonly deleted: boolean }>
  readonly subcategories: HashMap.HashMap<SubcategoryId, { readonly subcategory: Subcategory; readonly deleted: boolean }>
  readonly items: HashMap.HashMap<ItemId, Item>
  /** Item ids per subcategory in insertion (oldest first) order. */
  readonly itemsBySub: HashMap.HashMap<SubcategoryId, ReadonlyArray<ItemId>>
  readonly carts: HashMap.HashMap<TelegramId, ReadonlyArray<CartLine>>
  readonly buys: HashMap.HashMap<BuyId, Buy>
  readonly buyKeys: HashMap.HashMap<string, BuyId>
  readonly buysByUser: HashMap.HashMap<TelegramId, ReadonlyArray<BuyId>>
  readonly payments: HashMap.HashMap<PaymentId, PaymentRequest>
  readonly deposits: HashMap.HashMap<string, Deposit>
  readonly withdrawals: ReadonlyArray<Withdrawal>
  readonly prompts: HashMap.HashMap<TelegramId, Prompt>
  /** By key: when claimed, and the claim's part in the daily approval total (null: it does not count). */
  readonly withdrawalClaims: HashMap.HashMap<string, { readonly at: Date; readonly share: DailyShare | null }>
  readonly depositIndexes: HashMap.HashMap<TelegramId, number>
  /** By "network:address". */
  readonly depositAddresses: HashMap.HashMap<string, DepositAddress>
  /** Pool addresses by "network:address", with their place in the pool and who has them. */
  readonly addressPool: HashMap.HashMap<string, { readonly id: number; readonly user: TelegramId | null }>
  /** By "asset:txid:index". */
  readonly chainDeposits: HashMap.HashMap<string, ChainDeposit>
  readonly watchers: HashMap.HashMap<string, WatcherState>
  readonly announcements: HashMap.HashMap<AnnouncementId, Announcement>
  /** Per announcement: its recipients in order, how far claims went, and each one's state. */
  readonly recipients: HashMap.HashMap<AnnouncementId, Recipients>
  /** Buyers who blocked the bot. */
  readonly unreachable: HashSet.HashSet<TelegramId>
  /** The money log's chain: each sealed record's name and digest, in seal order. */
  readonly audit: ReadonlyArray<{ readonly record: string; readonly digest: number }>
  /** The withdrawal address book, in the order added. */
  readonly addressBook: ReadonlyArray<TrustedAddress>
  readonly approvals: HashMap.HashMap<ApprovalId, Approval>
  /** Items staged by imports not yet published, by import key. */
  readonly staged: HashMap.HashMap<string, ReadonlyArray<{ readonly item: NewItem; readonly now: Date }>>
  /** Admins shown delivered goods, in order. */
  readonly reveals: ReadonlyArray<GoodsReveal & { readonly id: number }>
  /** Shop fronts with their bot tokens. */
  readonly shopFronts: HashMap.HashMap<BotId, { readonly front: ShopFront; readonly token: Redacted.Redacted<string> }>
}

export const emptyState: MemoryState = {
  seq: {},
  users: HashMap.empty(),
  ledger: HashMap.empty(),
  ledgerKeys: HashMap.empty(),
  categories: HashMap.empty(),
  subcategories: HashMap.empty(),
  items: HashMap.empty(),
  itemsBySub: HashMap.empty(),
  carts: HashMap.empty(),
  buys: HashMap.empty(),
  buyKeys: HashMap.empty(),
  buysByUser: HashMap.empty(),
  payments: HashMap.empty(),
  deposits: HashMap.empty(),
  withdrawals: [],
  prompts: HashMap.empty(),
  withdrawalClaims: HashMap.empty(),
  depositIndexes: HashMap.empty(),
  depositAddresses: HashMap.empty(),
  addressPool: HashMap.empty(),
  chainDeposits: HashMap.empty(),
  watchers: HashMap.empty(),
  announcements: HashMap.empty(),
  recipients: HashMap.empty(),
  unreachable: HashSet.empty(),
  audit: [],
  addressBook: [],
  approvals: HashMap.empty(),
  reveals: [],
  staged: HashMap.empty(),
  shopFronts: HashMap.empty()
}

/** Takes the next id of a table, like an auto-increment column. */
export const nextId = (s: MemoryState, table: string): readonly [number, MemoryState] => {
  const id = (s.seq[table] ?? 0) + 1
  return [id, { ...s, seq: { ...s.seq, [table]: id } }]
}

/**
 * Serializable access to the state: every operation outside a transaction waits for running
 * transactions, and a transaction sees and makes changes alone, rolled back on failure or interruption.
 */
export class MemoryStore extends Context.Tag("@tokenshop/domain/testing/MemoryStore")<MemoryStore, {
  readonly modify: <A>(f: (s: MemoryState) => readonly [A, MemoryState]) => Effect.Effect<A>
  readonly read: <A>(f: (s: MemoryState) => A) => Effect.Effect<A>
  readonly withTransaction: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  /** The committed state, for invariant checks in tests. */
  readonly snapshot: Effect.Effect<MemoryState>
}>() {}

export const makeMemoryStore = (initial: MemoryState = emptyState) =>
  Effect.gen(function*() {
    const ref = yield* Ref.make(initial)
    const lock = yield* Effect.makeSemaphore(1)
    const inTransaction = FiberRef.unsafeMake(false)
    const serialized = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
      Effect.flatMap(FiberRef.get(inTransaction), (inside) => inside ? effect : lock.withPermits(1)(effect))

    return MemoryStore.of({
      modify: (f) => serialized(Ref.modify(ref, f)),
      read: (f) => serialized(Effect.map(Ref.get(ref), f)),
      snapshot: serialized(Ref.get(ref)),
      withTransaction: (effect) =>
        Effect.flatMap(FiberRef.get(inTransaction), (inside) =>
          inside ? effect : lock.withPermits(1)(
            Effect.flatMap(Ref.get(ref), (before) =>
              effect.pipe(
                Effect.locally(inTransaction, true),
                Effect.onExit((exit) => Exit.isSuccess(exit) ? Effect.void : Ref.set(ref, before))
              ))
          ))
    })
  })

export const MemoryStoreLive: Layer.Layer<MemoryStore> = Layer.effect(MemoryStore, makeMemoryStore())

export const TransactorMemory: Layer.Layer<Transactor, never, MemoryStore> = Layer.effect(
  Transactor,
  Effect.map(MemoryStore, (store) => Transactor.of({ withTransaction: store.withTransaction }))
)
