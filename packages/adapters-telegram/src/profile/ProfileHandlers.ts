/** The main menu, help, the profile, past purchases (each reopened by its buyer alone), languages, cancelling a question. */
import { Buys, Ledger, Prompts, Users } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import type { BotSettings, Handlers } from "../Handler.js"
import { deliveryLines, listPage, notice, speaker } from "../Screens.js"
import { answer, deliver, expired, reply, show } from "../TelegramApi.js"
import * as P from "./ProfileScreens.js"

export const profileHandlers = (settings: BotSettings) =>
  Effect.gen(function*() {
    const users = yield* Users
    const ledger = yield* Ledger
    const buys = yield* Buys
    const prompts = yield* Prompts
    const { translator } = settings
    return {
      Main: (ctx, user, s) => reply(ctx, P.mainMenu(s, settings.shopName, users.isAdmin(user.id))),
      Help: (ctx, _user, s) =>
        reply(ctx, settings.helpText === undefined ? notice(s, "help-text") : { ...notice(s, "help-text"), text: settings.helpText }),
      Profile: (ctx, user, s) => Effect.flatMap(ledger.balance(user.id), (b) => reply(ctx, P.profile(s, b))),
      History: (ctx, user, s, { page }) => Effect.flatMap(buys.history(user.id, listPage(page)), (list) => reply(ctx, P.history(s, list))),
      Buy: (ctx, user, s, callback) =>
        Effect.gen(function*() {
          // Only the buyer may open a purchase again; any other id is treated as a stale button.
          const buy = yield* Effect.either(buys.mine(user.id, callback.buy))
          if (buy._tag === "Left") return yield* expired(ctx, s)
          yield* reply(ctx, P.buy(s, buy.right))
          yield* deliver(ctx, deliveryLines(buy.right), `purchase-${buy.right.id}.txt`, s.t("checkout-delivery-file"))
        }),
      Languages: (ctx, _user, s) => reply(ctx, P.languages(s, translator)),
      Language: (ctx, user, s, callback) =>
        Effect.gen(function*() {
          if (!translator.languages.includes(callback.language)) return yield* expired(ctx, s)
          yield* users.setLanguage(user.id, callback.language)
          const next = speaker(translator, callback.language)
          yield* answer(ctx, next.t("language-set"))
          return yield* show(ctx, P.profile(next, yield* ledger.balance(user.id)))
        }),
      CancelPrompt: (ctx, user, s) =>
        Effect.gen(function*() {
          yield* prompts.clear(user.id)
          yield* answer(ctx, s.t("prompt-cancelled"))
          return yield* show(ctx, P.mainMenu(s, settings.shopName, users.isAdmin(user.id)))
        })
    } satisfies Handlers<"Main" | "Help" | "Profile" | "History" | "Buy" | "Languages" | "Language" | "CancelPrompt">
  })
