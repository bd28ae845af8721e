import * as SqlClient from "@effect/sql/SqlClient"
import type * as Statement from "@effect/sql/Statement"
import {
  type Category, CategoryId, CategoryNotFound, CatalogRepo, type CategoryView, type ClaimedItem, money, type StockLine, type Subcategory,
  SubcategoryId, SubcategoryNotFound
} from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { type ItemRow, type SubRow, subView, summary } from "./internal/catalogRows.js"
import { amountText, big, decodeCurrency, int, isPg, paged, trusted, TOTAL, type WithTotal } from "./internal/rows.js"
import { GoodsCipher } from "./GoodsCipher.js"
import { makeItemWriter, STAGED } from "./SqlItemWriter.js"
import { limitClause, literalLimit, peekedPage } from "./internal/peek.js"
import { queries } from "./internal/run.js"
import { makeTransaction } from "./internal/transaction.js"

export const SqlCatalogRepo = Layer.effect(CatalogRepo, Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const goods = yield* GoodsCipher
  const q = queries(sql)
  const atomically = makeTransaction(sql)
  const pg = isPg(sql)

  /**
   * Live subcategories with stock and the next unsold item, filtered by `where`; with `total`, each
   * row carries the total, with `limit` a page of them (see peek.ts).
   */
  const subcategoryViews = (where: ReturnType<typeof sql.and>, limit?: Statement.Fragment, total = false) =>
    q<WithTotal<SubRow>>`
      SELECT s.id, s.category_id, c.name AS category_name, s.name, s.stock,
        n.price AS next_price, n.currency AS next_currency, n.description AS next_description
        ${total ? sql.literal(`, ${TOTAL}`) : sql``}
      FROM subcategories s
      JOIN categories c ON c.id = s.category_id
      LEFT JOIN items n ON n.id = (SELECT MIN(i.id) FROM items i WHERE i.subcategory_id = s.id AND i.sold = 0)
      WHERE s.deleted = 0 AND c.deleted = 0 AND ${where}
      ORDER BY s.name, s.id
      ${limit ?? sql``}`

  const liveCategory = (id: CategoryId) =>
    q<{ id: unknown; name: string }>`SELECT id, name FROM categories WHERE id = ${id} AND deleted = 0`.pipe(
      Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), (r): Category => ({ id: CategoryId.make(int(r.id), trusted), name: r.name })))
    )

  const dropUnsold = (subIds: ReadonlyArray<number>) =>
    subIds.length === 0
      ? Effect.succeed(0)
      : Effect.gen(function*() {
        const [count] = yield* q<{ n: unknown }>`SELECT COUNT(*) AS n FROM items WHERE sold = 0 AND ${sql.in("subcategory_id", subIds)}`
        yield* q`DELETE FROM items WHERE sold = 0 AND ${sql.in("subcategory_id", subIds)}`
        yield* q`UPDATE subcategories SET stock = 0 WHERE ${sql.in("id", subIds)}`
        return int(count?.n ?? 0)
      })

  return CatalogRepo.of({
    ensureCategory: (name) =>
      q<{ id: unknown; name: string }>`
        INSERT INTO categories (name, deleted) VALUES (${name}, 0)
        ON CONFLICT (name) DO UPDATE SET deleted = 0
        RETURNING id, name`.pipe(
        Effect.map(([r]): Category => ({ id: CategoryId.make(int(r!.id), trusted), name: r!.name })),
        Effect.orDie
      ),
    ensureSubcategory: (categoryId, name) =>
      atomically(Effect.gen(function*() {
        const [exists] = yield* q<{ id: unknown }>`SELECT id FROM categories WHERE id = ${categoryId}`
        if (exists === undefined) return yield* new CategoryNotFound({ category: categoryId })
        const [r] = yield* q<{ id: unknown; category_id: unknown; name: string }>`
          INSERT INTO subcategories (category_id, name, deleted) VALUES (${categoryId}, ${name}, 0)
          ON CONFLICT (category_id, name) DO UPDATE SET deleted = 0
          RETURNING id, category_id, name`
        return { id: SubcategoryId.make(int(r!.id), trusted), categoryId: CategoryId.make(int(r!.category_id), trusted), name: r!.name } satisfies Subcategory
      }).pipe(Effect.catchTag("SqlError", Effect.die))),
    ...makeItemWriter(sql, goods),
    category: (id) => Effect.orDie(liveCategory(id)),
    subcategory: (id) =>
      subcategoryViews(sql.and([sql`s.id = ${id}`])).pipe(Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), subView)), Effect.orDie),
    categories: (page, inStockOnly) => {
      // Each category with its stock; in name order, the planner walks the unique name index (no sort).
      const base = (total: boolean) => sql`
        SELECT id, name, stock ${total ? sql.literal(`, ${TOTAL}`) : sql``} FROM (
          SELECT c.id, c.name, (SELECT COALESCE(SUM(s.stock), 0) FROM subcategories s WHERE s.category_id = c.id AND s.deleted = 0) AS stock
          FROM categories c WHERE c.deleted = 0) listed
        ${inStockOnly ? sql`WHERE stock > 0` : sql``}`
      const listed = (total: boolean, extra: number) =>
        q<WithTotal<{ id: unknown; name: string; stock: unknown }>>`${base(total)} ORDER BY name, id ${limitClause(sql, page, extra)}`
      const view = (r: { id: unknown; name: string; stock: unknown }): CategoryView => ({ id: CategoryId.make(int(r.id), trusted), name: r.name, stock: int(r.stock) })
      const counted = () => paged(page, listed(true, 0), q<{ n: unknown }>`SELECT COUNT(*) AS n FROM (${base(false)}) counted`, view)
      return peekedPage(page, listed(false, 1), counted, view).pipe(Effect.orDie)
    },
    subcategories: (categoryId, page, inStockOnly) => {
      const where = sql.and([
        sql`s.category_id = ${categoryId}`,
        ...(inStockOnly ? [sql`s.stock > 0`] : [])
      ])
      const counted = () =>
        paged(
          page,
          subcategoryViews(where, limitClause(sql, page), true),
          q<{ n: unknown }>`
            SELECT COUNT(*) AS n FROM subcategories s JOIN categories c ON c.id = s.category_id
            WHERE s.deleted = 0 AND c.deleted = 0 AND ${where}`,
          subView
        )
      return peekedPage(page, subcategoryViews(where, limitClause(sql, page, 1)), counted, subView).pipe(Effect.orDie)
    },
    nextPrices: (sub, n) =>
      q<{ price: unknown; currency: string }>`
        SELECT price, currency FROM items WHERE subcategory_id = ${sub} AND sold = 0 ORDER BY id ${literalLimit(sql, n)}`.pipe(
        Effect.map((rows) => rows.map((r) => money(big(r.price), decodeCurrency(r.currency)))),
        Effect.orDie
      ),
    claimUnsold: (sub, n) =>
      atomically(Effect.gen(function*() {
        const rows = yield* q<ItemRow & { category_name: string; subcategory_name: string }>`
          SELECT i.*, c.name AS category_name, s.name AS subcategory_name
          FROM items i JOIN subcategories s ON s.id = i.subcategory_id JOIN categories c ON c.id = s.category_id
          WHERE i.subcategory_id = ${sub} AND i.sold = 0 ORDER BY i.id LIMIT ${n} ${pg ? sql`FOR UPDATE OF i` : sql``}`
        if (rows.length === 0) return []
        // The rows taken are exactly this subcategory's unsold items up to the last id read (oldest
        // first, in this transaction), so three parameters mark them, however many: no bind-parameter
        // limit (SQLite 32,766, PostgreSQL 65,535) caps a line.
        const last = int(rows[rows.length - 1]!.id)
        const mark = sql`UPDATE items SET sold = 1, is_new = 0 WHERE subcategory_id = ${sub} AND sold = 0 AND id <= ${last}`
        const [marked] = pg
          ? yield* q<{ n: unknown }>`WITH taken AS (${mark} RETURNING id) SELECT COUNT(*) AS n FROM taken`
          : yield* Effect.zipRight(q`${mark}`, q<{ n: unknown }>`SELECT changes() AS n`)
        if (int(marked?.n ?? 0) !== rows.length) return yield* Effect.die(new Error(`claimed ${rows.length} items but marked ${String(marked?.n)}`))
        yield* q`UPDATE subcategories SET stock = stock - ${rows.length} WHERE id = ${sub}`
        return rows.map((r): ClaimedItem => ({
          ...summary(r),
          sold: true,
          isNew: false,
          privateData: goods.open(r.private_data ?? ""),
          categoryName: r.category_name,
          subcategoryName: r.subcategory_name
        }))
      }).pipe(Effect.orDie)),
    deleteCategory: (id) =>
      atomically(Effect.gen(function*() {
        if (Option.isNone(yield* liveCategory(id))) return yield* new CategoryNotFound({ category: id })
        const subs = yield* q<{ id: unknown }>`SELECT id FROM subcategories WHERE category_id = ${id}`
        const removed = yield* dropUnsold(subs.map((s) => int(s.id)))
        yield* q`UPDATE subcategories SET deleted = 1 WHERE category_id = ${id}`
        yield* q`UPDATE categories SET deleted = 1 WHERE id = ${id}`
        return removed
      }).pipe(Effect.catchTag("SqlError", Effect.die))),
    deleteSubcategory: (id) =>
      atomically(Effect.gen(function*() {
        const [live] = yield* q<{ id: unknown }>`SELECT id FROM subcategories WHERE id = ${id} AND deleted = 0`
        if (live === undefined) return yield* new SubcategoryNotFound({ subcategory: id })
        const removed = yield* dropUnsold([id])
        yield* q`UPDATE subcategories SET deleted = 1 WHERE id = ${id}`
        return removed
      }).pipe(Effect.catchTag("SqlError", Effect.die))),
    setPrice: (id, price) =>
      atomically(Effect.gen(function*() {
        const [live] = yield* q<{ id: unknown }>`SELECT id FROM subcategories WHERE id = ${id} AND deleted = 0`
        if (live === undefined) return yield* new SubcategoryNotFound({ subcategory: id })
        const [count] = yield* q<{ n: unknown }>`SELECT COUNT(*) AS n FROM items WHERE subcategory_id = ${id} AND sold = 0`
        yield* q`UPDATE items SET price = ${amountText(price.amount)}, currency = ${price.currency} WHERE subcategory_id = ${id} AND sold = 0`
        return int(count?.n ?? 0)
      }).pipe(Effect.catchTag("SqlError", Effect.die))),
    foreignStock: (currency) =>
      q<{ sub: unknown; category: string; subcategory: string; currency: string; n: unknown }>`
        SELECT s.id AS sub, c.name AS category, s.name AS subcategory, i.currency, COUNT(*) AS n
        FROM items i JOIN subcategories s ON s.id = i.subcategory_id JOIN categories c ON c.id = s.category_id
        WHERE i.sold = 0 AND i.currency <> ${currency}
        GROUP BY s.id, c.name, s.name, i.currency ORDER BY c.name, s.name`.pipe(
        Effect.map((rows) => rows.map((r) => ({
          subcategoryId: SubcategoryId.make(int(r.sub), trusted),
          category: r.category,
          subcategory: r.subcategory,
          currency: decodeCurrency(r.currency),
          unsold: int(r.n)
        }))),
        Effect.orDie
      ),
    items: (sub, page) =>
      paged(
        page,
        q<WithTotal<ItemRow>>`SELECT id, subcategory_id, price, currency, description, sold, is_new, created_at, ${sql.literal(TOTAL)}
          FROM items WHERE subcategory_id = ${sub} AND sold <> ${STAGED} ORDER BY id LIMIT ${page.limit} OFFSET ${page.offset}`,
        q<{ n: unknown }>`SELECT COUNT(*) AS n FROM items WHERE subcategory_id = ${sub} AND sold <> ${STAGED}`,
        summary
      ).pipe(Effect.orDie),
    stockReport: (onlyNew) =>
      q<{ category_id: unknown; category_name: string; subcategory_id: unknown; subcategory_name: string; n: unknown }>`
        ${onlyNew
        ? sql`SELECT c.id AS category_id, c.name AS category_name, s.id AS subcategory_id, s.name AS subcategory_name, COUNT(*) AS n
            FROM items i
            JOIN subcategories s ON s.id = i.subcategory_id
            JOIN categories c ON c.id = s.category_id
            WHERE i.is_new = 1 AND i.sold = 0 AND s.deleted = 0 AND c.deleted = 0
            GROUP BY c.id, c.name, s.id, s.name`
        : sql`SELECT c.id AS category_id, c.name AS category_name, s.id AS subcategory_id, s.name AS subcategory_name, s.stock AS n
            FROM subcategories s
            JOIN categories c ON c.id = s.category_id
            WHERE s.stock > 0 AND s.deleted = 0 AND c.deleted = 0`}
        ORDER BY category_name, category_id, subcategory_name, subcategory_id`.pipe(
        Effect.map((rows) =>
          rows.map((r): StockLine => ({
            categoryId: CategoryId.make(int(r.category_id), trusted),
            categoryName: r.category_name,
            subcategoryId: SubcategoryId.make(int(r.subcategory_id), trusted),
            subcategoryName: r.subcategory_name,
            count: int(r.n)
          }))
        ),
        Effect.orDie
      ),
    clearNew: () =>
      atomically(Effect.gen(function*() {
        const [count] = yield* q<{ n: unknown }>`SELECT COUNT(*) AS n FROM items WHERE is_new = 1`
        yield* q`UPDATE items SET is_new = 0 WHERE is_new = 1`
        return int(count?.n ?? 0)
      }).pipe(Effect.orDie))
  })
}))

