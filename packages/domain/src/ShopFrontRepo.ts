/**
 * Shop fronts: child Telegram bots that sell from the same shop as the owner's main bot (the
 * manager, whose token comes from the configuration and is not stored here).
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"

/** A bot's Telegram user id. */
export const BotId = Schema.Number.pipe(Schema.int(), Schema.positive(), Schema.brand("BotId"))
export type BotId = typeof BotId.Type

export const ShopFront = Schema.Struct({
  id: BotId,
  username: Schema.String,
  /** The bot's display name (getMe first_name), shown in its welcome. */
  name: Schema.String,
  status: Schema.Literal("running", "stopped"),
  /** Why it stopped, e.g. "token revoked"; null while running. */
  stoppedReason: Schema.NullOr(Schema.String),
  /** Who added it, as `describeAdmin` names admins. */
  addedBy: Schema.String,
  addedAt: Schema.DateFromSelf,
  /** When it last received an update (written at most about once a minute). */
  lastUpdateAt: Schema.NullOr(Schema.DateFromSelf)
})
export type ShopFront = typeof ShopFront.Type

/** The shop fronts and their bot tokens. A token is kept secret: an adapter may store it encrypted. */
export class ShopFrontRepo extends Context.Tag("@tokenshop/domain/ShopFrontRepo")<ShopFrontRepo, {
  /**
   * Inserts the front as given, or, when the id exists, replaces its token, username, name, addedBy
   * and addedAt and sets status "running" and reason null (its lastUpdateAt stays).
   */
  readonly save: (front: ShopFront, token: Redacted.Redacted<string>) => Effect.Effect<void>
  /** Oldest first (addedAt, then id). */
  readonly list: Effect.Effect<ReadonlyArray<ShopFront>>
  readonly find: (id: BotId) => Effect.Effect<Option.Option<ShopFront>>
  readonly token: (id: BotId) => Effect.Effect<Option.Option<Redacted.Redacted<string>>>
  /** Sets the status and its reason; the front after, or none when there is no such front. */
  readonly setStatus: (id: BotId, status: "running" | "stopped", reason: string | null) => Effect.Effect<Option.Option<ShopFront>>
  /** Sets lastUpdateAt; nothing when there is no such front. */
  readonly touch: (id: BotId, at: Date) => Effect.Effect<void>
  /** Deletes the row and its token; false when there was none. */
  readonly remove: (id: BotId) => Effect.Effect<boolean>
}>() {}
