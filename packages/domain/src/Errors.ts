/**
 * Every failure a port or a use case can report. Each carries what a person needs to act on it;
 * infrastructure failures (a lost database, a crashed driver) are defects, never listed here.
 */
import * as Data from "effect/Data"
import type { FiatCurrency } from "./Currency.js"
import type { BuyId, CategoryId, IdempotencyKey, PaymentId, SubcategoryId, TelegramId } from "./Ids.js"
import type { Balance } from "./Ledger.js"
import type { CryptoAmount, Money } from "./Money.js"
import type { BotId } from "./ShopFrontRepo.js"

export class InvalidAmount extends Data.TaggedError("InvalidAmount")<{
  readonly input: string
  readonly reason: "empty" | "negative" | "not_a_number" | "too_many_decimals" | "too_large" | "zero" | "out_of_range"
  readonly maxDecimals: number
}> {
  override get message() {
    switch (this.reason) {
      case "empty": return "enter an amount"
      case "negative": return "the amount cannot be negative"
      case "not_a_number": return `"${this.input}" is not a number`
      case "too_many_decimals": return `at most ${this.maxDecimals} decimals are allowed`
      case "too_large": return "the amount is too large"
      case "zero": return "the amount must be greater than zero"
      case "out_of_range": return "the amount is out of the allowed range"
    }
  }
}

export class UserNotFound extends Data.TaggedError("UserNotFound")<{ readonly user: TelegramId | string }> {
  override get message() { return `user ${this.user} is not registered` }
}
export class UserBanned extends Data.TaggedError("UserBanned")<{ readonly user: TelegramId }> {
  override get message() { return `user ${this.user} is banned` }
}
export class NotAdmin extends Data.TaggedError("NotAdmin")<{ readonly user: TelegramId }> {
  override get message() { return `user ${this.user} is not an admin` }
}

export class InsufficientFunds extends Data.TaggedError("InsufficientFunds")<{
  readonly needed: Money
  readonly available: Money
}> {
  override get message() { return "insufficient funds" }
}

export class InvalidInput extends Data.TaggedError("InvalidInput")<{
  readonly field: string
  readonly problem: string
}> {
  override get message() { return `${this.field}: ${this.problem}` }
}

export class CategoryNotFound extends Data.TaggedError("CategoryNotFound")<{ readonly category: CategoryId }> {
  override get message() { return `category ${this.category} does not exist` }
}
export class SubcategoryNotFound extends Data.TaggedError("SubcategoryNotFound")<{ readonly subcategory: SubcategoryId }> {
  override get message() { return `subcategory ${this.subcategory} does not exist` }
}

export class OutOfStock extends Data.TaggedError("OutOfStock")<{
  readonly subcategory: SubcategoryId
  readonly requested: number
  readonly available: number // a count of items, not money
}> {
  override get message() { return `only ${this.available} left, ${this.requested} requested` }
}
export class EmptyCart extends Data.TaggedError("EmptyCart")<{ readonly user: TelegramId }> {
  override get message() { return "the cart is empty" }
}

/** One problem in an import file: where (line or index), which field, and what is wrong. */
export interface ImportProblem {
  readonly location: { readonly kind: "line" | "index"; readonly at: number }
  readonly field: string
  readonly problem: string
}
export const describeProblem = (p: ImportProblem): string =>
  `${p.location.kind} ${p.location.at}: ${p.field}: ${p.problem}`

export class ImportRejected extends Data.TaggedError("ImportRejected")<{
  readonly problems: ReadonlyArray<ImportProblem>
  /** True when only the first problems are listed. */
  readonly truncated: boolean
  /** True when the problems are duplicated private data (which `allowDuplicates` would let through). */
  readonly duplicates?: boolean | undefined
}> {
  override get message() {
    const shown = this.problems.slice(0, 5).map(describeProblem).join("; ")
    return `import rejected, nothing imported: ${shown}${this.problems.length > 5 || this.truncated ? "; ..." : ""}`
  }
}

export class BuyNotFound extends Data.TaggedError("BuyNotFound")<{ readonly buy: BuyId }> {
  override get message() { return `purchase ${this.buy} does not exist` }
}
export class AlreadyRefunded extends Data.TaggedError("AlreadyRefunded")<{ readonly buy: BuyId }> {
  override get message() { return `purchase ${this.buy} was already refunded` }
}

export class PaymentNotFound extends Data.TaggedError("PaymentNotFound")<{ readonly payment: PaymentId | string }> {
  override get message() { return `payment ${this.payment} does not exist` }
}
export class TooManyPendingPayments extends Data.TaggedError("TooManyPendingPayments")<{
  readonly user: TelegramId
  readonly limit: number
}> {
  override get message() { return `at most ${this.limit} top-ups can be pending at once` }
}
export class CurrencyMismatch extends Data.TaggedError("CurrencyMismatch")<{
  readonly expected: FiatCurrency
  readonly got: FiatCurrency
}> {
  override get message() { return `expected an amount in ${this.expected}, got ${this.got}` }
}

export class InvalidAddress extends Data.TaggedError("InvalidAddress")<{
  readonly address: string
  readonly reason: string
}> {
  override get message() { return `invalid address: ${this.reason}` }
}

