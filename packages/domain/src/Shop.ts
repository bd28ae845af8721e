import * as Layer from "effect/Layer"
import type { AnnouncementRepo } from "./AnnouncementRepo.js"
import { type AuditLog, Audits } from "./AuditLog.js"
import { GoodsKeys, type GoodsStore } from "./GoodsKeys.js"
import type { AnnouncementRunner, Broadcaster } from "./Announcements.js"
import type { DatabaseBackup } from "./Backups.js"
import type { BuyRepo } from "./BuyRepo.js"
import type { CartRepo } from "./Cart.js"
import type { CatalogRepo } from "./Catalog.js"
import type { ChainDepositRepo, WatcherRepo } from "./ChainDepositRepo.js"
import type { AddressDeriver, DepositAddressRepo } from "./DepositAddresses.js"
import type { Notifier } from "./Events.js"
import type { LedgerRepo } from "./Ledger.js"
import type { DepositRepo } from "./Deposits.js"
import type { PaymentGateway } from "./PaymentGateway.js"
import type { PaymentRepo } from "./PaymentRequests.js"
import type { PriceSource } from "./Prices.js"
import type { PromptRepo } from "./Prompts.js"
import type { ShopFrontRepo } from "./ShopFrontRepo.js"
import type { Transactor } from "./Transactor.js"
import type { UserRepo } from "./Users.js"
import type { AddressValidator, WalletProcessor, WithdrawalRepo } from "./Withdrawals.js"
import { AddressBook, type AddressBookRepo } from "./AddressBook.js"
import type { ApprovalRepo, ApprovalRunner } from "./ApprovalRepo.js"
import { WithdrawalApprovals } from "./WithdrawalApprovals.js"
import { Announcements } from "./Announcements.js"
import { Backups } from "./Backups.js"
import { Cart } from "./Cart.js"
import { Catalog } from "./Catalog.js"
import { ChainCredits } from "./ChainCredits.js"
import { ChainDeposits } from "./ChainDeposits.js"
import { Buys } from "./Buys.js"
import { Checkout } from "./Checkout.js"
import { Customers } from "./Customers.js"
import { DepositAddresses } from "./DepositAddresses.js"
import { Ledger } from "./Ledger.js"
import { Payments } from "./Payments.js"
import { Prompts } from "./Prompts.js"
import { Refunds } from "./Refunds.js"
import { Settlement } from "./Settlement.js"
import { ShopFronts } from "./ShopFronts.js"
import { Statistics } from "./Statistics.js"
import { Users } from "./Users.js"
import { Withdrawals } from "./Withdrawals.js"

/**
 * Every use case of the shop, built over the ports. Provide it with storage, a notifier,
 * a payment gateway, a wallet, an address validator, an address deriver, a price source, a broadcaster, an announcement
 * runner, an approval runner and a ShopConfig.
 */
export const ShopLive = Layer.merge(Settlement.layer, ChainCredits.layer).pipe(
  Layer.provideMerge(Layer.mergeAll(
    Ledger.layer,
    Catalog.layer,
    Cart.layer,
    Checkout.layer,
    Refunds.layer,
    Payments.layer,
    Withdrawals.layer,
    WithdrawalApprovals.layer,
    Statistics.layer,
    DepositAddresses.layer,
    ChainDeposits.layer,
    Buys.layer,
    Customers.layer,
    Backups.layer,
    Audits.layer,
    GoodsKeys.layer,
    Announcements.layer,
    Prompts.layer,
    ShopFronts.layer
  )),
  Layer.provideMerge(AddressBook.layer),
  Layer.provideMerge(Users.layer)
)

/** Every storage port; a storage adapter provides all of them over one database. */
export type StoragePorts =
  | UserRepo
  | LedgerRepo
  | CatalogRepo
  | CartRepo
  | BuyRepo
  | PaymentRepo
  | DepositRepo
  | WithdrawalRepo
  | PromptRepo
  | DepositAddressRepo
  | ChainDepositRepo
  | WatcherRepo
  | Transactor
  | DatabaseBackup
  | AnnouncementRepo
  | AuditLog
  | GoodsStore
  | AddressBookRepo
  | ApprovalRepo
  | ShopFrontRepo

/** The services outside storage the shop talks to. */
export type ServicePorts = Notifier | PaymentGateway | WalletProcessor | AddressValidator | AddressDeriver | PriceSource | Broadcaster | AnnouncementRunner | ApprovalRunner
