/**
 * Every purchase's stored total (`buys.total`, what a refund gives back) against the prices of its
 * items (`buy_items.price`) and against its ledger entry (the chained charge, found by `purchaseKey`).
 * A purchase moved in from another shop has no ledger entry; its items alone are compared.
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import { BuyId, IdempotencyKey, money, type PurchaseProblem, purchaseKey, TelegramId } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import { big, decodeCurrency, int, trusted } from "../internal/rows.js"

export const auditPurchases = (sql: SqlClient.SqlClient, window = 500): Effect.Effect<Array<PurchaseProblem>, SqlError> =>
  Effect.gen(function*() {
    const problems: Array<PurchaseProblem> = []
    for (let after = 0, more = true; more;) {
      const buys = yield* sql<{ id: unknown; user_id: unknown; checkout_key: string; total: unknown; currency: string }>`
        SELECT id, user_id, checkout_key, total, currency FROM buys WHERE id > ${after} ORDER BY id LIMIT ${window}`
      more = buys.length === window
      if (buys.length === 0) break
      after = int(buys.at(-1)!.id)
      const items = new Map<number, { sum: bigint; foreign: boolean }>()
      for (const i of yield* sql<{ buy_id: unknown; price: unknown; currency: string }>`
        SELECT buy_id, price, currency FROM buy_items WHERE ${sql.in("buy_id", buys.map((b) => int(b.id)))}`) {
        const buy = buys.find((b) => int(b.id) === int(i.buy_id))!
        const found = items.get(int(i.buy_id)) ?? { sum: 0n, foreign: false }
        items.set(int(i.buy_id), { sum: found.sum + big(i.price), foreign: found.foreign || i.currency !== buy.currency })
      }
      const keyOf = (b: (typeof buys)[number]) => purchaseKey(IdempotencyKey.make(b.checkout_key, trusted))
      const charges = new Map((yield* sql<{ idempotency_key: string; amount: unknown; currency: string }>`
        SELECT idempotency_key, amount, currency FROM ledger_entries WHERE ${sql.in("idempotency_key", buys.map(keyOf))}`)
        .map((e) => [e.idempotency_key, money(big(e.amount), decodeCurrency(e.currency))] as const))
      for (const b of buys) {
        const currency = decodeCurrency(b.currency)
        const total = money(big(b.total), currency)
        const counted = items.get(int(b.id)) ?? { sum: 0n, foreign: false }
        const charged = charges.get(keyOf(b)) ?? null
        const chargeDiffers = charged !== null && (charged.amount !== total.amount || charged.currency !== currency)
        if (counted.sum !== total.amount || counted.foreign || chargeDiffers) {
          problems.push({ buy: BuyId.make(int(b.id), trusted), user: TelegramId.make(int(b.user_id), trusted), total, items: money(counted.sum, currency), charged })
        }
      }
    }
    return problems
  })
