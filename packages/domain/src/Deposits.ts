import type * as BigDecimal from "effect/BigDecimal"
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type * as Option from "effect/Option"
import type { Rate } from "./Conversion.js"
import type { Asset, FiatCurrency } from "./Currency.js"
import type { Balance } from "./Ledger.js"
import { type DepositId, idempotencyKey, type PaymentId, type TelegramId } from "./Ids.js"
import type { CryptoAmount, Money } from "./Money.js"
import type { Page, PageRequest, TimeWindow } from "./Paging.js"

/** Where a deposit came from; exactly one credit per source. */
export type DepositSource =
  | { readonly kind: "chain"; readonly asset: Asset; readonly txid: string; readonly index: number }
  | { readonly kind: "processor"; readonly provider: string; readonly externalId: string }

/** The unique key of a source: (asset, txid, output or log index), or the processor's payment id. */
export const sourceKey = (s: DepositSource): string =>
  s.kind === "chain" ? `chain:${s.asset}:${s.txid}:${s.index}` : `processor:${s.provider}:${s.externalId}`

export interface Deposit {
  readonly id: DepositId
  readonly user: TelegramId
  readonly paymentId: PaymentId | null
  readonly source: DepositSource
  readonly amount: CryptoAmount
  /** What was credited, at the rate recorded below; never revalued. */
  readonly fiat: Money
  /** Fiat per whole coin used for the credit. */
  readonly rate: BigDecimal.BigDecimal
  readonly createdAt: Date
}
export type NewDeposit = Omit<Deposit, "id">

export interface DepositSummary {
  readonly count: number
  readonly total: Money
  readonly byAsset: ReadonlyArray<CryptoAmount>
}

export class DepositRepo extends Context.Tag("@tokenshop/domain/DepositRepo")<DepositRepo, {
  /** Idempotent per source key: a replay returns the first deposit with `created: false`. */
  readonly record: (deposit: NewDeposit) => Effect.Effect<{ readonly deposit: Deposit; readonly created: boolean }>
  readonly findBySource: (source: DepositSource) => Effect.Effect<Option.Option<Deposit>>
  /** Newest first. */
  readonly listByUser: (user: TelegramId, page: PageRequest) => Effect.Effect<Page<Deposit>>
  readonly summarize: (window: TimeWindow, currency: FiatCurrency) => Effect.Effect<DepositSummary>
}>() {}

export interface CreditInput {
  readonly user: TelegramId
  readonly source: DepositSource
  readonly amount: CryptoAmount
  /** The fiat value: at a rate, or as quoted by the processor (its implied rate is recorded). */
  readonly valuation: { readonly rate: Rate } | { readonly fiat: Money }
  readonly paymentId?: PaymentId
  /** An admin who accepted a payment in another asset than its invoice's (recorded as the ledger entry's actor). */
  readonly acceptedBy?: string
}

export interface CreditResult {
  readonly deposit: Deposit
  /** True when this source had been credited before: nothing changed. */
  readonly replayed: boolean
  readonly balance: Balance
}

export const depositKey = (source: DepositSource) => idempotencyKey("deposit", sourceKey(source))

