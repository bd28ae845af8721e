/**
 * The one way a deposit is credited, shared by top-ups through a processor (Payments) and deposits
 * seen on chain (ChainDeposits): value it once, record it once per source, add one ledger entry.
 */
import * as BigDecimal from "effect/BigDecimal"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import { impliedRate, type Rate, toFiat } from "../Conversion.js"
import type { FiatCurrency } from "../Currency.js"
import { type CreditInput, type CreditResult, depositKey, DepositRepo } from "../Deposits.js"
import { CurrencyMismatch, InvalidAmount, InvalidInput } from "../Errors.js"
import { LedgerRepo } from "../Ledger.js"
import type { Money } from "../Money.js"
import { PaymentRepo } from "../PaymentRequests.js"

/** The ports a credit writes to, taken once by a use case and provided to `recordCredit` inside its transactions. */
export const creditPorts = Effect.gen(function*() {
  return Context.make(DepositRepo, yield* DepositRepo).pipe(
    Context.add(LedgerRepo, yield* LedgerRepo),
    Context.add(PaymentRepo, yield* PaymentRepo)
  )
})

export interface Valued {
  readonly fiat: Money
  readonly rate: Rate
}

/** What a credit is worth in the shop's currency, or why it cannot be credited. Changes nothing. */
export const valueCredit = (input: CreditInput, currency: FiatCurrency, at: Date) =>
  Effect.gen(function*() {
    if (input.amount.units <= 0n) {
      return yield* new InvalidAmount({ input: input.amount.units.toString(), reason: "zero", maxDecimals: 0 })
    }
    if (input.source.kind === "chain" && input.source.asset !== input.amount.asset) {
      return yield* new InvalidInput({ field: "asset", problem: "the source and the amount name different assets" })
    }
    let valued: Valued
    if ("rate" in input.valuation) {
      const rate = input.valuation.rate
      if (rate.asset !== input.amount.asset) {
        return yield* new InvalidInput({ field: "rate", problem: `is for ${rate.asset}, not ${input.amount.asset}` })
      }
      if (!BigDecimal.isPositive(rate.price)) return yield* new InvalidInput({ field: "rate", problem: "must be positive" })
      if (rate.fiat !== currency) return yield* new CurrencyMismatch({ expected: currency, got: rate.fiat })
      valued = { fiat: toFiat(input.amount, rate), rate }
    } else {
      const fiat = input.valuation.fiat
      if (fiat.amount < 0n) return yield* new InvalidAmount({ input: fiat.amount.toString(), reason: "negative", maxDecimals: 0 })
      valued = { fiat, rate: impliedRate(fiat, input.amount, at) }
    }
    if (valued.fiat.currency !== currency) return yield* new CurrencyMismatch({ expected: currency, got: valued.fiat.currency })
    return valued
  })

/**
 * Records the deposit and its ledger entry, once per source: a replay returns the first deposit and
 * changes nothing. Must run inside a transaction; the caller announces the credit after it commits.
 */
export const recordCredit = (input: CreditInput, valued: Valued, at: Date) =>
  Effect.gen(function*() {
    const deposits = yield* DepositRepo
    const ledger = yield* LedgerRepo
    const payments = yield* PaymentRepo
    const { fiat, rate } = valued
    const { created, deposit } = yield* deposits.record({
      user: input.user,
      paymentId: input.paymentId ?? null,
      source: input.source,
      amount: input.amount,
      fiat,
      rate: rate.price,
      createdAt: at
    })
    if (!created) return { deposit, replayed: true, balance: yield* ledger.balance(deposit.user, fiat.currency) } satisfies CreditResult
    if (deposit.paymentId !== null) yield* payments.markPaid(deposit.paymentId, at)
    if (fiat.amount === 0n) return { deposit, replayed: false, balance: yield* ledger.balance(deposit.user, fiat.currency) } satisfies CreditResult
    const { balance } = yield* ledger.append({
      user: deposit.user,
      kind: "deposit",
      amount: fiat,
      key: depositKey(input.source),
      reason: null,
      actor: input.acceptedBy ?? null,
      ref: `deposit:${deposit.id}`,
      createdAt: at
    }).pipe(Effect.orDie) // a credit is never refused for lack of funds
    return { deposit, replayed: false, balance } satisfies CreditResult
  })
