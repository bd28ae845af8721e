/**
 * The reference model: a plain, obviously-correct interpreter of the shop's steps over plain maps,
 * written from the rules as the use cases document them, never by calling them. `predict` applies
 * one step to the model and returns what the real shop must answer: the success value's fields that
 * matter, or the exact refusal. A refused step leaves the model as it was.
 *
 * The rules, in the order the shop checks them:
 * - Register creates the user once (a banned user stays banned); Ban/Unban needs a registered user.
 * - Import adds items, oldest first by number, and revives a deleted subcategory.
 * - Add and SetQuantity check the quantity (whole, 1 or 0 .. maxLineQuantity), then that the user is
 *   registered and not banned, then the subcategory (SetQuantity to 0 just removes the line), then
 *   the line's total quantity against maxLineQuantity and the stock. Remove only needs a registered user.
 * - Checkout: a key the user already checked out with returns that purchase (even to a banned
 *   user); else the user must be active, the cart not empty, every line in stock (the oldest unsold
 *   items, each at its own price), and the balance must cover the total; then the cart is emptied.
 * - Refund credits a purchase's total back once; the items stay sold.
 * - Adjust (admin): registered user, amount above zero, a key used only for the same entry
 *   (else LedgerConflict; the same entry again is a replay), a debit never overdraws.
 * - Deleting a live subcategory removes its unsold items (sold ones stay); carts keep its line,
 *   which then shows no stock and cannot be bought (OutOfStock).
 * - Deposits and payments: see referencePayments.ts.
 */
import { creditDeposit, openPayment, settle, valueAtRate } from "./referencePayments.js"
import { addEntry, availableOf, cartView, type ModelState, unsoldOf } from "./referenceState.js"
import type { Outcome, Step } from "./steps.js"

export * from "./referenceState.js"

const err = (tag: string): Outcome => ({ err: tag })
const ok = (fields: { readonly [field: string]: unknown }): Outcome => ({ ok: fields })

/** UserNotFound or UserBanned, or undefined for an active user. */
const inactive = (m: ModelState, user: number): Outcome | undefined => {
  const u = m.users.get(user)
  return u === undefined ? err("UserNotFound") : u.banned ? err("UserBanned") : undefined
}

const setLine = (m: ModelState, user: number, sub: number, quantity: number) => {
  const lines = m.carts.get(user) ?? []
  const line = lines.find((l) => l.sub === sub)
  if (quantity === 0) m.carts.set(user, lines.filter((l) => l.sub !== sub))
  else if (line !== undefined) line.quantity = quantity
  else m.carts.set(user, [...lines, { sub, quantity }])
}

const changeCart = (m: ModelState, user: number, sub: number, quantity: number, mode: "add" | "set"): Outcome => {
  const least = mode === "add" ? 1 : 0
  if (!Number.isSafeInteger(quantity) || quantity < least || quantity > m.config.maxLineQuantity) return err("InvalidInput")
  const refused = inactive(m, user)
  if (refused !== undefined) return refused
  if (mode === "set" && quantity === 0) {
    setLine(m, user, sub, 0)
    return ok(cartView(m, user))
  }
  if (m.subs.get(sub)?.live !== true) return err("SubcategoryNotFound")
  const current = (m.carts.get(user) ?? []).find((l) => l.sub === sub)?.quantity ?? 0
  const wanted = mode === "add" ? current + quantity : quantity
  if (wanted > m.config.maxLineQuantity) return err("InvalidInput")
  if (wanted > unsoldOf(m, sub).length) return err("OutOfStock")
  setLine(m, user, sub, wanted)
  return ok(cartView(m, user))
}

const checkout = (m: ModelState, user: number, key: number): Outcome => {
  const previous = m.checkoutKeys.get(`${user}:${key}`)
  if (previous !== undefined) {
    const buy = m.buys[previous]!
    return ok({ replayed: true, items: buy.items, total: String(buy.total), available: String(availableOf(m, buy.user)) })
  }
  const refused = inactive(m, user)
  if (refused !== undefined) return refused
  const lines = m.carts.get(user) ?? []
  if (lines.length === 0) return err("EmptyCart")
  const taken = []
  for (const line of lines) {
    const oldest = unsoldOf(m, line.sub).slice(0, line.quantity)
    if (oldest.length < line.quantity) return err("OutOfStock")
    taken.push(...oldest)
  }
  const total = taken.reduce((sum, i) => sum + i.price, 0n)
  if (availableOf(m, user) < total) return err("InsufficientFunds")
  for (const item of taken) item.sold = true
  addEntry(m, user, "purchase", total, `purchase:${user}:${key}`)
  m.checkoutKeys.set(`${user}:${key}`, m.buys.length)
  m.buys.push({ user, key, items: taken.map((i) => i.id), total, refunded: false })
  m.carts.set(user, [])
  return ok({ replayed: false, items: taken.map((i) => i.id), total: String(total), available: String(availableOf(m, user)) })
}

