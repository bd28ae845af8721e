import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import { columnTypes } from "./columns.js"

/**
 * Self-custody deposits: each buyer's deposit index and addresses, imported address pools (Solana),
 * every chain payment seen to a buyer's address, and each chain watcher's cursor and health.
 */
export default Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const { amount, id, pg } = columnTypes(sql)
  const ddl = [
    // idx: the buyer's derivation index, given once and never again (UNIQUE); PostgreSQL draws it from
    // a sequence, SQLite takes MAX + 1 under its write lock.
    `CREATE TABLE deposit_indexes (
      user_id BIGINT PRIMARY KEY REFERENCES users (id),
      idx BIGINT NOT NULL UNIQUE
    )`,
    ...(pg ? ["CREATE SEQUENCE deposit_index_seq MINVALUE 0 START WITH 0"] : []),
    `CREATE TABLE deposit_addresses (
      id ${id},
      user_id BIGINT NOT NULL REFERENCES users (id),
      network TEXT NOT NULL,
      idx BIGINT NOT NULL,
      address TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      watch_until BIGINT NOT NULL,
      mark TEXT,
      UNIQUE (user_id, network),
      UNIQUE (network, address)
    )`,
    `CREATE INDEX deposit_addresses_watch ON deposit_addresses (network, watch_until)`,
    `CREATE TABLE address_pool (
      id ${id},
      network TEXT NOT NULL,
      address TEXT NOT NULL,
      user_id BIGINT REFERENCES users (id),
      UNIQUE (network, address)
    )`,
    `CREATE INDEX address_pool_free ON address_pool (network, user_id, id)`,
    `CREATE TABLE chain_deposits (
      id ${id},
      chain_key TEXT NOT NULL UNIQUE,
      asset TEXT NOT NULL,
      txid TEXT NOT NULL,
      output_index BIGINT NOT NULL,
      user_id BIGINT NOT NULL REFERENCES users (id),
      address TEXT NOT NULL,
      units ${amount} NOT NULL,
      status TEXT NOT NULL,
      confirmations BIGINT NOT NULL,
      final SMALLINT NOT NULL,
      block_height BIGINT,
      block_hash TEXT,
      deposit_id BIGINT REFERENCES deposits (id),
      holds INTEGER NOT NULL,
      settled SMALLINT NOT NULL,
      first_seen_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL
    )`,
    `CREATE INDEX chain_deposits_open ON chain_deposits (asset, settled, status, id)`,
    `CREATE INDEX chain_deposits_height ON chain_deposits (asset, block_height)`,
    `CREATE INDEX chain_deposits_user ON chain_deposits (user_id, id)`,
    `CREATE INDEX chain_deposits_status ON chain_deposits (status, id)`,
    `CREATE TABLE chain_watchers (
      name TEXT PRIMARY KEY,
      cursor TEXT,
      height BIGINT,
      last_error TEXT,
      last_error_at BIGINT,
      updated_at BIGINT NOT NULL
    )`
  ]
  for (const statement of ddl) yield* sql.unsafe(statement)
})
