import * as SqlClient from "@effect/sql/SqlClient"
import {
  type ChainDeposit, ChainDepositRepo, ChainDepositStatus, chainKeyText, DepositId, TelegramId, type WatcherState, WatcherRepo
} from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { amountText, big, bit, decodeAsset, flag, int, millis, nullable, oneOf, paged, time, trusted, TOTAL, type WithTotal } from "./internal/rows.js"
import { queries } from "./internal/run.js"

interface ChainRow {
  readonly id: unknown
  readonly asset: string
  readonly txid: string
  readonly output_index: unknown
  readonly user_id: unknown
  readonly address: string
  readonly units: unknown
  readonly status: string
  readonly confirmations: unknown
  readonly final: unknown
  readonly block_height: unknown
  readonly block_hash: string | null
  readonly deposit_id: unknown
  readonly holds: unknown
  readonly settled: unknown
  readonly first_seen_at: unknown
  readonly updated_at: unknown
}

const decodeChainStatus = oneOf(ChainDepositStatus.literals)

const toChainDeposit = (r: ChainRow): ChainDeposit => ({
  id: int(r.id),
  asset: decodeAsset(r.asset),
  txid: r.txid,
  index: int(r.output_index),
  user: TelegramId.make(int(r.user_id), trusted),
  address: r.address,
  units: big(r.units),
  status: decodeChainStatus(r.status),
  confirmations: int(r.confirmations),
  final: flag(r.final),
  blockHeight: nullable(r.block_height, int),
  blockHash: r.block_hash,
  depositId: nullable(r.deposit_id, (v) => DepositId.make(int(v), trusted)),
  holds: int(r.holds),
  settled: flag(r.settled),
  firstSeenAt: time(r.first_seen_at),
  updatedAt: time(r.updated_at)
})

export const SqlChainDepositRepo = Layer.effect(ChainDepositRepo, Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const q = queries(sql)
  const list = (rows: Effect.Effect<ReadonlyArray<ChainRow>, unknown>) => rows.pipe(Effect.map((r) => r.map(toChainDeposit)), Effect.orDie)
  return ChainDepositRepo.of({
    get: (key) =>
      q<ChainRow>`SELECT * FROM chain_deposits WHERE chain_key = ${chainKeyText(key)}`.pipe(
        Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), toChainDeposit)),
        Effect.orDie
      ),
    put: (d) =>
      q<ChainRow>`INSERT INTO chain_deposits (chain_key, asset, txid, output_index, user_id, address, units, status, confirmations,
          final, block_height, block_hash, deposit_id, holds, settled, first_seen_at, updated_at)
        VALUES (${chainKeyText(d)}, ${d.asset}, ${d.txid}, ${d.index}, ${d.user}, ${d.address}, ${amountText(d.units)}, ${d.status},
          ${d.confirmations}, ${bit(d.final)}, ${d.blockHeight}, ${d.blockHash}, ${d.depositId}, ${d.holds}, ${bit(d.settled)},
          ${millis(d.firstSeenAt)}, ${millis(d.updatedAt)})
        ON CONFLICT (chain_key) DO UPDATE SET status = excluded.status, confirmations = excluded.confirmations,
          final = excluded.final, block_height = excluded.block_height, block_hash = excluded.block_hash,
          deposit_id = excluded.deposit_id, holds = excluded.holds, settled = excluded.settled, updated_at = excluded.updated_at
        RETURNING *`.pipe(Effect.map((rows) => toChainDeposit(rows[0]!)), Effect.orDie),
    open: (asset, page) =>
      list(q<ChainRow>`SELECT * FROM chain_deposits WHERE asset = ${asset} AND settled = 0 AND id > ${page.after}
        AND status IN ('pending', 'waiting_price', 'held', 'credited')
        AND NOT (status = 'held' AND block_height IS NULL AND updated_at < ${millis(page.heldSince)}) ORDER BY id LIMIT ${page.limit}`),
    inBlocksFrom: (asset, height) =>
      list(q<ChainRow>`SELECT * FROM chain_deposits WHERE asset = ${asset} AND block_height >= ${height} ORDER BY id`),
    withStatus: (status, limit) => list(q<ChainRow>`SELECT * FROM chain_deposits WHERE status = ${status} ORDER BY id LIMIT ${limit}`),
    byUser: (user, asset, page) =>
      paged(
        page,
        asset === null
          ? q<WithTotal<ChainRow>>`SELECT *, ${sql.literal(TOTAL)} FROM chain_deposits WHERE user_id = ${user} ORDER BY id DESC LIMIT ${page.limit} OFFSET ${page.offset}`
          : q<WithTotal<ChainRow>>`SELECT *, ${sql.literal(TOTAL)} FROM chain_deposits WHERE user_id = ${user} AND asset = ${asset} ORDER BY id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
        asset === null
          ? q<{ n: unknown }>`SELECT COUNT(*) AS n FROM chain_deposits WHERE user_id = ${user}`
          : q<{ n: unknown }>`SELECT COUNT(*) AS n FROM chain_deposits WHERE user_id = ${user} AND asset = ${asset}`,
        toChainDeposit
      ).pipe(Effect.orDie),
    recent: (page) =>
      paged(
        page,
        q<WithTotal<ChainRow>>`SELECT *, ${sql.literal(TOTAL)} FROM chain_deposits ORDER BY id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
        q<{ n: unknown }>`SELECT COUNT(*) AS n FROM chain_deposits`,
        toChainDeposit
      ).pipe(Effect.orDie)
  })
}))

interface WatcherRow {
  readonly name: string
  readonly cursor: string | null
  readonly height: unknown
  readonly last_error: string | null
  readonly last_error_at: unknown
  readonly updated_at: unknown
}

const toWatcher = (r: WatcherRow): WatcherState => ({
  name: r.name,
  cursor: r.cursor,
  height: nullable(r.height, int),
  lastError: r.last_error,
  lastErrorAt: nullable(r.last_error_at, time),
  updatedAt: time(r.updated_at)
})

export const SqlWatcherRepo = Layer.effect(WatcherRepo, Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const q = queries(sql)
  return WatcherRepo.of({
    get: (name) =>
      q<WatcherRow>`SELECT * FROM chain_watchers WHERE name = ${name}`.pipe(
        Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), toWatcher)),
        Effect.orDie
      ),
    saveCursor: (name, cursor, height, at) =>
      q`INSERT INTO chain_watchers (name, cursor, height, updated_at) VALUES (${name}, ${cursor}, ${height}, ${millis(at)})
        ON CONFLICT (name) DO UPDATE SET cursor = excluded.cursor, height = COALESCE(excluded.height, chain_watchers.height),
          updated_at = excluded.updated_at`.pipe(Effect.asVoid, Effect.orDie),
    recordError: (name, error, at) =>
      q`INSERT INTO chain_watchers (name, last_error, last_error_at, updated_at) VALUES (${name}, ${error}, ${error === null ? null : millis(at)}, ${millis(at)})
        ON CONFLICT (name) DO UPDATE SET last_error = excluded.last_error,
          last_error_at = COALESCE(excluded.last_error_at, chain_watchers.last_error_at), updated_at = excluded.updated_at`.pipe(
        Effect.asVoid,
        Effect.orDie
      ),
    list: q<WatcherRow>`SELECT * FROM chain_watchers ORDER BY name`.pipe(Effect.map((rows) => rows.map(toWatcher)), Effect.orDie)
  })
}))
