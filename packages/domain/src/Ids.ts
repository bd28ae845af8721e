import * as Schema from "effect/Schema"

/** A Telegram user id. Telegram ids fit in 52 bits, so a safe integer holds them exactly. */
export const TelegramId = Schema.Int.pipe(Schema.positive(), Schema.brand("TelegramId"))
export type TelegramId = typeof TelegramId.Type

const EntityId = <B extends string>(brand: B) => Schema.Int.pipe(Schema.positive(), Schema.brand(brand))

export const CategoryId = EntityId("CategoryId")
export type CategoryId = typeof CategoryId.Type
export const SubcategoryId = EntityId("SubcategoryId")
export type SubcategoryId = typeof SubcategoryId.Type
export const ItemId = EntityId("ItemId")
export type ItemId = typeof ItemId.Type
export const BuyId = EntityId("BuyId")
export type BuyId = typeof BuyId.Type
export const PaymentId = EntityId("PaymentId")
export type PaymentId = typeof PaymentId.Type
export const DepositId = EntityId("DepositId")
export type DepositId = typeof DepositId.Type
export const WithdrawalId = EntityId("WithdrawalId")
export type WithdrawalId = typeof WithdrawalId.Type
export const LedgerEntryId = EntityId("LedgerEntryId")
export type LedgerEntryId = typeof LedgerEntryId.Type
export const AnnouncementId = EntityId("AnnouncementId")
export type AnnouncementId = typeof AnnouncementId.Type
export const ApprovalId = EntityId("ApprovalId")
export type ApprovalId = typeof ApprovalId.Type

/**
 * A caller-chosen key that makes a write idempotent: the first write with a key wins,
 * and every later write with the same key returns the first one's result unchanged.
 */
export const IdempotencyKey = Schema.String.pipe(
  Schema.minLength(1),
  Schema.maxLength(300),
  Schema.brand("IdempotencyKey")
)
export type IdempotencyKey = typeof IdempotencyKey.Type

export const idempotencyKey = (...parts: ReadonlyArray<string | number | bigint>): IdempotencyKey =>
  IdempotencyKey.make(parts.join(":"))
