/**
 * Delivered goods (`private_data` of items and purchases), and the shop fronts' bot tokens, encrypted at rest with AES-256-GCM: a fresh
 * 12-byte nonce per value, the key's id stored beside it, so that a database file, a dump or a backup
 * shows no goods in clear, and keys can be rotated while the shop runs (`rotateGoods`).
 *
 * Stored form: `enc1:{key id}:{base64url(nonce ‖ ciphertext ‖ tag)}`; the key id is the first 8 hex
 * digits of SHA-256 of the key. Values written before a key was configured stay readable as they
 * are until rotated. Opening storage that holds goods under a key it was not given fails at once,
 * naming the key id: the shop never starts with goods it cannot deliver. The ids in use are kept in
 * `goods_key_ids`: a key's id is added when it first seals a value (or when it is made for the shop,
 * see `GoodsCipherLive`), and dropped by a rotation that leaves nothing under it.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto"
import * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { GoodsStore } from "@tokenshop/domain"
import { queries } from "./internal/run.js"
import { afterCommit, makeTransaction } from "./internal/transaction.js"
import { StorageUnavailable } from "./StorageError.js"

/** 32-byte keys, each written as 64 hex digits: the current one encrypts, older ones still decrypt. */
export interface GoodsKeys {
  readonly current: Redacted.Redacted<string>
  readonly previous?: ReadonlyArray<Redacted.Redacted<string>> | undefined
}

const PREFIX = "enc1:"

/** Sealing and opening stored values, without storage. */
export interface Cipher {
  /** The id of the key new values are sealed with; null when goods are kept in clear. */
  readonly currentId: string | null
  /** Whether a key with this id was given. */
  readonly knows: (id: string) => boolean
  readonly seal: (plain: string) => string
  /** Clear text of a stored value; a value under an unknown key or altered is a defect (checked at start). */
  readonly open: (stored: string) => string
  /**
   * A fingerprint of a clear value, equal for equal values: `d1:{key id}:{HMAC-SHA-256, 128 bits}`
   * under a key derived from the current one (so a stolen file does not let anyone test guesses), or
   * `d1:plain:{SHA-256, 128 bits}` when goods are kept in clear. Values fingerprinted under another
   * key do not start with `digestPrefix`.
   */
  readonly digest: (plain: string) => string
  readonly digestPrefix: string
  /** Every key given, by id (the current one too), for keys derived from them (the money log's, see audit/MoneyLogKey.ts). */
  readonly ring: ReadonlyMap<string, Buffer>
}

export class GoodsCipher extends Context.Tag("@tokenshop/adapters-sql/GoodsCipher")<GoodsCipher, Cipher & {
  /**
   * Records the current key's id in `goods_key_ids`; run it in the transaction that stores what `seal`
   * returns. Once that has committed, it does nothing for the rest of the process.
   */
  readonly recordKey: Effect.Effect<void, SqlError>
}>() {}

export const keyBytes = (key: Redacted.Redacted<string>): Buffer => {
  const hex = Redacted.value(key).trim()
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error("a goods key must be 64 hex digits (32 bytes), e.g. from `openssl rand -hex 32`")
  return Buffer.from(hex, "hex")
}
export const keyId = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex").slice(0, 8)

/** The cipher over `keys`, or the identity when none is given (goods kept as they are). */
export const makeGoodsCipher = (keys: GoodsKeys | undefined): Cipher => {
  const ring = new Map<string, Buffer>()
  const current = keys === undefined ? null : keyBytes(keys.current)
  for (const k of keys === undefined ? [] : [keys.current, ...(keys.previous ?? [])]) {
    const bytes = keyBytes(k)
    ring.set(keyId(bytes), bytes)
  }
  const currentId = current === null ? null : keyId(current)
  const digestKey = current === null ? null : createHash("sha256").update("tokenshop item digest\u0000").update(current).digest()
  const digestPrefix = `d1:${currentId ?? "plain"}:`
  return {
    currentId,
    digestPrefix,
    ring,
    digest: (plain) =>
      digestPrefix + (digestKey === null ? createHash("sha256") : createHmac("sha256", digestKey)).update(plain, "utf8").digest("hex").slice(0, 32),
    knows: (id) => ring.has(id),
    seal: (plain) => {
      if (current === null) return plain
      const nonce = randomBytes(12)
      const cipher = createCipheriv("aes-256-gcm", current, nonce)
      const body = Buffer.concat([nonce, cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()])
      return `${PREFIX}${currentId}:${body.toString("base64url")}`
    },
    open: (stored) => {
      if (!stored.startsWith(PREFIX)) return stored
      const id = stored.slice(PREFIX.length, PREFIX.length + 8)
      const key = ring.get(id)
      if (key === undefined) throw new Error(`goods encrypted with key ${id}, which is not configured`)
      const body = Buffer.from(stored.slice(PREFIX.length + 9), "base64url")
      const decipher = createDecipheriv("aes-256-gcm", key, body.subarray(0, 12))
      decipher.setAuthTag(body.subarray(body.length - 16))
      return Buffer.concat([decipher.update(body.subarray(12, body.length - 16)), decipher.final()]).toString("utf8")
    }
  }
}