const refund = (m: ModelState, number: number): Outcome => {
  const buy = m.buys[number]
  if (buy === undefined) return err("BuyNotFound")
  if (buy.refunded) return err("AlreadyRefunded")
  buy.refunded = true
  addEntry(m, buy.user, "refund", buy.total, `refund:${number}`)
  return ok({ total: String(buy.total), available: String(availableOf(m, buy.user)) })
}

const adjust = (m: ModelState, step: Extract<Step, { readonly _tag: "Adjust" }>): Outcome => {
  if (!m.users.has(step.user)) return err("UserNotFound")
  if (step.cents <= 0n) return err("InvalidAmount")
  const kind = step.debit ? "admin_debit" : "admin_credit"
  const previous = m.ledgerKeys.get(step.key)
  if (previous !== undefined) {
    if (previous.user !== step.user || previous.kind !== kind || previous.amount !== step.cents) return err("LedgerConflict")
    return ok({ replayed: true, available: String(availableOf(m, step.user)) })
  }
  if (step.debit && availableOf(m, step.user) < step.cents) return err("InsufficientFunds")
  addEntry(m, step.user, kind, step.cents, step.key)
  return ok({ replayed: false, available: String(availableOf(m, step.user)) })
}

const deleteSubcategory = (m: ModelState, sub: number): Outcome => {
  const found = m.subs.get(sub)
  if (found === undefined || !found.live) return err("SubcategoryNotFound")
  const unsold = unsoldOf(m, sub)
  for (const item of unsold) item.dropped = true
  found.live = false
  return ok({ removed: unsold.length })
}

/** Applies `step` to the model and returns the outcome the shop must give. */
export const predict = (m: ModelState, step: Step): Outcome => {
  switch (step._tag) {
    case "Register": {
      const user = m.users.get(step.user) ?? { banned: false }
      m.users.set(step.user, user)
      return ok({ banned: user.banned })
    }
    case "Ban": {
      const user = m.users.get(step.user)
      if (user === undefined) return err("UserNotFound")
      user.banned = step.banned
      return ok({ banned: step.banned })
    }
    case "Import": {
      m.subs.set(step.sub, { live: true })
      for (const price of step.prices) m.items.push({ id: m.items.length + 1, sub: step.sub, price, sold: false, dropped: false })
      return ok({ imported: step.prices.length })
    }
    case "Add":
      return changeCart(m, step.user, step.sub, step.quantity, "add")
    case "SetQuantity":
      return changeCart(m, step.user, step.sub, step.quantity, "set")
    case "Remove": {
      if (!m.users.has(step.user)) return err("UserNotFound")
      setLine(m, step.user, step.sub, 0)
      return ok(cartView(m, step.user))
    }
    case "Checkout":
      return checkout(m, step.user, step.key)
    case "Refund":
      return refund(m, step.buy)
    case "Adjust":
      return adjust(m, step)
    case "Deposit":
      return creditDeposit(m, { user: step.user, source: `chain:LTC:tx${step.tx}:${step.output}`, units: step.units, fiat: step.cents, payment: null })
    case "RateDeposit":
      return creditDeposit(m, {
        user: step.user,
        source: `chain:${step.asset}:tx${step.tx}:${step.output}`,
        units: step.units,
        fiat: valueAtRate(m, step.asset, step.units, step.price),
        payment: null
      })
    case "OpenPayment":
      return openPayment(m, step.user, step.asset, step.cents)
    case "Expire": {
      const payment = m.payments[step.payment]
      if (payment === undefined || payment.status !== "pending") return ok({ changed: false })
      payment.status = "expired"
      return ok({ changed: true })
    }
    case "Settle":
      return settle(m, step.payment, step.report)
    case "DeleteSubcategory":
      return deleteSubcategory(m, step.sub)
  }
}
