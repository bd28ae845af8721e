/**
 * The money log's key and its links. A record's link is the hash of the previous record's stored hash,
 * its position, its table and its content. Without a key that is SHA-256, stored as 64 hex digits, which
 * anyone who can write the database can recompute after an edit. With the goods key, it is an HMAC-SHA-256
 * under a key derived from it (HKDF-SHA-256, info "tokenshop money log v1"), stored as
 * `k1.{goods key id}.{64 hex digits}`: the key stays outside the database, so an edit cannot be
 * hidden. Each stored hash names how it was made, so a chain sealed before a key existed verifies as
 * it is, and a keyed chain goes on verifying after the goods key is rotated while the old key is still given.
 */
import { createHash, createHmac, hkdfSync } from "node:crypto"
import type { Cipher } from "../GoodsCipher.js"

const INFO = "tokenshop money log v1"
const KEYED = /^k1\.([0-9a-f]{8})\.[0-9a-f]{64}$/

export interface MoneyLogKeys {
  /** The id of the goods key new links are made with; null: unkeyed links. */
  readonly currentId: string | null
  /** The money log key derived from the goods key with this id, if it was given. */
  readonly byId: (id: string) => Buffer | undefined
  /** Whether any key was given at all. */
  readonly any: boolean
}

const derive = (goodsKey: Buffer) => Buffer.from(hkdfSync("sha256", goodsKey, Buffer.alloc(0), INFO, 32))

/** The money log keys derived from every goods key the cipher holds. */
export const moneyLogKeys = (cipher: Pick<Cipher, "currentId" | "ring">): MoneyLogKeys => {
  const keys = new Map([...cipher.ring].map(([id, key]) => [id, derive(key)] as const))
  return { currentId: cipher.currentId, byId: (id) => keys.get(id), any: keys.size > 0 }
}

/** No key: every link unkeyed (e.g. a copy's check, which compares two databases as they are). */
export const noMoneyLogKeys: MoneyLogKeys = { currentId: null, byId: () => undefined, any: false }

/** The goods key id a stored hash was made with, or null for an unkeyed one. */
export const keyOfHash = (stored: string): string | null => KEYED.exec(stored)?.[1] ?? null

/** The link after `previous` over `message`: unkeyed without `id`, else under the key with that id (which must be given). */
export const makeLink = (keys: MoneyLogKeys, id: string | null, previous: string, message: string): string => {
  const text = `${previous}\n${message}`
  if (id === null) return createHash("sha256").update(text).digest("hex")
  const key = keys.byId(id)
  if (key === undefined) throw new Error(`money log key ${id} is not given`)
  return `k1.${id}.${createHmac("sha256", key).update(text).digest("hex")}`
}
