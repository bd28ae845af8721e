/** The in-memory adapters, without any test framework: safe to import from programs. */
import * as Layer from "effect/Layer"
import { type ServicePorts, ShopLive, type StoragePorts } from "../Shop.js"
import { ShopConfig, type ShopSettings } from "../ShopConfig.js"
import { AddressDeriverMemory } from "./AddressDeriverMemory.js"
import { AddressValidatorMemory } from "./AddressValidatorMemory.js"
import { BuyRepoMemory } from "./BuyRepoMemory.js"
import { CartRepoMemory } from "./CartRepoMemory.js"
import { CatalogRepoMemory } from "./CatalogRepoMemory.js"
import { ChainDepositRepoMemory, WatcherRepoMemory } from "./ChainDepositRepoMemory.js"
import { DepositAddressRepoMemory } from "./DepositAddressRepoMemory.js"
import { DepositRepoMemory } from "./DepositRepoMemory.js"
import { LedgerRepoMemory } from "./LedgerRepoMemory.js"
import { MemoryStoreLive, TransactorMemory } from "./MemoryStore.js"
import { TransactorRetrying } from "./TransactorRetrying.js"
import { NotifierMemory } from "./NotifierMemory.js"
import { PaymentGatewayMemory } from "./PaymentGatewayMemory.js"
import { PaymentRepoMemory } from "./PaymentRepoMemory.js"
import { PriceSourceMemory } from "./PriceSourceMemory.js"
import { PromptRepoMemory } from "./PromptRepoMemory.js"
import { DatabaseBackupMemory } from "./DatabaseBackupMemory.js"
import { AnnouncementRepoMemory } from "./AnnouncementRepoMemory.js"
import { AuditLogMemory } from "./AuditLogMemory.js"
import { GoodsStoreMemory } from "./GoodsStoreMemory.js"
import { BroadcasterMemory } from "./BroadcasterMemory.js"
import { UserRepoMemory } from "./UserRepoMemory.js"
import { WalletProcessorMemory } from "./WalletProcessorMemory.js"
import { WithdrawalRepoMemory } from "./WithdrawalRepoMemory.js"
import { AddressBookRepoMemory } from "./AddressBookRepoMemory.js"
import { ApprovalRepoMemory } from "./ApprovalRepoMemory.js"
import { ShopFrontRepoMemory } from "./ShopFrontRepoMemory.js"
import { ApprovalRunner } from "../ApprovalRepo.js"

export * from "./AddressDeriverMemory.js"
export * from "./AddressValidatorMemory.js"
export * from "./BuyRepoMemory.js"
export * from "./CartRepoMemory.js"
export * from "./CatalogRepoMemory.js"
export * from "./ChainDepositRepoMemory.js"
export * from "./DepositAddressRepoMemory.js"
export * from "./DepositRepoMemory.js"
export * from "./LedgerRepoMemory.js"
export * from "./MemoryStore.js"
export * from "./TransactorRetrying.js"
export * from "./NotifierMemory.js"
export * from "./PaymentGatewayMemory.js"
export * from "./PaymentRepoMemory.js"
export * from "./PriceSourceMemory.js"
export * from "./PromptRepoMemory.js"
export * from "./DatabaseBackupMemory.js"
export * from "./AnnouncementRepoMemory.js"
export * from "./AuditLogMemory.js"
export * from "./GoodsStoreMemory.js"
export * from "./BroadcasterMemory.js"
export * from "./ChainLookupMemory.js"
export * from "./UserRepoMemory.js"
export * from "./WalletProcessorMemory.js"
export * from "./WithdrawalRepoMemory.js"
export * from "./AddressBookRepoMemory.js"
export * from "./ApprovalRepoMemory.js"
export * from "./ShopFrontRepoMemory.js"

/** Every repository over the in-memory store, without a Transactor. */
const RepositoriesMemory = Layer.mergeAll(
  UserRepoMemory,
  LedgerRepoMemory,
  CatalogRepoMemory,
  CartRepoMemory,
  BuyRepoMemory,
  PaymentRepoMemory,
  DepositRepoMemory,
  WithdrawalRepoMemory,
  PromptRepoMemory,
  DepositAddressRepoMemory,
  ChainDepositRepoMemory,
  WatcherRepoMemory,
  DatabaseBackupMemory,
  AnnouncementRepoMemory,
  AuditLogMemory,
  GoodsStoreMemory,
  AddressBookRepoMemory,
  ApprovalRepoMemory,
  ShopFrontRepoMemory
)

/** Every storage port (and the Transactor) over one in-memory store; MemoryStore is exposed for inspection. */
export const StorageMemory = Layer.merge(RepositoriesMemory, TransactorMemory).pipe(Layer.provideMerge(MemoryStoreLive))

/**
 * The same storage, with every outermost transaction run twice, the first rolled back, as PostgreSQL
 * runs again a serializable transaction that lost a race (see `TransactorRetrying`).
 */
export const StorageMemoryRetrying = Layer.merge(RepositoriesMemory, TransactorRetrying).pipe(Layer.provideMerge(MemoryStoreLive))

/** The external services in memory: notifier, gateway, wallet, address validator and deriver, prices. */
export const ServicesMemory = Layer.mergeAll(
  NotifierMemory,
  AddressDeriverMemory(),
  PaymentGatewayMemory(),
  WalletProcessorMemory(),
  AddressValidatorMemory,
  PriceSourceMemory(),
  BroadcasterMemory,
  ApprovalRunner.inline
)

/**
 * A whole shop in memory: every use case over the in-memory adapters. Each build starts empty.
 * Pass `storage` or `services` to swap either half, e.g. SQL storage under the same rules; what
 * else the services provide (an EventLog, a test's switch) stays in the layer's output.
 */
export function ShopMemory(
  settings?: Partial<ShopSettings>
): Layer.Layer<Layer.Layer.Success<typeof ShopLive> | Layer.Layer.Success<typeof StorageMemory> | Layer.Layer.Success<typeof ServicesMemory> | ShopConfig>
export function ShopMemory<E1 = never, E2 = never, S = never>(
  settings: Partial<ShopSettings>,
  options: { readonly storage?: Layer.Layer<StoragePorts, E1>; readonly services?: Layer.Layer<ServicePorts | S, E2> }
): Layer.Layer<Layer.Layer.Success<typeof ShopLive> | StoragePorts | ServicePorts | S | ShopConfig, E1 | E2>
export function ShopMemory<E1 = never, E2 = never>(
  settings: Partial<ShopSettings> = {},
  options: { readonly storage?: Layer.Layer<StoragePorts, E1>; readonly services?: Layer.Layer<ServicePorts, E2> } = {}
) {
  return ShopLive.pipe(
    Layer.provideMerge(options.storage ?? StorageMemory),
    Layer.provideMerge(options.services ?? ServicesMemory),
    Layer.provideMerge(ShopConfig.layer(settings))
  )
}
