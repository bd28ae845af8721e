/**
 * The baseline: the SQL statements the shop issues for "add one item to the cart, then check out",
 * on raw better-sqlite3 with prepared statements, in plain JavaScript.
 */
import type Database from "better-sqlite3"

export const SUBCATEGORY_VIEW = `
  SELECT s.id, s.category_id, c.name AS category_name, s.name, s.stock,
    n.price AS next_price, n.currency AS next_currency, n.description AS next_description
  FROM subcategories s
  JOIN categories c ON c.id = s.category_id
  LEFT JOIN items n ON n.id = (SELECT MIN(i.id) FROM items i WHERE i.subcategory_id = s.id AND i.sold = 0)
  WHERE s.deleted = 0 AND c.deleted = 0 AND s.id = ?
  ORDER BY s.name, s.id`

interface Row { readonly [k: string]: unknown }

export const rawCheckout = (db: Database.Database) => {
  const q = {
    lock: db.prepare("UPDATE write_lock SET n = n + 1 WHERE id = 1"),
    user: db.prepare("SELECT * FROM users WHERE id = ?"),
    sub: db.prepare(SUBCATEGORY_VIEW),
    lines: db.prepare("SELECT subcategory_id, quantity FROM cart_lines WHERE user_id = ? ORDER BY position"),
    setLine: db.prepare(`INSERT INTO cart_lines (user_id, subcategory_id, quantity, position)
      VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM cart_lines WHERE user_id = ?))
      ON CONFLICT (user_id, subcategory_id) DO UPDATE SET quantity = excluded.quantity`),
    nextPrices: db.prepare("SELECT price, currency FROM items WHERE subcategory_id = ? AND sold = 0 ORDER BY id LIMIT ?"),
    buyByKey: db.prepare("SELECT * FROM buys WHERE checkout_key = ?"),
    claim: db.prepare(`SELECT i.*, c.name AS category_name, s.name AS subcategory_name
      FROM items i JOIN subcategories s ON s.id = i.subcategory_id JOIN categories c ON c.id = s.category_id
      WHERE i.subcategory_id = ? AND i.sold = 0 ORDER BY i.id LIMIT ?`),
    markSold: db.prepare("UPDATE items SET sold = 1, is_new = 0 WHERE id IN (?)"),
    stockDown: db.prepare("UPDATE subcategories SET stock = stock - ? WHERE id = ?"),
    ensureBalance: db.prepare("INSERT INTO balances (user_id, currency, top_up, consumed) VALUES (?, ?, '0', '0') ON CONFLICT DO NOTHING"),
    balance: db.prepare("SELECT top_up, consumed FROM balances WHERE user_id = ? AND currency = ?"),
    entryByKey: db.prepare("SELECT * FROM ledger_entries WHERE idempotency_key = ?"),
    setBalance: db.prepare("UPDATE balances SET top_up = ?, consumed = ? WHERE user_id = ? AND currency = ?"),
    entry: db.prepare(`INSERT INTO ledger_entries (user_id, kind, amount, currency, idempotency_key, reason, actor, ref, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`),
    buy: db.prepare("INSERT INTO buys (user_id, checkout_key, total, currency, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *"),
    buyItem: db.prepare(`INSERT INTO buy_items (buy_id, position, item_id, subcategory_id, category_name, subcategory_name,
      description, price, currency, private_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    clear: db.prepare("DELETE FROM cart_lines WHERE user_id = ?")
  }

  const addToCart = db.transaction((user: number, sub: number) => {
    q.lock.run()
    const view = q.sub.get(sub) as Row
    const current = (q.lines.all(user) as Array<Row>).find((l) => l["subcategory_id"] === sub)
    const wanted = Number(current?.["quantity"] ?? 0) + 1
    if (wanted > Number(view["stock"])) throw new Error("out of stock")
    q.setLine.run(user, sub, wanted, user)
  })

  const checkout = db.transaction((user: number, key: string, now: number) => {
    q.lock.run()
    if (q.buyByKey.get(key) !== undefined) return
    q.user.get(user)
    const lines = q.lines.all(user) as Array<Row>
    const items: Array<Row> = []
    for (const line of lines) {
      const claimed = q.claim.all(line["subcategory_id"], line["quantity"]) as Array<Row>
      if (claimed.length < Number(line["quantity"])) throw new Error("out of stock")
      for (const item of claimed) q.markSold.run(item["id"])
      q.stockDown.run(claimed.length, line["subcategory_id"])
      items.push(...claimed)
    }
    const total = items.reduce((sum, i) => sum + BigInt(String(i["price"])), 0n)
    let bal = q.balance.get(user, "USD") as Row | undefined
    if (bal === undefined) {
      q.ensureBalance.run(user, "USD")
      bal = q.balance.get(user, "USD") as Row
    }
    q.entryByKey.get(`purchase:checkout:${user}:${key}`)
    const topUp = BigInt(String(bal["top_up"]))
    const consumed = BigInt(String(bal["consumed"]))
    if (topUp - consumed < total) throw new Error("insufficient funds")
    q.setBalance.run(topUp.toString(), (consumed + total).toString(), user, "USD")
    q.entry.get(user, "purchase", total.toString(), "USD", `purchase:checkout:${user}:${key}`, null, null, null, now)
    const buy = q.buy.get(user, `checkout:${user}:${key}`, total.toString(), "USD", now) as Row
    items.forEach((item, position) =>
      q.buyItem.run(buy["id"], position, item["id"], item["subcategory_id"], item["category_name"], item["subcategory_name"],
        item["description"], item["price"], item["currency"], item["private_data"]))
    q.clear.run(user)
  })

  return {
    /** What the shop does to add one item: the change in its own transaction, then the cart view. */
    addToCart: (user: number, sub: number) => {
      q.user.get(user)
      addToCart(user, sub)
      q.user.get(user)
      for (const line of q.lines.all(user) as Array<Row>) {
        q.sub.get(line["subcategory_id"])
        q.nextPrices.all(line["subcategory_id"], line["quantity"])
      }
    },
    checkout
  }
}
