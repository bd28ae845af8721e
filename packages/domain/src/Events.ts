import * as Context from "effect/Context"
import * as Data from "effect/Data"
import type * as Effect from "effect/Effect"
import type { AuditHead } from "./AuditLog.js"
import type { Asset, Network } from "./Currency.js"
import type { BuyId, TelegramId } from "./Ids.js"
import type { Balance } from "./Ledger.js"
import type { CryptoAmount, Money } from "./Money.js"
import type { Deposit } from "./Deposits.js"
import type { PaymentRequest } from "./PaymentRequests.js"
import type { ConfirmationPolicy } from "./ShopConfig.js"
import type { AdminRef, User } from "./Users.js"
import type { Withdrawal } from "./Withdrawals.js"
import type { TrustedAddress } from "./AddressBook.js"
import type { Approval } from "./ApprovalRepo.js"

/** What one purchase contained, without the delivered secrets. */
export interface BuyLine {
  readonly categoryName: string
  readonly subcategoryName: string
  readonly quantity: number
  readonly total: Money
}

/** Facts the shop announces after they are committed; adapters turn them into messages. */
export type DomainEvent = Data.TaggedEnum<{
  UserRegistered: { readonly user: User }
  BuyCompleted: {
    readonly buyId: BuyId
    readonly user: TelegramId
    readonly total: Money
    readonly lines: ReadonlyArray<BuyLine>
    readonly balance: Balance
  }
  /** A payment to the buyer's own address was seen; it counts after `required` confirmations. */
  DepositSeen: {
    readonly user: TelegramId
    readonly amount: CryptoAmount
    readonly txid: string
    readonly confirmations: number
    readonly required: ConfirmationPolicy
  }
  DepositCredited: { readonly deposit: Deposit; readonly balance: Balance }
  /** A payment smaller than the asset's minimum: recorded, not credited. */
  DepositBelowMinimum: { readonly user: TelegramId; readonly amount: CryptoAmount; readonly txid: string; readonly minimum: CryptoAmount }
  /** Confirmed, but no fresh price: credited as soon as one is available. */
  DepositAwaitingPrice: { readonly user: TelegramId; readonly amount: CryptoAmount; readonly txid: string }
  /** A credited deposit's transaction left the best chain: its credit is held. */
  DepositHeld: { readonly deposit: Deposit; readonly balance: Balance }
  /** A held deposit's transaction is confirmed again: the hold is released. */
  DepositReleased: { readonly deposit: Deposit; readonly balance: Balance }
  /** An imported address pool is running out (0: empty, buyers cannot get an address). */
  AddressPoolLow: { readonly network: Network; readonly left: number }
  PaymentExpired: { readonly payment: PaymentRequest }
  /** An admin banned or unbanned a buyer (only when it changed). */
  BanChanged: { readonly user: TelegramId; readonly banned: boolean; readonly admin: AdminRef }
  Refunded: { readonly buyId: BuyId; readonly user: TelegramId; readonly amount: Money; readonly admin: AdminRef; readonly balance: Balance }
  BalanceAdjusted: {
    readonly user: TelegramId
    readonly direction: "credit" | "debit"
    readonly amount: Money
    readonly reason: string
    readonly admin: AdminRef
    readonly balance: Balance
  }
  /** `head`: the money log's head once the withdrawal is sealed into it (null when sealing failed). */
  WithdrawalExecuted: { readonly withdrawal: Withdrawal; readonly asset: Asset; readonly head?: AuditHead | null | undefined }
  /** The money log's head, sent daily as an outside record: a later chain that no longer holds it was rewritten. */
  AuditHead: { readonly head: AuditHead; readonly keyed: boolean }
  /** A checkout was refused: the buyer's stored balance is not what their ledger entries add up to. */
  BalanceUnverified: { readonly user: TelegramId; readonly stored: Balance; readonly entries: Balance }
  /** An address was added to the withdrawal address book: every admin is told, so a stranger's address is seen in time. */
  WithdrawalAddressAdded: { readonly entry: TrustedAddress; readonly admin: AdminRef }
  WithdrawalAddressRemoved: { readonly asset: Asset; readonly address: string; readonly admin: AdminRef }
  /** A withdrawal waits for a second admin, or its approval moved on (approved, rejected, expired, sent, failed). */
  WithdrawalApprovalChanged: { readonly approval: Approval }
  /** A credited payment could not be forwarded; the funds stay with the processor. */
  ForwardingFailed: { readonly payment: PaymentRequest; readonly destination: string; readonly reason: string }
  /** Less arrived than the invoice asked (beyond the tolerance): what arrived was credited. */
  PaymentUnderpaid: { readonly payment: PaymentRequest; readonly credited: Money; readonly asked: Money }
  /** A gateway reported a payment that does not fit it; nothing was credited. */
  PaymentMismatched: { readonly payment: PaymentRequest; readonly reason: string }
}>
export const DomainEvent = Data.taggedEnum<DomainEvent>()

/**
 * Receives every domain event once, after the change it describes is committed.
 * Never fails: an adapter that cannot deliver logs and drops, since the fact itself stands.
 */
export class Notifier extends Context.Tag("@tokenshop/domain/Notifier")<Notifier, {
  readonly publish: (event: DomainEvent) => Effect.Effect<void>
}>() {}
