/**
 * The Confirm button's payload binds it to what the screen showed: the cart's fingerprint, when it
 * was shown (seconds, base 36), and a few random letters. It doubles as the checkout's idempotency
 * key, so a double tap buys once. A payload that does not read back is a stale button.
 */
import { randomBytes } from "node:crypto"
import type { Confirmation } from "@tokenshop/domain"
import * as Option from "effect/Option"

export const confirmationNonce = (fingerprint: string, shownAt: Date): string =>
  `${fingerprint}-${Math.floor(shownAt.getTime() / 1000).toString(36)}-${randomBytes(3).toString("base64url")}`

export const readConfirmation = (nonce: string): Option.Option<Confirmation> => {
  const match = /^([0-9a-z]{1,14})-([0-9a-z]{1,8})-[A-Za-z0-9_-]{4}$/.exec(nonce)
  return match === null ? Option.none() : Option.some({ fingerprint: match[1]!, shownAt: new Date(Number.parseInt(match[2]!, 36) * 1000) })
}
