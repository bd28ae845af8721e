import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { Asset } from "./Currency.js"
import type { TooManyPendingPayments } from "./Errors.js"
import { PaymentId, TelegramId } from "./Ids.js"
import { CryptoAmount, Money as MoneySchema } from "./Money.js"

export const PaymentStatus = Schema.Literal("pending", "paid", "expired")
export type PaymentStatus = typeof PaymentStatus.Type

/** A top-up request: where to send, how much (when fixed), until when. */
export const PaymentRequest = Schema.Struct({
  id: PaymentId,
  user: TelegramId,
  asset: Asset,
  address: Schema.String,
  /** The fiat amount asked for, or null for an open deposit. */
  fiatAmount: Schema.NullOr(MoneySchema),
  /** The exact crypto amount to send, when the gateway fixed one. */
  cryptoAmount: Schema.NullOr(CryptoAmount),
  status: PaymentStatus,
  /** Which gateway issued it, e.g. "kryptoexpress". */
  provider: Schema.String,
  /** The gateway's id for it. */
  externalId: Schema.NullOr(Schema.String),
  /** Secret the gateway's callbacks are signed with. Never log it. */
  secret: Schema.NullOr(Schema.Redacted(Schema.String)),
  createdAt: Schema.DateFromSelf,
  expiresAt: Schema.DateFromSelf,
  settledAt: Schema.NullOr(Schema.DateFromSelf)
})
export type PaymentRequest = typeof PaymentRequest.Type
export type NewPaymentRequest = Omit<PaymentRequest, "id" | "status" | "settledAt">

export class PaymentRepo extends Context.Tag("@tokenshop/domain/PaymentRepo")<PaymentRepo, {
  /** Stores a pending request unless the user already has `limit` pending ones unexpired at `createdAt`. */
  readonly create: (request: NewPaymentRequest, limit: number) => Effect.Effect<PaymentRequest, TooManyPendingPayments>
  readonly get: (id: PaymentId) => Effect.Effect<Option.Option<PaymentRequest>>
  readonly findByExternalId: (provider: string, externalId: string) => Effect.Effect<Option.Option<PaymentRequest>>
  /** Pending and unexpired at `now`, newest first. */
  readonly pending: (user: TelegramId, now: Date) => Effect.Effect<ReadonlyArray<PaymentRequest>>
  /** pending or expired -> paid; false when it was paid already. */
  readonly markPaid: (id: PaymentId, at: Date) => Effect.Effect<boolean>
  /** pending -> expired; false otherwise. */
  readonly markExpired: (id: PaymentId, at: Date) => Effect.Effect<boolean>
  /** Expires every pending request whose time is up; returns those it changed. */
  readonly expireDue: (now: Date) => Effect.Effect<ReadonlyArray<PaymentRequest>>
  /** Paid at `since` or later, oldest payment first. */
  readonly paidSince: (since: Date) => Effect.Effect<ReadonlyArray<PaymentRequest>>
}>() {}

