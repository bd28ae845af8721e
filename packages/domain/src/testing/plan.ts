/**
 * Turns a random command into the steps to run, using the model's state for what a recipe needs:
 * the amount that sets a balance to exactly a cart's cost, the last checkout key, the amounts of a
 * gateway report about a payment, the rate of a deposit's asset, units that fall on a half-cent tie.
 * Planning only chooses inputs (it may run the model on a copy to see what a cart will cost), which
 * the model and the shop then both get.
 */
import type { Command, RaceCommand } from "./commands.js"
import { predict } from "./referenceModel.js"
import { assetDecimals } from "./referencePayments.js"
import { availableOf, cartView, cloneModel, type ModelState } from "./referenceState.js"
import type { RaceStep, Report, Step } from "./steps.js"

/** The price source's rates, read once per run: value / 10^scale of the shop currency per whole coin. */
export interface Prices {
  readonly [asset: string]: { readonly value: bigint; readonly scale: number }
}

/** One thing to run: a step, or a group of steps run at once. */
export type Planned = { readonly _tag: "Step"; readonly step: Step } | { readonly _tag: "Race"; readonly members: ReadonlyArray<RaceStep> }

const single = (step: Step): Planned => ({ _tag: "Step", step })

const reportFor = (m: ModelState, c: Extract<RaceCommand, { readonly _tag: "Settle" }>): Report => {
  const payment = m.payments[c.payment]
  const asset = payment?.asset ?? "BTC"
  const asked = payment?.units ?? null
  const base = asked ?? c.units
  const fiat = { amount: c.cents, currency: m.config.currency }
  const paid = (units: bigint | null, paidIn = asset, value = fiat): Report =>
    ({ paid: true, expired: false, amount: units === null ? null : { units, asset: paidIn }, fiat: value })
  switch (c.report) {
    case "exact":
      return paid(base)
    case "over":
      return paid(base + c.units)
    case "under":
      return paid(asked === null ? c.units : asked - (asked * c.bp) / 10_000n)
    case "dust":
      return paid(1n)
    case "unpaid":
      return { paid: false, expired: false, amount: null, fiat: null }
    case "expired":
      return { paid: false, expired: true, amount: null, fiat: null }
    case "wrongAsset":
      return paid(base, asset === "BTC" ? "LTC" : "BTC")
    case "wrongCurrency":
      return paid(base, asset, { amount: c.cents, currency: m.config.currency === "EUR" ? "USD" : "EUR" })
    case "noAmount":
      return paid(null)
    case "zero":
      return paid(0n)
  }
}

/** Mostly an existing purchase or payment (the one past the last now and then): `n` taken modulo how many there are, plus one. */
const existing = (n: number, count: number) => count === 0 ? n : n % (count + 1)

/**
 * The units of `asset` worth exactly (2k + 1) half cents at `price`, for the first k from `n` on where
 * that is a whole number of units (or the units just below the n-th tie when none is near): where
 * rounding half to even and half up differ.
 */
const tieUnits = (m: ModelState, asset: string, price: Prices[string], n: bigint): bigint => {
  const num = price.scale >= 0 ? price.value : price.value * 10n ** BigInt(-price.scale)
  const den = price.scale >= 0 ? 10n ** BigInt(price.scale) : 1n
  const d = 2n * num * 10n ** BigInt(m.config.digits)
  const t = (k: bigint) => (2n * k + 1n) * den * 10n ** BigInt(assetDecimals[asset]!)
  for (let k = n; k < n + 12n; k++) if (t(k) % d === 0n) return t(k) / d
  return t(n) / d
}

const raceStep = (m: ModelState, c: RaceCommand, prices: Prices): RaceStep => {
  switch (c._tag) {
    case "Refund":
      return { _tag: "Refund", buy: existing(c.buy, m.buys.length) }
    case "RateDeposit": {
      const price = prices[c.asset]!
      const units = c.tie === null ? c.units : tieUnits(m, c.asset, price, c.tie.n) + c.tie.offset
      return { _tag: "RateDeposit", user: c.user, asset: c.asset, units, tx: c.tx, output: c.output, price }
    }
    case "Settle": {
      const payment = existing(c.payment, m.payments.length)
      return { _tag: "Settle", payment, report: reportFor(m, { ...c, payment }) }
    }
    default:
      return c
  }
}

/** The steps of `command` in the model's current state; `serial` makes the keys it invents unique. */
export const plan = (m: ModelState, command: Command, prices: Prices, serial: number): ReadonlyArray<Planned> => {
  switch (command._tag) {
    case "Adjust":
      return [single({ ...command, key: `adjust:${command.key}` })]
    case "EdgeCheckout": {
      // The cost is the cart's after the Add: planned on a copy of the model that ran it.
      const add: Step = { _tag: "Add", user: command.user, sub: command.sub, quantity: command.quantity }
      const after = cloneModel(m)
      predict(after, add)
      const diff = BigInt(cartView(after, command.user).total) + command.offset - availableOf(after, command.user)
      const checkout = single({ _tag: "Checkout", user: command.user, key: command.key })
      if (diff === 0n) return [single(add), checkout]
      return [single(add), single({ _tag: "Adjust", user: command.user, debit: diff < 0n, cents: diff < 0n ? -diff : diff, key: `edge:${serial}` }), checkout]
    }
    case "Rush":
      return [
        ...[...new Set(command.users)].map((user) => single({ _tag: "Add", user, sub: command.sub, quantity: 1 })),
        { _tag: "Race", members: command.users.map((user) => ({ _tag: "Checkout", user, key: command.key })) }
      ]
    case "RefundRush": {
      const theirs = m.buys.findLastIndex((b) => b.user === command.user && !b.refunded)
      const buy = theirs >= 0 ? theirs : existing(command.buy, m.buys.length)
      return [
        single({ _tag: "Add", user: command.user, sub: command.sub, quantity: 1 }),
        { _tag: "Race", members: [{ _tag: "Refund", buy }, { _tag: "Checkout", user: command.user, key: command.key }] }
      ]
    }
    case "Expire":
      return [single({ _tag: "Expire", payment: existing(command.payment, m.payments.length) })]
    case "RepeatCheckout": {
      const last = m.buys.filter((b) => b.user === command.user).at(-1)
      return [
        single({ _tag: "Add", user: command.user, sub: command.sub, quantity: 1 }),
        single({ _tag: "Checkout", user: command.user, key: last?.key ?? 0 })
      ]
    }
    case "Race":
      return [{ _tag: "Race", members: command.members.map((c) => raceStep(m, c, prices)) }]
    case "RateDeposit":
    case "Settle":
    case "Refund":
      return [single(raceStep(m, command, prices))]
    default:
      return [single(command)]
  }
}
