import * as SqlClient from "@effect/sql/SqlClient"
import { type DepositAddress, DepositAddressRepo, type Network, TelegramId } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { int, isPg, millis, time, trusted } from "./internal/rows.js"
import { queries } from "./internal/run.js"
import { makeTransaction } from "./internal/transaction.js"

interface AddressRow {
  readonly id: unknown
  readonly user_id: unknown
  readonly network: string
  readonly idx: unknown
  readonly address: string
  readonly created_at: unknown
  readonly watch_until: unknown
  readonly mark: string | null
}

const toAddress = (r: AddressRow): DepositAddress => ({
  id: int(r.id),
  user: TelegramId.make(int(r.user_id), trusted),
  network: r.network as Network,
  index: int(r.idx),
  address: r.address,
  createdAt: time(r.created_at),
  watchUntil: time(r.watch_until),
  mark: r.mark
})
const first = (rows: ReadonlyArray<AddressRow>) => Option.map(Option.fromNullable(rows[0]), toAddress)

export const SqlDepositAddressRepo = Layer.effect(DepositAddressRepo, Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const q = queries(sql)
  const atomically = makeTransaction(sql)
  const pg = isPg(sql)
  const find = (user: TelegramId, network: Network) =>
    Effect.map(q<AddressRow>`SELECT * FROM deposit_addresses WHERE user_id = ${user} AND network = ${network}`, first)
  const insert = (a: Omit<DepositAddress, "id" | "mark">) =>
    Effect.gen(function*() {
      const [row] = yield* q<AddressRow>`INSERT INTO deposit_addresses (user_id, network, idx, address, created_at, watch_until)
        VALUES (${a.user}, ${a.network}, ${a.index}, ${a.address}, ${millis(a.createdAt)}, ${millis(a.watchUntil)})
        ON CONFLICT (user_id, network) DO NOTHING RETURNING *`
      if (row !== undefined) return toAddress(row)
      return Option.getOrThrow(yield* find(a.user, a.network))
    })

  return DepositAddressRepo.of({
    indexOf: (user) =>
      atomically(Effect.gen(function*() {
        const [known] = yield* q<{ idx: unknown }>`SELECT idx FROM deposit_indexes WHERE user_id = ${user}`
        if (known !== undefined) return int(known.idx)
        const [row] = pg
          ? yield* q<{ idx: unknown }>`INSERT INTO deposit_indexes (user_id, idx) VALUES (${user}, nextval('deposit_index_seq')) RETURNING idx`
          : yield* q<{ idx: unknown }>`INSERT INTO deposit_indexes (user_id, idx)
              SELECT ${user}, COALESCE(MAX(idx) + 1, 0) FROM deposit_indexes RETURNING idx`
        return int(row!.idx)
      })).pipe(Effect.orDie),
    find: (user, network) => Effect.orDie(find(user, network)),
    forUser: (user) =>
      q<AddressRow>`SELECT * FROM deposit_addresses WHERE user_id = ${user} ORDER BY id`.pipe(Effect.map((rows) => rows.map(toAddress)), Effect.orDie),
    save: (a) => atomically(insert(a)).pipe(Effect.orDie),
    byAddress: (network, address) =>
      Effect.orDie(Effect.map(q<AddressRow>`SELECT * FROM deposit_addresses WHERE network = ${network} AND address = ${address}`, first)),
    watch: (user, until) =>
      q`UPDATE deposit_addresses SET watch_until = ${millis(until)} WHERE user_id = ${user} AND watch_until < ${millis(until)}`.pipe(
        Effect.asVoid,
        Effect.orDie
      ),
    watched: (network, at) =>
      q<AddressRow>`SELECT * FROM deposit_addresses WHERE network = ${network} AND watch_until > ${millis(at)} ORDER BY id`.pipe(
        Effect.map((rows) => rows.map(toAddress)),
        Effect.orDie
      ),
    list: (network, after, limit) =>
      q<AddressRow>`SELECT * FROM deposit_addresses WHERE network = ${network} AND id > ${after} ORDER BY id LIMIT ${limit}`.pipe(
        Effect.map((rows) => rows.map(toAddress)),
        Effect.orDie
      ),
    count: (network) =>
      q<{ n: unknown }>`SELECT COUNT(*) AS n FROM deposit_addresses WHERE network = ${network}`.pipe(Effect.map(([r]) => int(r?.n ?? 0)), Effect.orDie),
    setMark: (network, address, mark) =>
      q`UPDATE deposit_addresses SET mark = ${mark} WHERE network = ${network} AND address = ${address}`.pipe(Effect.asVoid, Effect.orDie),
    addToPool: (network, addresses) =>
      atomically(Effect.gen(function*() {
        let added = 0
        for (const address of addresses) {
          const [taken] = yield* q`SELECT 1 AS x FROM deposit_addresses WHERE network = ${network} AND address = ${address}`
          if (taken !== undefined) continue
          const rows = yield* q`INSERT INTO address_pool (network, address) VALUES (${network}, ${address}) ON CONFLICT (network, address) DO NOTHING RETURNING id`
          added += rows.length
        }
        return { added, skipped: addresses.length - added }
      })).pipe(Effect.orDie),
    takeFromPool: (user, network, at, watchUntil) =>
      atomically(Effect.gen(function*() {
        const existing = yield* find(user, network)
        if (Option.isSome(existing)) return existing
        const [free] = pg
          ? yield* q<{ id: unknown; address: string }>`UPDATE address_pool SET user_id = ${user} WHERE id = (
              SELECT id FROM address_pool WHERE network = ${network} AND user_id IS NULL ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
            ) RETURNING id, address`
          : yield* q<{ id: unknown; address: string }>`UPDATE address_pool SET user_id = ${user} WHERE id = (
              SELECT id FROM address_pool WHERE network = ${network} AND user_id IS NULL ORDER BY id LIMIT 1
            ) RETURNING id, address`
        if (free === undefined) return Option.none<DepositAddress>()
        return Option.some(yield* insert({ user, network, index: int(free.id), address: free.address, createdAt: at, watchUntil }))
      })).pipe(Effect.orDie),
    poolLeft: (network) =>
      q<{ n: unknown }>`SELECT COUNT(*) AS n FROM address_pool WHERE network = ${network} AND user_id IS NULL`.pipe(
        Effect.map(([r]) => int(r?.n ?? 0)),
        Effect.orDie
      )
  })
}))
