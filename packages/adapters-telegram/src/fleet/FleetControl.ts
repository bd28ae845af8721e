/**
 * What the manager bot's admin commands (/add, /bots, /remove) may do with the shop fronts: the
 * checks that need Telegram (the token is asked to getMe before it is stored) and starting or stopping
 * a child at once in this process. The rules themselves (admins only, one front per bot) are the
 * domain's ShopFronts.
 */
import type { AdminRef, BotId, NotAdmin, ShopFront, ShopFrontExists, ShopFrontNotFound } from "@tokenshop/domain"
import * as Data from "effect/Data"
import type * as Effect from "effect/Effect"

/** Not shaped like a token from @BotFather (digits, a colon, then 30 or more of A-Z a-z 0-9 _ -). */
export class BadToken extends Data.TaggedError("BadToken")<{}> {}
/** Telegram does not know the token (revoked, or mistyped). */
export class TokenRejected extends Data.TaggedError("TokenRejected")<{}> {}
/** The manager's own token: it already runs. */
export class IsManager extends Data.TaggedError("IsManager")<{}> {}
/** Telegram could not be asked (network, 5xx): nothing was stored. */
export class TelegramUnreachable extends Data.TaggedError("TelegramUnreachable")<{ readonly reason: string }> {}

export type AddFailure = BadToken | TokenRejected | IsManager | TelegramUnreachable | NotAdmin | ShopFrontExists

/** A token's shape: the bot's id, a colon, the secret part. Checked before Telegram is asked. */
export const TOKEN = /^(\d{1,20}):[A-Za-z0-9_-]{30,100}$/

/** The bot id a token names (its public part); undefined for a malformed token. */
export const botIdOf = (token: string): number | undefined => {
  const match = TOKEN.exec(token)
  return match === null ? undefined : Number(match[1])
}

export interface FleetControl {
  /** Checks the token with getMe, stores it (sealed at rest when a goods key is set) and starts the bot. */
  readonly add: (admin: AdminRef, token: string) => Effect.Effect<ShopFront, AddFailure>
  /** Stops the bot and forgets its token. */
  readonly remove: (admin: AdminRef, id: BotId) => Effect.Effect<ShopFront, NotAdmin | ShopFrontNotFound>
  /** Every shop front, oldest first. */
  readonly list: Effect.Effect<ReadonlyArray<ShopFront>>
}
