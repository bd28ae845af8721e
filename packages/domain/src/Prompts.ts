import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type * as Option from "effect/Option"
import type { TelegramId } from "./Ids.js"

/**
 * What a user was last asked to type (an amount, a quantity, an address), kept in storage so that
 * the answer is understood after a restart and by any instance of the bot. One per user; a newer
 * question replaces the older one.
 */
export interface Prompt {
  readonly user: TelegramId
  /** What the answer is for, e.g. "topup-amount". */
  readonly kind: string
  /** What the question was about, e.g. the asset; at most 2,000 characters. */
  readonly data: string
  readonly expiresAt: Date
}

export class PromptRepo extends Context.Tag("@tokenshop/domain/PromptRepo")<PromptRepo, {
  readonly set: (prompt: Prompt) => Effect.Effect<void>
  /** The user's prompt, if it has not expired at `now`. */
  readonly get: (user: TelegramId, now: Date) => Effect.Effect<Option.Option<Prompt>>
  /** Removes and returns the user's unexpired prompt: of two concurrent takers only one gets it. */
  readonly take: (user: TelegramId, now: Date) => Effect.Effect<Option.Option<Prompt>>
  readonly clear: (user: TelegramId) => Effect.Effect<void>
}>() {}
