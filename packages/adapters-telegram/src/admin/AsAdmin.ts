/**
 * The admin check every admin button and every typed answer goes through, in the domain
 * (Users.authorize): anyone else gets the stale-button alert, or has the question dropped, and
 * nothing changes. An id removed from ADMIN_IDS loses the menu at its next step.
 */
import { type AdminRef, Prompts, type User, Users } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { Context as TgContext } from "grammy"
import type { Speaker } from "../Screens.js"
import { expired } from "../TelegramApi.js"

export const adminGuard = Effect.gen(function*() {
  const users = yield* Users
  const prompts = yield* Prompts
  return {
    /** Runs `then` for an admin's button press. */
    press: <A, E>(ctx: TgContext, user: User, s: Speaker, then: (admin: AdminRef) => Effect.Effect<A, E>) =>
      Effect.flatMap(Effect.option(users.authorize(user.id)), Option.match({ onNone: () => expired(ctx, s), onSome: then })),
    /** Runs `then` for an admin's typed answer; anyone else's question is dropped and the menu shown (`false`). */
    typed: <A, E>(user: User, then: (admin: AdminRef) => Effect.Effect<A, E>): Effect.Effect<A | false, E> =>
      Effect.flatMap(
        Effect.option(users.authorize(user.id)),
        Option.match({ onNone: (): Effect.Effect<A | false, E> => Effect.as(prompts.clear(user.id), false as const), onSome: then })
      )
  }
})
export type AdminGuard = Effect.Effect.Success<typeof adminGuard>
