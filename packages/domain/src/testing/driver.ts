/**
 * Runs one step on a real shop, through its use cases, and reports the outcome in the reference
 * model's shape (amounts as decimal strings, the refusal's tag), still with the shop's own ids:
 * `normalize` then names items, users and subcategories as the model does. Free of any test
 * framework, so a shop in another process can run steps too.
 */
import * as BigDecimal from "effect/BigDecimal"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { Cart, type CartView } from "../Cart.js"
import { Catalog } from "../Catalog.js"
import { Checkout } from "../Checkout.js"
import { rate } from "../Conversion.js"
import type { Asset, FiatCurrency } from "../Currency.js"
import type { CreditResult } from "../Deposits.js"
import { BuyId, idempotencyKey, PaymentId, SubcategoryId, TelegramId } from "../Ids.js"
import { Ledger } from "../Ledger.js"
import { crypto, money } from "../Money.js"
import type { PaymentObservation } from "../PaymentGateway.js"
import { PaymentRepo } from "../PaymentRequests.js"
import { Payments } from "../Payments.js"
import { Refunds } from "../Refunds.js"
import { Settlement } from "../Settlement.js"
import { ShopConfig } from "../ShopConfig.js"
import { now } from "../Time.js"
import { operator, Users } from "../Users.js"
import { MISSING_BUY, MISSING_PAYMENT, MISSING_SUB, type Outcome, type Refs, type Step, telegramOf, userOf } from "./steps.js"

export { decodeJson, encodeJson, type Outcome, type Refs, type Step } from "./steps.js"

/** The services a step needs. */
export type DriverServices = Users | Cart | Checkout | Catalog | Ledger | Payments | Refunds | Settlement | PaymentRepo | ShopConfig

export const propertyAdmin = operator("property")

type Fields = { readonly [field: string]: unknown }

const attempt = <A, E extends { readonly _tag: string }, R>(self: Effect.Effect<A, E, R>, ok: (a: A) => Fields) =>
  Effect.match(self, { onFailure: (e): Outcome => ({ err: e._tag }), onSuccess: (a): Outcome => ({ ok: ok(a) }) })

const cartFields = (v: CartView): Fields => ({
  lines: v.lines.map((l) => ({ sub: l.subcategoryId, quantity: l.quantity, stock: l.stock, lineTotal: String(l.lineTotal.amount), available: l.available })),
  total: String(v.total.amount),
  ready: v.ready
})

const creditFields = (c: CreditResult): Fields => ({
  replayed: c.replayed,
  fiat: String(c.deposit.fiat.amount),
  user: c.deposit.user,
  available: String(c.balance.available.amount)
})

/** Runs `step` with the real ids in `refs`; never fails: a refusal is an outcome, a defect stays a defect. */
/** What makes each imported item's private data unique, across runs and processes racing on one database. */
const importTag = Math.random().toString(36).slice(2, 10) // a label, not money
let imports = 0

