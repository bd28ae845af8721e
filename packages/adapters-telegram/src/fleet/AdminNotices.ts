/** A message to every admin, each in their own language, through the manager bot; an admin who cannot be reached is only logged. */
import { ShopConfig, Users } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import type { Api } from "grammy"
import { loadTranslator } from "../I18n.js"
import { sendTo } from "../TelegramApi.js"

export const adminNotices = (api: Api) =>
  Effect.gen(function*() {
    const users = yield* Users
    const { admins } = yield* ShopConfig
    const translator = loadTranslator()
    return {
      tell: (key: string, args: Record<string, string | number>): Effect.Effect<void> =>
        Effect.forEach(admins, (admin) =>
          Effect.gen(function*() {
            const known = yield* Effect.option(users.get(admin))
            const language = translator.pick(known._tag === "Some" ? known.value.language : null)
            yield* sendTo(api, admin, translator.t(language, key, args))
          }).pipe(Effect.catchAll((e) => Effect.logWarning(`cannot tell admin ${admin}`, e))), { discard: true })
    }
  })

export type AdminNotices = Effect.Effect.Success<ReturnType<typeof adminNotices>>