/** The payment processor or a price source could not answer; trying again later may work. */
export class ServiceUnavailable extends Data.TaggedError("ServiceUnavailable")<{
  readonly service: "payments" | "prices" | "wallet" | "chain"
  readonly detail: string
}> {
  override get message() { return `the ${this.service} service is unavailable, try again later` }
}
/** A fixed top-up below the shop's minimum or above its maximum. */
export class TopUpOutOfRange extends Data.TaggedError("TopUpOutOfRange")<{ readonly min: Money; readonly max: Money }> {
  override get message() { return `a top-up must be from ${this.min.amount} to ${this.max.amount} minor units of ${this.min.currency}` }
}
/** A gateway's report about a payment does not fit the payment: nothing is credited. */
export class PaymentMismatch extends Data.TaggedError("PaymentMismatch")<{
  readonly payment: PaymentId | string
  readonly reason: string
}> {
  override get message() { return `payment ${this.payment} was not credited: ${this.reason}` }
}

/** The funds to send changed since the preview by more than its network fee: nothing was sent; preview again. */
export class WithdrawalChanged extends Data.TaggedError("WithdrawalChanged")<{ readonly previewed: CryptoAmount; readonly now: CryptoAmount }> {
  override get message() {
    return `the amount changed since the preview (${this.previewed.units} then, ${this.now.units} now, in base units of ${this.now.asset}): nothing was sent, preview again`
  }
}

/** The processor understood the request and refused it (e.g. nothing to withdraw). */
export class WithdrawalRejected extends Data.TaggedError("WithdrawalRejected")<{ readonly reason: string }> {
  override get message() { return `withdrawal refused: ${this.reason}` }
}

/**
 * A withdrawal to an address that is not in the address book, or is still in its waiting period
 * (`usableFrom`): nothing was sent.
 */
export class DestinationNotTrusted extends Data.TaggedError("DestinationNotTrusted")<{
  readonly address: string
  readonly usableFrom: Date | null
}> {
  override get message() {
    return this.usableFrom === null
      ? `${this.address} is not in the address book: add it first (every admin is told, and it can be used after the waiting period)`
      : `${this.address} can be used for withdrawals from ${this.usableFrom.toISOString()} (the address book's waiting period)`
  }
}

/** An approval that cannot be decided (again): not found, already decided or expired, or the requester's own. */
export class ApprovalRefused extends Data.TaggedError("ApprovalRefused")<{
  readonly reason: "not-found" | "decided" | "expired" | "own-request"
}> {
  override get message() {
    switch (this.reason) {
      case "not-found": return "no such withdrawal approval"
      case "decided": return "this withdrawal was already approved or rejected"
      case "expired": return "this withdrawal request has expired: nothing was sent"
      case "own-request": return "a second admin must approve: the one who asked cannot"
    }
  }
}

/** Every address of an imported pool is taken: the owner must import more. */
export class AddressPoolEmpty extends Data.TaggedError("AddressPoolEmpty")<{ readonly network: string }> {
  override get message() { return `no ${this.network} deposit address is left in the pool; import more` }
}

/** A confirmation no longer matches the cart (a line, a quantity or a price changed) or has expired: nothing was bought. */
export class CheckoutStale extends Data.TaggedError("CheckoutStale")<{ readonly reason: "changed" | "expired" }> {
  override get message() { return this.reason === "changed" ? "the cart changed since it was confirmed" : "the confirmation has expired" }
}

/**
 * The buyer's stored balance is not what their ledger entries add up to (it was changed past the
 * ledger): nothing was bought or charged until the shop has looked at it; the admins are told.
 */
export class BalanceUnverified extends Data.TaggedError("BalanceUnverified")<{
  readonly user: TelegramId
  readonly stored: Balance
  readonly entries: Balance
}> {
  override get message() {
    return `the balance of user ${this.user} (available ${this.stored.available.amount}) is not what its ledger entries add up to (${this.entries.available.amount}): nothing was charged`
  }
}

/** An idempotency key already names a different ledger entry (another user, kind or amount): nothing was written. */
export class LedgerConflict extends Data.TaggedError("LedgerConflict")<{ readonly key: IdempotencyKey; readonly existing: string }> {
  override get message() { return `the key ${this.key} was already used for a different entry (${this.existing}); nothing was written` }
}

/** A bot that already sells as a running shop front: stop or remove it first. */
export class ShopFrontExists extends Data.TaggedError("ShopFrontExists")<{ readonly bot: BotId; readonly username: string }> {
  override get message() { return `@${this.username} is already a running shop front` }
}
/** No shop front with this bot id; `stopped`: there is one, but a running one is needed (its token is revoked). */
export class ShopFrontNotFound extends Data.TaggedError("ShopFrontNotFound")<{ readonly bot: BotId; readonly stopped?: boolean | undefined }> {
  override get message() { return this.stopped === true ? `shop front ${this.bot} is stopped` : `shop front ${this.bot} does not exist` }
}

/** An admin's request to credit a transaction by its hash that changed nothing, and why. */
export class TransactionNotCredited extends Data.TaggedError("TransactionNotCredited")<{
  readonly txid: string
  readonly reason: "unavailable" | "malformed" | "not-found" | "no-payment"
}> {
  override get message() {
    switch (this.reason) {
      case "unavailable": return "transactions cannot be looked up on this chain here"
      case "malformed": return `${this.txid} is not a transaction hash`
      case "not-found": return `the node does not know the transaction ${this.txid}`
      case "no-payment": return `the transaction ${this.txid} pays none of the buyers' addresses`
    }
  }
}