export const runStep = (step: Step, refs: Refs): Effect.Effect<Outcome, never, DriverServices> =>
  Effect.gen(function*() {
    const { currency } = yield* ShopConfig
    const user = (u: number) => TelegramId.make(telegramOf(u))
    const sub = (s: number) => SubcategoryId.make(refs.subs[s] ?? MISSING_SUB + s)
    switch (step._tag) {
      case "Register":
        return yield* Effect.map((yield* Users).register({ id: user(step.user), username: `u${step.user}`, language: "en" }), (u): Outcome => ({ ok: { banned: u.banned } }))
      case "Ban":
        return yield* attempt((yield* Users).setBanned(propertyAdmin, user(step.user), step.banned), (u) => ({ banned: u.banned }))
      case "Import":
        return yield* attempt((yield* Catalog).importRecords(propertyAdmin, step.prices.map((p, i) => ({
          category: `Cat${step.sub % 2}`,
          subcategory: `Sub${step.sub}`,
          price: money(p, currency),
          description: `item ${i}`,
          privateData: `data ${step.sub}/${i}/${importTag}-${++imports}` // unique: an import refuses keys already unsold
        }))), (r) => ({ imported: r.imported }))
      case "Add":
        return yield* attempt((yield* Cart).add(user(step.user), sub(step.sub), step.quantity), cartFields)
      case "SetQuantity":
        return yield* attempt((yield* Cart).setQuantity(user(step.user), sub(step.sub), step.quantity), cartFields)
      case "Remove":
        return yield* attempt((yield* Cart).remove(user(step.user), sub(step.sub)), cartFields)
      case "Checkout":
        return yield* attempt((yield* Checkout).checkout(user(step.user), idempotencyKey("k", step.key)), (r) => ({
          replayed: r.replayed,
          items: r.buy.items.map((i) => i.itemId),
          total: String(r.buy.total.amount),
          available: String(r.balance.available.amount),
          buyId: r.buy.id
        }))
      case "Refund":
        return yield* attempt(
          (yield* Refunds).refund(propertyAdmin, BuyId.make(refs.buys[step.buy] ?? MISSING_BUY + step.buy)),
          (r) => ({ total: String(r.buy.total.amount), available: String(r.balance.available.amount) })
        )
      case "Adjust":
        return yield* attempt((yield* Ledger).adjust(propertyAdmin, {
          user: user(step.user),
          direction: step.debit ? "debit" : "credit",
          amount: money(step.cents, currency),
          reason: "property test",
          key: idempotencyKey(step.key)
        }), (r) => ({ replayed: r.replayed, available: String(r.balance.available.amount) }))
      case "Deposit":
        return yield* attempt((yield* Payments).credit({
          user: user(step.user),
          source: { kind: "chain", asset: "LTC", txid: `tx${step.tx}`, index: step.output },
          amount: crypto(step.units, "LTC"),
          valuation: { fiat: money(step.cents, currency) }
        }), creditFields)
      case "RateDeposit": {
        const at = yield* now
        return yield* attempt((yield* Payments).credit({
          user: user(step.user),
          source: { kind: "chain", asset: step.asset, txid: `tx${step.tx}`, index: step.output },
          amount: crypto(step.units, step.asset),
          valuation: { rate: rate(step.asset, currency, BigDecimal.make(step.price.value, step.price.scale), at) }
        }), creditFields)
      }
      case "OpenPayment":
        return yield* attempt(
          (yield* Payments).open(user(step.user), step.asset, step.cents === null ? null : money(step.cents, currency)),
          (p) => ({
            asset: p.asset,
            fiat: p.fiatAmount === null ? null : String(p.fiatAmount.amount),
            units: p.cryptoAmount === null ? null : String(p.cryptoAmount.units),
            status: p.status,
            paymentId: p.id
          })
        )
      case "Expire":
        return { ok: { changed: yield* (yield* Payments).expire(PaymentId.make(refs.payments[step.payment] ?? MISSING_PAYMENT + step.payment)) } }
      case "Settle": {
        const id = refs.payments[step.payment]
        if (id === undefined) return { skip: true }
        // The payment as stored now, as a callback handler would load it.
        const payment = yield* (yield* PaymentRepo).get(PaymentId.make(id))
        if (Option.isNone(payment)) return { err: "PaymentNotFound" }
        const r = step.report
        const report: PaymentObservation = {
          paid: r.paid,
          expired: r.expired,
          amount: r.amount === null ? null : crypto(r.amount.units, r.amount.asset as Asset),
          fiat: r.fiat === null ? null : money(r.fiat.amount, r.fiat.currency as FiatCurrency)
        }
        return yield* attempt((yield* Settlement).apply(payment.value, report), (s) =>
          s._tag === "Credited"
            ? { settled: s._tag, ...creditFields(s.credit), status: s.payment.status }
            : { settled: s._tag, status: s.payment.status })
      }
      case "DeleteSubcategory":
        return yield* attempt((yield* Catalog).deleteSubcategory(propertyAdmin, sub(step.sub)), (removed) => ({ removed }))
    }
  })

/** How the runner names the shop's ids: items by their number in the model, subcategories by index. */
export interface Names {
  readonly item: (id: number) => number | string
  readonly sub: (id: number) => number | string
}

/** The outcome as the model states it: items, users and subcategories named the model's way, the shop's own ids left out. */
export const normalize = (outcome: Outcome, names: Names): Outcome => {
  if (!("ok" in outcome)) return outcome
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk)
    if (value === null || typeof value !== "object") return value
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      if (k === "buyId" || k === "paymentId") continue
      out[k] = k === "items" ? (v as ReadonlyArray<number>).map(names.item) : k === "user" ? userOf(v as number) : k === "sub" ? names.sub(v as number) : walk(v)
    }
    return out
  }
  return { ok: walk(outcome.ok) as Fields }
}
