/**
 * Crediting an Ethereum transaction by its hash (ChainCredits): for ETH a contract sent to a buyer's
 * address, which the watchers do not see by themselves. From the Deposits screen's button (the hash
 * is then asked for) or as `/credittx HASH`. Each step checks the admin again; the domain reads the
 * transaction from the node and credits what it pays to buyers once, however often it is asked.
 */
import {
  type AdminRef, ChainCredits, ChainDeposits, type CreditedTransaction, type NotAdmin, Prompts, type ServiceUnavailable, ShopConfig,
  type TransactionNotCredited, type User
} from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { Context as TgContext } from "grammy"
import { ask } from "../../Asked.js"
import type { Answers, Handlers } from "../../Handler.js"
import { state } from "../../topup/OwnAddressScreens.js"
import { notice, type Screen, type Speaker } from "../../Screens.js"
import { expired, reply, send, sendText } from "../../TelegramApi.js"
import { adminGuard } from "../AsAdmin.js"
import { askAgain, askHash, credited, refused } from "./CreditScreens.js"

/** True for `/credittx` and `/credittx@bot`, alone or followed by a hash; false for any other command. */
export const isCreditCommand = (text: string) => /^\/credittx(@\w+)?(\s|$)/.test(text)

/** Whether the shop takes ETH on its own addresses: only then is the button offered and a hash looked up. */
export const creditsEth = (config: ShopConfig["Type"]) => config.chain.assets.includes("ETH")

/** What the domain answered. */
type Outcome = Either.Either<CreditedTransaction, NotAdmin | TransactionNotCredited | ServiceUnavailable>

export const creditHandlers = Effect.gen(function*() {
  const credits = yield* ChainCredits
  const chain = yield* ChainDeposits
  const prompts = yield* Prompts
  const guard = yield* adminGuard
  const offered = creditsEth(yield* ShopConfig)

  /** Asks the domain; a hash that is not one is told apart, so that a typed answer can be asked again. */
  const credit = (admin: AdminRef, hash: string): Effect.Effect<Outcome> => Effect.either(credits.creditTransaction(admin, "ethereum", hash))
  const malformed = (result: Outcome) =>
    Either.isLeft(result) && result.left._tag === "TransactionNotCredited" && result.left.reason === "malformed"
  const screenOf = (s: Speaker, result: Outcome): Screen =>
    Either.match(result, {
      onRight: (tx) => credited(s, tx, (d) => state(s, d, chain.required(d.asset), chain.minimum(d.asset), null).trim()),
      // Removed from ADMIN_IDS between the check and the lookup: as a stale button.
      onLeft: (e) => e._tag === "NotAdmin" ? notice(s, "button-expired") : refused(s, e)
    })

  const handlers = {
    CreditTx: (ctx, user, s) =>
      guard.press(ctx, user, s, () =>
        offered ? Effect.zipRight(ask(prompts, user.id, { _tag: "CreditTxHash" }), reply(ctx, askHash(s))) : expired(ctx, s))
  } satisfies Handlers<"CreditTx">

  const answers = {
    // A hash that is not one keeps the question open; anything else ends it with the outcome.
    CreditTxHash: (ctx, user, s, _asked, text) =>
      guard.typed(user, (admin) =>
        Effect.gen(function*() {
          if (!offered) return yield* Effect.as(prompts.clear(user.id), false)
          const result = yield* credit(admin, text)
          if (malformed(result)) return yield* send(ctx, askAgain(s))
          yield* prompts.clear(user.id)
          return yield* send(ctx, screenOf(s, result))
        }))
  } satisfies Answers<"CreditTxHash">

  /** `/credittx HASH`; false when the sender is not an admin (the menu is shown). */
  const command = (ctx: TgContext, user: User, s: Speaker, text: string) =>
    guard.typed(user, (admin) =>
      Effect.gen(function*() {
        const hash = text.trim().split(/\s+/)[1] ?? ""
        if (!offered) return yield* sendText(ctx, s.html("admin-credit-unavailable"))
        if (hash === "") return yield* sendText(ctx, s.html("admin-credit-usage"))
        return yield* send(ctx, screenOf(s, yield* credit(admin, hash)))
      }))

  return { handlers, answers, command }
})
