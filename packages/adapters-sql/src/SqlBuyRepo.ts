import * as SqlClient from "@effect/sql/SqlClient"
import {
  type Buy, BuyId, type BuyItem, BuyRepo, type BuySummary, IdempotencyKey, ItemId, money, SubcategoryId, TelegramId
} from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { amountText, big, decodeCurrency, int, millis, nullable, paged, time, trusted, TOTAL, type WithTotal } from "./internal/rows.js"
import { GoodsCipher } from "./GoodsCipher.js"
import { queries } from "./internal/run.js"
import { makeTransaction } from "./internal/transaction.js"

interface BuyRow {
  readonly id: unknown
  readonly user_id: unknown
  readonly checkout_key: string
  readonly total: unknown
  readonly currency: string
  readonly created_at: unknown
  readonly refunded_at: unknown
  readonly quantity?: unknown
}
interface BuyItemRow {
  readonly item_id: unknown
  readonly subcategory_id: unknown
  readonly category_name: string
  readonly subcategory_name: string
  readonly description: string
  readonly price: unknown
  readonly currency: string
  readonly private_data: string
}

const BATCH = 500

const toSummary = (r: BuyRow): BuySummary => ({
  id: BuyId.make(int(r.id), trusted),
  user: TelegramId.make(int(r.user_id), trusted),
  total: money(big(r.total), decodeCurrency(r.currency)),
  quantity: int(r.quantity ?? 0),
  createdAt: time(r.created_at),
  refundedAt: nullable(r.refunded_at, time)
})

export const SqlBuyRepo = Layer.effect(BuyRepo, Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const goods = yield* GoodsCipher
  const q = queries(sql)
  const atomically = makeTransaction(sql)

  const withItems = (rows: ReadonlyArray<BuyRow>) =>
    Effect.gen(function*() {
      const r = rows[0]
      if (r === undefined) return Option.none<Buy>()
      const items = yield* q<BuyItemRow>`SELECT * FROM buy_items WHERE buy_id = ${int(r.id)} ORDER BY position`
      return Option.some<Buy>({
        id: BuyId.make(int(r.id), trusted),
        user: TelegramId.make(int(r.user_id), trusted),
        checkoutKey: IdempotencyKey.make(r.checkout_key),
        total: money(big(r.total), decodeCurrency(r.currency)),
        items: items.map((i): BuyItem => ({
          itemId: ItemId.make(int(i.item_id), trusted),
          subcategoryId: SubcategoryId.make(int(i.subcategory_id), trusted),
          categoryName: i.category_name,
          subcategoryName: i.subcategory_name,
          description: i.description,
          price: money(big(i.price), decodeCurrency(i.currency)),
          privateData: goods.open(i.private_data)
        })),
        createdAt: time(r.created_at),
        refundedAt: nullable(r.refunded_at, time)
      })
    })

  return BuyRepo.of({
    create: (draft) =>
      atomically(Effect.gen(function*() {
        const [row] = yield* q<BuyRow>`
          INSERT INTO buys (user_id, checkout_key, total, currency, created_at)
          VALUES (${draft.user}, ${draft.checkoutKey}, ${amountText(draft.total.amount)}, ${draft.total.currency}, ${millis(draft.createdAt)})
          RETURNING *`
        const id = int(row!.id)
        if (draft.items.length > 0) yield* goods.recordKey
        for (let start = 0; start < draft.items.length; start += BATCH) {
          yield* q`INSERT INTO buy_items ${
            sql.insert(draft.items.slice(start, start + BATCH).map((item, i) => ({
              buy_id: id,
              position: start + i,
              item_id: item.itemId,
              subcategory_id: item.subcategoryId,
              category_name: item.categoryName,
              subcategory_name: item.subcategoryName,
              description: item.description,
              price: amountText(item.price.amount),
              currency: item.price.currency,
              private_data: goods.seal(item.privateData)
            })))
          }`
        }
        return { ...draft, id: BuyId.make(id), refundedAt: null } satisfies Buy
      }).pipe(Effect.orDie)),
    get: (id) => q<BuyRow>`SELECT * FROM buys WHERE id = ${id}`.pipe(Effect.flatMap(withItems), Effect.orDie),
    findByCheckoutKey: (key) => q<BuyRow>`SELECT * FROM buys WHERE checkout_key = ${key}`.pipe(Effect.flatMap(withItems), Effect.orDie),
    listByUser: (user, page) =>
      paged(
        page,
        q<WithTotal<BuyRow>>`SELECT b.*, (SELECT COUNT(*) FROM buy_items bi WHERE bi.buy_id = b.id) AS quantity, ${sql.literal(TOTAL)}
          FROM buys b WHERE b.user_id = ${user} ORDER BY b.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
        q<{ n: unknown }>`SELECT COUNT(*) AS n FROM buys WHERE user_id = ${user}`,
        toSummary
      ).pipe(Effect.orDie),
    listBetween: (window, page) =>
      paged(
        page,
        q<WithTotal<BuyRow>>`SELECT b.*, (SELECT COUNT(*) FROM buy_items bi WHERE bi.buy_id = b.id) AS quantity, ${sql.literal(TOTAL)}
          FROM buys b WHERE b.created_at >= ${millis(window.from)} AND b.created_at < ${millis(window.to)}
          ORDER BY b.id LIMIT ${page.limit} OFFSET ${page.offset}`,
        q<{ n: unknown }>`SELECT COUNT(*) AS n FROM buys WHERE created_at >= ${millis(window.from)} AND created_at < ${millis(window.to)}`,
        toSummary
      ).pipe(Effect.orDie),
    markRefunded: (id, at) =>
      q<{ id: unknown }>`UPDATE buys SET refunded_at = ${millis(at)} WHERE id = ${id} AND refunded_at IS NULL RETURNING id`.pipe(
        Effect.map((rows) => rows.length > 0),
        Effect.orDie
      ),
    summarize: (window, currency) =>
      q<BuyRow>`SELECT b.total, b.refunded_at, (SELECT COUNT(*) FROM buy_items bi WHERE bi.buy_id = b.id) AS quantity
        FROM buys b WHERE b.created_at >= ${millis(window.from)} AND b.created_at < ${millis(window.to)} AND b.currency = ${currency}`.pipe(
        Effect.map((rows) => {
          let total = 0n, refundedTotal = 0n, items = 0, refundedCount = 0
          for (const r of rows) {
            const amount = big(r.total)
            total += amount
            items += int(r.quantity ?? 0)
            if (r.refunded_at !== null && r.refunded_at !== undefined) {
              refundedCount++
              refundedTotal += amount
            }
          }
          return { count: rows.length, items, total: money(total, currency), refundedCount, refundedTotal: money(refundedTotal, currency) }
        }),
        Effect.orDie
      )
  })
}))
