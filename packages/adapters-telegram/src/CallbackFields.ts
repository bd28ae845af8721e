/** The argument types of button payloads, as text on the wire: strict, so that "0x1f", "1e3" or " 5" is no number. */
import { AnnouncementId, ApprovalId, BotId, BuyId, CategoryId, PaymentId, SubcategoryId, TelegramId } from "@tokenshop/domain"
import * as Schema from "effect/Schema"

/** A non-negative integer written plainly in decimal: no sign, exponent, space or leading zero. */
const Digits = Schema.String.pipe(Schema.pattern(/^(0|[1-9]\d{0,15})$/))
const Integer = Schema.compose(Digits, Schema.NumberFromString).pipe(Schema.lessThanOrEqualTo(Number.MAX_SAFE_INTEGER))

const id = <A extends number>(brand: Schema.Schema<A, number>) => Schema.compose(Integer, brand)
export const Category = id(CategoryId)
export const Sub = id(SubcategoryId)
export const Bought = id(BuyId)
export const Payment = id(PaymentId)
export const UserNo = id(TelegramId)
export const AnnouncementNo = id(AnnouncementId)
export const ApprovalNo = id(ApprovalId)
export const PageNo = Integer.pipe(Schema.between(0, 100_000))
export const Quantity = Integer.pipe(Schema.between(0, 100_000))
export const Nonce = Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9_-]{1,32}$/))
export const Lang = Schema.String.pipe(Schema.pattern(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/))
export const BotNo = id(BotId)