/**
 * Chooses the goods key when none is configured, given the ids of the keys the stored goods use
 * (none: the shop holds nothing sealed yet): e.g. a key kept in a file, made when there is none.
 * Undefined: no key (goods kept in clear; refused when some are sealed).
 */
export type ChooseGoodsKey = (inUse: ReadonlyArray<string>) => Effect.Effect<GoodsKeys | undefined, StorageUnavailable>

/**
 * The cipher, after checking that every key the stored goods use was given. Without `keys`, `choose`
 * (when given) runs in a transaction; a key it gives while no id is in use is recorded in that same
 * transaction, so that another process sharing the database but not the key finds it in use and
 * refuses to start, rather than making a key of its own.
 */
export const GoodsCipherLive = (keys: GoodsKeys | undefined, choose?: ChooseGoodsKey) =>
  Layer.effect(GoodsCipher, Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const q = queries(sql)
    const ids = Effect.map(q<{ id: string }>`SELECT id FROM goods_key_ids`, (rows) => rows.map((r) => r.id))
    let given = keys
    let inUse: ReadonlyArray<string> = yield* ids.pipe(Effect.orDie)
    if (given === undefined && choose !== undefined) {
      ;[given, inUse] = yield* makeTransaction(sql)(Effect.gen(function*() {
        const found = yield* ids
        const chosen = yield* choose(found)
        if (chosen === undefined || found.length > 0) return [chosen, found] as const
        const id = keyId(keyBytes(chosen.current))
        yield* q`INSERT INTO goods_key_ids (id) VALUES (${id})`
        return [chosen, [id]] as const
      })).pipe(Effect.catchTag("SqlError", Effect.die))
    }
    const cipher = yield* Effect.try({
      try: () => makeGoodsCipher(given),
      catch: (e) => new StorageUnavailable({ reason: "goods_key", message: (e as Error).message })
    })
    const missing = inUse.filter((id) => !cipher.knows(id))
    if (missing.length > 0) {
      return yield* new StorageUnavailable({
        reason: "goods_key",
        message: `the stored goods are encrypted with key ${missing.join(", ")}, which was not given: the goods key is missing or wrong`
      })
    }
    let recorded = cipher.currentId === null || inUse.includes(cipher.currentId)
    const recordKey = Effect.suspend(() =>
      recorded ? Effect.void : q`INSERT INTO goods_key_ids (id) VALUES (${cipher.currentId}) ON CONFLICT DO NOTHING`.pipe(
        Effect.zipRight(afterCommit(() => { recorded = true }))
      ))
    return GoodsCipher.of({ ...cipher, recordKey })
  }))

/** Re-seals stored goods (and shop front tokens) under the current key, `limit` rows of each table per call, each call one transaction. */
export const SqlGoodsStore = Layer.effect(GoodsStore, Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const goods = yield* GoodsCipher
  const q = queries(sql)
  const atomically = makeTransaction(sql)
  const sealed = `${PREFIX}${goods.currentId ?? ""}:%`
  return GoodsStore.of({
    reseal: (limit) =>
      goods.currentId === null ? Effect.succeed(0) : atomically(Effect.gen(function*() {
        const items = yield* q<{ id: unknown; private_data: string }>`SELECT id, private_data FROM items WHERE private_data NOT LIKE ${sealed} LIMIT ${limit}`
        for (const r of items) yield* q`UPDATE items SET private_data = ${goods.seal(goods.open(r.private_data))} WHERE id = ${r.id}`
        const bought = yield* q<{ buy_id: unknown; position: unknown; private_data: string }>`
          SELECT buy_id, position, private_data FROM buy_items WHERE private_data NOT LIKE ${sealed} LIMIT ${limit}`
        const tokens = yield* q<{ id: unknown; token: string }>`SELECT id, token FROM shop_fronts WHERE token NOT LIKE ${sealed} LIMIT ${limit}`
        const n = items.length + bought.length + tokens.length
        // Values to seal: the current key is in use. None: no other key is any more.
        if (n > 0) yield* goods.recordKey
        else yield* q`DELETE FROM goods_key_ids WHERE id <> ${goods.currentId}`
        for (const r of bought) {
          yield* q`UPDATE buy_items SET private_data = ${goods.seal(goods.open(r.private_data))} WHERE buy_id = ${r.buy_id} AND position = ${r.position}`
        }
        for (const r of tokens) yield* q`UPDATE shop_fronts SET token = ${goods.seal(goods.open(r.token))} WHERE id = ${r.id}`
        return n
      }).pipe(Effect.orDie))
  })
}))
