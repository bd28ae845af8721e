/**
 * KryptoExpress signs each callback: `X-Signature` is the lowercase hex HMAC-SHA512 of the compact
 * JSON body under the payment's callback secret.
 *
 * The check runs over the bytes as received, then over the same bytes with insignificant whitespace
 * removed (a proxy may have pretty-printed them). It never parses and re-serializes: that would
 * rewrite numbers such as `100.0` or `1e-07` and break honest signatures. Comparison is constant-time.
 */
import { createHmac, timingSafeEqual } from "node:crypto"

export const sign = (secret: string, body: Uint8Array | string): string =>
  createHmac("sha512", secret).update(body).digest("hex")

const SPACE = 0x20, TAB = 0x09, LF = 0x0a, CR = 0x0d, QUOTE = 0x22, BACKSLASH = 0x5c

/** The body without whitespace outside strings; string contents (and escapes) are kept byte for byte. */
export const compactJson = (body: Uint8Array): Uint8Array => {
  const out = new Uint8Array(body.length)
  let n = 0
  let inString = false
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!
    if (inString) {
      out[n++] = b
      if (b === BACKSLASH && i + 1 < body.length) out[n++] = body[++i]!
      else if (b === QUOTE) inString = false
    } else if (b === QUOTE) {
      inString = true
      out[n++] = b
    } else if (b !== SPACE && b !== TAB && b !== LF && b !== CR) {
      out[n++] = b
    }
  }
  return out.subarray(0, n)
}

const HEX_SHA512 = /^[0-9a-fA-F]{128}$/

const matches = (secret: string, body: Uint8Array, expected: Buffer) =>
  timingSafeEqual(createHmac("sha512", secret).update(body).digest(), expected)

/** True when `signature` signs `body` (as received, or compacted) under `secret`. */
export const verifySignature = (body: Uint8Array, signature: string | undefined, secret: string): boolean => {
  if (signature === undefined || secret === "") return false
  const trimmed = signature.trim()
  if (!HEX_SHA512.test(trimmed)) return false
  const expected = Buffer.from(trimmed, "hex")
  if (matches(secret, body, expected)) return true
  const compact = compactJson(body)
  return compact.length !== body.length && matches(secret, compact, expected)
}
