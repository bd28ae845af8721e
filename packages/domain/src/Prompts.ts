import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Option from "effect/Option"
import type { TelegramId } from "./Ids.js"
import { now } from "./Time.js"

/**
 * What a user was last asked to type (an amount, a quantity, an address), kept in storage so that
 * the answer is understood after a restart and by any instance of the bot. One per user; a newer
 * question replaces the older one.
 */
export interface Prompt {
  readonly user: TelegramId
  /** What the answer is for, e.g. "topup-amount". */
  readonly kind: string
  /** What the question was about, e.g. the asset, or an announcement waiting for Send (up to about 5,000 characters). */
  readonly data: string
  readonly expiresAt: Date
}

export class PromptRepo extends Context.Tag("@tokenshop/domain/PromptRepo")<PromptRepo, {
  readonly set: (prompt: Prompt) => Effect.Effect<void>
  /** The user's prompt, if it has not expired at `now`. */
  readonly get: (user: TelegramId, now: Date) => Effect.Effect<Option.Option<Prompt>>
  /**
   * Removes and returns the user's unexpired prompt (only one of `kind`, when given): of two
   * concurrent takers only one gets it, and a prompt of another kind stays as it is.
   */
  readonly take: (user: TelegramId, now: Date, kind?: string) => Effect.Effect<Option.Option<Prompt>>
  readonly clear: (user: TelegramId) => Effect.Effect<void>
}>() {}

/** How long a question waits for its answer. */
export const PROMPT_TTL = Duration.minutes(15)

/** The questions users are asked to answer by typing, with time from the Clock. */
export class Prompts extends Context.Tag("@tokenshop/domain/Prompts")<Prompts, {
  /** Asks `kind` about `data`; replaces an earlier question; the answer is awaited for 15 minutes. */
  readonly ask: (user: TelegramId, kind: string, data: string) => Effect.Effect<void>
  readonly current: (user: TelegramId) => Effect.Effect<Option.Option<Prompt>>
  /** Takes the user's question (of `kind` only, when given) so that only one answer is acted on. */
  readonly take: (user: TelegramId, kind?: string) => Effect.Effect<Option.Option<Prompt>>
  readonly clear: (user: TelegramId) => Effect.Effect<void>
}>() {
  static readonly layer = Layer.effect(Prompts, Effect.gen(function*() {
    const repo = yield* PromptRepo
    return Prompts.of({
      ask: (user, kind, data) =>
        Effect.flatMap(now, (at) => repo.set({ user, kind, data, expiresAt: new Date(at.getTime() + Duration.toMillis(PROMPT_TTL)) })),
      current: (user) => Effect.flatMap(now, (at) => repo.get(user, at)),
      take: (user, kind) => Effect.flatMap(now, (at) => repo.take(user, at, kind)),
      clear: repo.clear
    })
  }))
}
