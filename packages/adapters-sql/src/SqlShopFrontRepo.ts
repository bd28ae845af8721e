import * as SqlClient from "@effect/sql/SqlClient"
import { BotId, type ShopFront, ShopFrontRepo } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { GoodsCipher } from "./GoodsCipher.js"
import { int, millis, nullable, oneOf, time, trusted } from "./internal/rows.js"
import { queries } from "./internal/run.js"
import { makeTransaction } from "./internal/transaction.js"

interface FrontRow {
  readonly id: unknown
  readonly username: string
  readonly name: string
  readonly status: string
  readonly stopped_reason: string | null
  readonly added_by: string
  readonly added_at: unknown
  readonly last_update_at: unknown
}

const decodeStatus = oneOf(["running", "stopped"] as const)
/** Every column but the token, which only `token` reads. */
const COLUMNS = "id, username, name, status, stopped_reason, added_by, added_at, last_update_at"

const toFront = (r: FrontRow): ShopFront => ({
  id: BotId.make(int(r.id), trusted),
  username: r.username,
  name: r.name,
  status: decodeStatus(r.status),
  stoppedReason: r.stopped_reason,
  addedBy: r.added_by,
  addedAt: time(r.added_at),
  lastUpdateAt: nullable(r.last_update_at, time)
})

/** Shop fronts; their tokens sealed with the goods key (kept in clear without one), like delivered goods. */
export const SqlShopFrontRepo = Layer.effect(ShopFrontRepo, Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const goods = yield* GoodsCipher
  const q = queries(sql)
  const atomically = makeTransaction(sql)
  const columns = sql.literal(COLUMNS)
  const find = (id: BotId) =>
    q<FrontRow>`SELECT ${columns} FROM shop_fronts WHERE id = ${id}`.pipe(Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), toFront)))
  return ShopFrontRepo.of({
    save: (f, token) =>
      atomically(Effect.gen(function*() {
        yield* goods.recordKey
        yield* q`
          INSERT INTO shop_fronts (id, username, name, token, status, stopped_reason, added_by, added_at, last_update_at)
          VALUES (${f.id}, ${f.username}, ${f.name}, ${goods.seal(Redacted.value(token))}, ${f.status}, ${f.stoppedReason}, ${f.addedBy},
            ${millis(f.addedAt)}, ${f.lastUpdateAt === null ? null : millis(f.lastUpdateAt)})
          ON CONFLICT (id) DO UPDATE SET username = excluded.username, name = excluded.name, token = excluded.token,
            added_by = excluded.added_by, added_at = excluded.added_at, status = 'running', stopped_reason = NULL`
      })).pipe(Effect.orDie, Effect.withSpan("SqlShopFrontRepo.save")),
    list: q<FrontRow>`SELECT ${columns} FROM shop_fronts ORDER BY added_at, id`.pipe(Effect.map((rows) => rows.map(toFront)), Effect.orDie),
    find: (id) => Effect.orDie(find(id)),
    token: (id) =>
      q<{ token: string }>`SELECT token FROM shop_fronts WHERE id = ${id}`.pipe(
        Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), (r) => Redacted.make(goods.open(r.token)))),
        Effect.orDie
      ),
    setStatus: (id, status, reason) =>
      q<FrontRow>`UPDATE shop_fronts SET status = ${status}, stopped_reason = ${reason} WHERE id = ${id} RETURNING ${columns}`.pipe(
        Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), toFront)),
        Effect.orDie
      ),
    touch: (id, at) => q`UPDATE shop_fronts SET last_update_at = ${millis(at)} WHERE id = ${id}`.pipe(Effect.asVoid, Effect.orDie),
    remove: (id) => q<{ id: unknown }>`DELETE FROM shop_fronts WHERE id = ${id} RETURNING id`.pipe(Effect.map((rows) => rows.length > 0), Effect.orDie)
  })
}))
