/**
 * Per-payment callback secrets derived from one master key, so that none is stored.
 *
 * KryptoExpress takes `callbackUrl` and `callbackSecret` together when a payment is created, before
 * its id or hash exist. So each payment gets a random reference of ours, put at the end of its
 * callback URL's path; its secret is HMAC-SHA256(master, reference). A callback's signature can then
 * be checked from the URL alone, before the body is parsed, looked up or logged: a forged callback
 * costs no database work and learns nothing about which payments exist.
 */
import { createHmac, randomBytes } from "node:crypto"
import * as Context from "effect/Context"
import * as Redacted from "effect/Redacted"

/** The master key (from KRYPTOEXPRESS_CALLBACK_KEY, or derived from the API key). */
export class CallbackKey extends Context.Tag("@tokenshop/adapters-krypto/CallbackKey")<CallbackKey, Redacted.Redacted<string>>() {}

const REFERENCE = /^[A-Za-z0-9_-]{24}$/

/** A fresh reference: 18 random bytes, base64url (24 characters, safe in a URL path). */
export const newReference = (): string => randomBytes(18).toString("base64url")

export const isReference = (text: string): boolean => REFERENCE.test(text)

/** The callback secret of the payment whose callback URL ends in `reference`. */
export const callbackSecret = (master: Redacted.Redacted<string>, reference: string): string =>
  createHmac("sha256", Redacted.value(master)).update(`tokenshop/kryptoexpress-callback/v1:${reference}`).digest("hex")

/** A master key for shops that set none: derived from the API key (changing that key then changes it too). */
export const masterFromApiKey = (apiKey: Redacted.Redacted<string>): Redacted.Redacted<string> =>
  Redacted.make(createHmac("sha256", Redacted.value(apiKey)).update("tokenshop/kryptoexpress-callback-master/v1").digest("hex"))
