import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import { columnTypes } from "./columns.js"

/**
 * The whole schema. Amounts are exact: NUMERIC(78,0) in PostgreSQL, decimal-integer TEXT in SQLite
 * (its INTEGER overflows at about 9.2 ETH in wei). Times are UTC epoch milliseconds. Flags are 0/1.
 */
export default Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const { amount, id } = columnTypes(sql)
  const ddl = [
    `CREATE TABLE users (
      id BIGINT PRIMARY KEY,
      username TEXT,
      username_lower TEXT,
      language TEXT,
      banned SMALLINT NOT NULL DEFAULT 0,
      registered_at BIGINT NOT NULL
    )`,
    `CREATE INDEX users_username ON users (username_lower)`,
    `CREATE INDEX users_registered ON users (registered_at, id)`,
    `CREATE TABLE balances (
      user_id BIGINT NOT NULL REFERENCES users (id),
      currency TEXT NOT NULL,
      top_up ${amount} NOT NULL,
      consumed ${amount} NOT NULL,
      PRIMARY KEY (user_id, currency)
    )`,
    `CREATE TABLE ledger_entries (
      id ${id},
      user_id BIGINT NOT NULL REFERENCES users (id),
      kind TEXT NOT NULL,
      amount ${amount} NOT NULL,
      currency TEXT NOT NULL,
      idempotency_key TEXT NOT NULL UNIQUE,
      reason TEXT,
      actor TEXT,
      ref TEXT,
      created_at BIGINT NOT NULL
    )`,
    `CREATE INDEX ledger_entries_user ON ledger_entries (user_id, id)`,
    `CREATE TABLE categories (
      id ${id},
      name TEXT NOT NULL UNIQUE,
      deleted SMALLINT NOT NULL DEFAULT 0
    )`,
    `CREATE TABLE subcategories (
      id ${id},
      category_id BIGINT NOT NULL REFERENCES categories (id),
      name TEXT NOT NULL,
      deleted SMALLINT NOT NULL DEFAULT 0,
      UNIQUE (category_id, name)
    )`,
    `CREATE TABLE items (
      id ${id},
      subcategory_id BIGINT NOT NULL REFERENCES subcategories (id),
      price ${amount} NOT NULL,
      currency TEXT NOT NULL,
      description TEXT NOT NULL,
      private_data TEXT NOT NULL,
      sold SMALLINT NOT NULL DEFAULT 0,
      is_new SMALLINT NOT NULL DEFAULT 1,
      created_at BIGINT NOT NULL
    )`,
    `CREATE INDEX items_stock ON items (subcategory_id, sold, id)`,
    `CREATE INDEX items_new ON items (is_new) WHERE is_new = 1`,
    `CREATE TABLE cart_lines (
      user_id BIGINT NOT NULL REFERENCES users (id),
      subcategory_id BIGINT NOT NULL,
      quantity INTEGER NOT NULL,
      position BIGINT NOT NULL,
      PRIMARY KEY (user_id, subcategory_id)
    )`,
    `CREATE TABLE buys (
      id ${id},
      user_id BIGINT NOT NULL REFERENCES users (id),
      checkout_key TEXT NOT NULL UNIQUE,
      total ${amount} NOT NULL,
      currency TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      refunded_at BIGINT
    )`,
    `CREATE INDEX buys_user ON buys (user_id, id)`,
    `CREATE INDEX buys_created ON buys (created_at)`,
    `CREATE TABLE buy_items (
      buy_id BIGINT NOT NULL REFERENCES buys (id),
      position INTEGER NOT NULL,
      item_id BIGINT NOT NULL UNIQUE REFERENCES items (id),
      subcategory_id BIGINT NOT NULL,
      category_name TEXT NOT NULL,
      subcategory_name TEXT NOT NULL,
      description TEXT NOT NULL,
      price ${amount} NOT NULL,
      currency TEXT NOT NULL,
      private_data TEXT NOT NULL,
      PRIMARY KEY (buy_id, position)
    )`,
    `CREATE TABLE payments (
      id ${id},
      user_id BIGINT NOT NULL REFERENCES users (id),
      asset TEXT NOT NULL,
      address TEXT NOT NULL,
      fiat_amount ${amount},
      fiat_currency TEXT,
      crypto_units ${amount},
      status TEXT NOT NULL,
      provider TEXT NOT NULL,
      external_id TEXT,
      secret TEXT,
      created_at BIGINT NOT NULL,
      expires_at BIGINT NOT NULL,
      settled_at BIGINT,
      UNIQUE (provider, external_id)
    )`,
    `CREATE INDEX payments_pending ON payments (status, expires_at)`,
    `CREATE INDEX payments_user ON payments (user_id, status)`,
    `CREATE TABLE deposits (
      id ${id},
      source_key TEXT NOT NULL UNIQUE,
      user_id BIGINT NOT NULL REFERENCES users (id),
      payment_id BIGINT REFERENCES payments (id),
      source_kind TEXT NOT NULL,
      asset TEXT NOT NULL,
      txid TEXT,
      output_index INTEGER,
      provider TEXT,
      external_id TEXT,
      units ${amount} NOT NULL,
      fiat ${amount} NOT NULL,
      currency TEXT NOT NULL,
      rate TEXT NOT NULL,
      created_at BIGINT NOT NULL
    )`,
    `CREATE INDEX deposits_user ON deposits (user_id, id)`,
    `CREATE INDEX deposits_created ON deposits (created_at)`,
    `CREATE TABLE withdrawals (
      id ${id},
      idempotency_key TEXT NOT NULL UNIQUE,
      asset TEXT NOT NULL,
      destination TEXT NOT NULL,
      scope TEXT NOT NULL,
      total ${amount} NOT NULL,
      network_fee ${amount} NOT NULL,
      service_fee ${amount} NOT NULL,
      receiving ${amount} NOT NULL,
      tx_ids TEXT NOT NULL,
      admin TEXT NOT NULL,
      created_at BIGINT NOT NULL
    )`,
    // One row that an SQLite transaction writes first, so that it takes the write lock at once.
    `CREATE TABLE write_lock (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)`,
    `INSERT INTO write_lock (id, n) VALUES (1, 0)`
  ]
  for (const statement of ddl) yield* sql.unsafe(statement)
})
