/**
 * The reference model's money-in rules, in plain bigint arithmetic:
 * - A deposit is credited once per source: a replay (by anyone) returns the first deposit, its
 *   user's balance, and changes nothing. Zero crypto units are refused (InvalidAmount) before the
 *   user is looked up (UserNotFound); a ban does not stop a credit. A deposit worth 0 is recorded
 *   without a ledger entry.
 * - Valued at a rate: units × price × 10^digits ÷ 10^decimals, rounded once, half to even.
 * - A top-up: an active user; a fixed amount above zero and within the shop's limits; fewer than
 *   maxPendingPayments pending; the in-memory gateway fixes one coin per fiat unit and refuses a
 *   stablecoin without an amount (InvalidInput).
 * - A paid report is valued from what arrived: in another asset, with no or no positive amount,
 *   or (open deposits) with no or a foreign fiat value, it is refused (PaymentMismatch). A quoted
 *   invoice is worth received × asked fiat ÷ asked units, rounded down once; paying at least the
 *   asked units credits that, a shortfall within the tolerance credits the asked fiat. The credit
 *   is keyed by the processor's payment, marks the payment paid even after it expired, and
 *   replays return the first credit. An unpaid report expires a pending payment when it says expired.
 */
import { addEntry, availableOf, type ModelState } from "./referenceState.js"
import type { InvoiceAsset, Outcome, RateAsset, Report } from "./steps.js"

/** Base-unit digits of the assets the steps use (1 BTC = 10^8 satoshi, 1 ETH = 10^18 wei). */
export const assetDecimals: Readonly<Record<string, number>> = { BTC: 8, LTC: 8, DOGE: 8, ETH: 18, USDT_ERC20: 6 }
const STABLECOINS = new Set(["USDT_ERC20"])
const MAX_BP = 10_000n

const pow10 = (n: number) => 10n ** BigInt(n)

/** n / d rounded half to even, for n >= 0 and d > 0. */
const halfEven = (n: bigint, d: bigint): bigint => {
  const q = n / d
  const twice = (n % d) * 2n
  return twice > d || (twice === d && q % 2n === 1n) ? q + 1n : q
}

/** What `units` of `asset` are worth at a price of value / 10^scale per whole coin, in minor units. */
export const valueAtRate = (m: ModelState, asset: RateAsset, units: bigint, price: { readonly value: bigint; readonly scale: number }): bigint => {
  const num = price.scale >= 0 ? price.value : price.value * pow10(-price.scale)
  const den = price.scale >= 0 ? pow10(price.scale) : 1n
  return halfEven(units * num * pow10(m.config.digits), den * pow10(assetDecimals[asset]!))
}

interface Credit {
  readonly user: number
  readonly source: string
  readonly units: bigint
  readonly fiat: bigint
  readonly payment: number | null
}

export const creditDeposit = (m: ModelState, c: Credit): Outcome => {
  if (c.units <= 0n) return { err: "InvalidAmount" }
  if (c.fiat < 0n) return { err: "InvalidAmount" }
  if (!m.users.has(c.user)) return { err: "UserNotFound" }
  const first = m.deposits.get(c.source)
  if (first !== undefined) {
    return { ok: { replayed: true, fiat: String(first.fiat), user: first.user, available: String(availableOf(m, first.user)) } }
  }
  m.deposits.set(c.source, { user: c.user, fiat: c.fiat })
  if (c.payment !== null) m.payments[c.payment]!.status = "paid"
  if (c.fiat > 0n) addEntry(m, c.user, "deposit", c.fiat, `deposit:${c.source}`)
  return { ok: { replayed: false, fiat: String(c.fiat), user: c.user, available: String(availableOf(m, c.user)) } }
}

export const openPayment = (m: ModelState, user: number, asset: InvoiceAsset, cents: bigint | null): Outcome => {
  const found = m.users.get(user)
  if (found === undefined) return { err: "UserNotFound" }
  if (found.banned) return { err: "UserBanned" }
  if (cents !== null) {
    if (cents <= 0n) return { err: "InvalidAmount" }
    if (cents < m.config.topUpMin || cents > m.config.topUpMax) return { err: "TopUpOutOfRange" }
  }
  const pending = m.payments.filter((p) => p.user === user && p.status === "pending").length
  if (pending >= m.config.maxPendingPayments) return { err: "TooManyPendingPayments" }
  if (cents === null && STABLECOINS.has(asset)) return { err: "InvalidInput" }
  m.invoices++
  const units = cents === null ? null : cents * pow10(Math.max(0, assetDecimals[asset]! - m.config.digits))
  m.payments.push({ user, asset, fiat: cents, units, externalId: `mem-${m.invoices}`, status: "pending" })
  return { ok: { asset, fiat: cents === null ? null : String(cents), units: units === null ? null : String(units), status: "pending" } }
}

/** What a paid report credits, or why it is refused. */
const valueReport = (m: ModelState, payment: ModelState["payments"][number], r: Report): bigint | "mismatch" => {
  if (r.amount === null || r.amount.asset !== payment.asset || r.amount.units <= 0n) return "mismatch"
  const received = r.amount.units
  if (payment.units !== null && payment.fiat !== null && payment.units > 0n) {
    const atQuote = (received * payment.fiat) / payment.units
    if (received >= payment.units) return atQuote
    const tolerance = BigInt(Math.min(10_000, Math.max(0, Math.trunc(m.config.toleranceBp))))
    return received * MAX_BP >= payment.units * (MAX_BP - tolerance) ? payment.fiat : atQuote
  }
  if (r.fiat === null || r.fiat.currency !== m.config.currency) return "mismatch"
  return r.fiat.amount
}

export const settle = (m: ModelState, number: number, r: Report): Outcome => {
  const payment = m.payments[number]
  if (payment === undefined) return { skip: true }
  if (r.paid) {
    const fiat = valueReport(m, payment, r)
    if (fiat === "mismatch") return { err: "PaymentMismatch" }
    const credit = creditDeposit(m, { user: payment.user, source: `processor:memory:${payment.externalId}`, units: r.amount!.units, fiat, payment: number })
    if (!("ok" in credit)) return { err: "PaymentMismatch" }
    return { ok: { settled: "Credited", ...credit.ok, status: payment.status } }
  }
  if (payment.status === "pending" && r.expired) {
    payment.status = "expired"
    return { ok: { settled: "Expired", status: "expired" } }
  }
  return { ok: { settled: "Unchanged", status: payment.status } }
}
