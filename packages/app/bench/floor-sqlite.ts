/**
 * A reference point for the checkout ratio: the baseline's statements as the smallest Effect program
 * that can issue them through `@effect/sql-sqlite-node`, with no domain, ports or repositories around
 * them: one `sql.withTransaction`, each statement compiled and executed on the transaction's
 * connection. Whatever this reaches is the most the shop can reach on this stack.
 */
import * as SqlClient from "@effect/sql/SqlClient"
import type * as Statement from "@effect/sql/Statement"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"

interface Row { readonly [k: string]: unknown }

const direct = (statement: Statement.Statement<Row>) =>
  Effect.withFiberRuntime<ReadonlyArray<Row>, unknown>((fiber) => {
    const [conn] = Context.unsafeGet(fiber.currentContext, SqlClient.TransactionConnection)
    const [text, params] = statement.compile()
    return conn.execute(text, params, undefined)
  })

export const floorAddToCart = (user: number, sub: number) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    sql`INSERT INTO cart_lines (user_id, subcategory_id, quantity, position) VALUES (${user}, ${sub}, 1, 1)`)

export const floorCheckout = (user: number, key: string, now: number) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    sql.withTransaction(Effect.gen(function*() {
      yield* direct(sql`UPDATE write_lock SET n = n + 1 WHERE id = 1`)
      if ((yield* direct(sql`SELECT * FROM buys WHERE checkout_key = ${key}`)).length > 0) return
      yield* direct(sql`SELECT * FROM users WHERE id = ${user}`)
      const lines = yield* direct(sql`SELECT subcategory_id, quantity FROM cart_lines WHERE user_id = ${user} ORDER BY position`)
      const items: Array<Row> = []
      for (const line of lines) {
        const claimed = yield* direct(sql`SELECT i.*, c.name AS category_name, s.name AS subcategory_name
          FROM items i JOIN subcategories s ON s.id = i.subcategory_id JOIN categories c ON c.id = s.category_id
          WHERE i.subcategory_id = ${line["subcategory_id"]} AND i.sold = 0 ORDER BY i.id LIMIT ${line["quantity"]}`)
        if (claimed.length < Number(line["quantity"])) return yield* Effect.fail("out of stock")
        yield* direct(sql`UPDATE items SET sold = 1, is_new = 0 WHERE ${sql.in("id", claimed.map((r) => r["id"]))}`)
        yield* direct(sql`UPDATE subcategories SET stock = stock - ${claimed.length} WHERE id = ${line["subcategory_id"]}`)
        items.push(...claimed)
      }
      const total = items.reduce((sum, i) => sum + BigInt(String(i["price"])), 0n)
      const [balance] = yield* direct(sql`SELECT top_up, consumed FROM balances WHERE user_id = ${user} AND currency = 'USD'`)
      const entryKey = `purchase:checkout:${user}:${key}`
      yield* direct(sql`SELECT * FROM ledger_entries WHERE idempotency_key = ${entryKey}`)
      const topUp = BigInt(String(balance!["top_up"]))
      const consumed = BigInt(String(balance!["consumed"]))
      if (topUp - consumed < total) return yield* Effect.fail("insufficient funds")
      yield* direct(sql`UPDATE balances SET top_up = ${topUp.toString()}, consumed = ${(consumed + total).toString()}
        WHERE user_id = ${user} AND currency = 'USD'`)
      yield* direct(sql`INSERT INTO ledger_entries (user_id, kind, amount, currency, idempotency_key, reason, actor, ref, created_at)
        VALUES (${user}, 'purchase', ${total.toString()}, 'USD', ${entryKey}, NULL, NULL, NULL, ${now}) RETURNING *`)
      const [buy] = yield* direct(sql`INSERT INTO buys (user_id, checkout_key, total, currency, created_at)
        VALUES (${user}, ${`checkout:${user}:${key}`}, ${total.toString()}, 'USD', ${now}) RETURNING *`)
      yield* direct(sql`INSERT INTO buy_items ${sql.insert(items.map((item, position) => ({
        buy_id: buy!["id"], position, item_id: item["id"], subcategory_id: item["subcategory_id"],
        category_name: item["category_name"], subcategory_name: item["subcategory_name"], description: item["description"],
        price: item["price"], currency: item["currency"], private_data: item["private_data"]
      })))}`)
      yield* direct(sql`DELETE FROM cart_lines WHERE user_id = ${user}`)
    })))
