/**
 * Top-ups: the assets on offer (the buyer's own addresses first, then the processor's), an asset's
 * address or invoice, the amount question for fixed-amount assets, status checks, and histories.
 */
import { ChainDeposits, DepositAddresses, formatMoney, Ledger, parseMoney, Payments, Prompts, Settlement, ShopConfig } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import { ask } from "../Asked.js"
import type { Answers, Handlers } from "../Handler.js"
import { listPage, notice, question } from "../Screens.js"
import { answer, expired, reply, send } from "../TelegramApi.js"
import { limits, openTopUp } from "./OpenTopUp.js"
import { showChainStatus, showOwnAddress } from "./OwnAddress.js"
import * as P from "./TopUpScreens.js"

export const topUpHandlers = Effect.gen(function*() {
  const payments = yield* Payments
  const settlement = yield* Settlement
  const own = yield* DepositAddresses
  const chain = yield* ChainDeposits
  const ledger = yield* Ledger
  const prompts = yield* Prompts
  const config = yield* ShopConfig
  const { currency } = config
  const offered = [...own.assets, ...payments.assets.filter((a) => !own.assets.includes(a))]

  const handlers = {
    TopUp: (ctx, user, s) =>
      Effect.gen(function*() {
        if (offered.length === 0) return yield* reply(ctx, notice(s, "topup-not-configured", undefined, { _tag: "Profile" }))
        // Top up opens the buyer's watch window (their addresses are asked about closely for a day).
        if (own.assets.length > 0) yield* Effect.ignoreLogged(own.open(user.id))
        return yield* reply(ctx, P.topUpAssets(s, offered, (yield* payments.pending(user.id)).length))
      }),
    TopUpAsset: (ctx, user, s, { asset }) =>
      Effect.gen(function*() {
        if (own.assets.includes(asset)) return yield* showOwnAddress(own, chain, config, ctx, user, s, asset)
        if (!payments.assets.includes(asset)) return yield* expired(ctx, s)
        if (!payments.fixedAmountAssets.includes(asset)) return yield* openTopUp(payments, ctx, user, s, asset, null)
        yield* ask(prompts, user.id, { _tag: "TopUpAmount", asset })
        const { max, min } = limits(config)
        return yield* reply(ctx, P.askAmount(s, asset, min, max))
      }),
    Deposits: (ctx, user, s, { page }) => Effect.flatMap(payments.deposits(user.id, listPage(page)), (list) => reply(ctx, P.deposits(s, list))),
    OpenTopUps: (ctx, user, s) => Effect.flatMap(payments.pending(user.id), (list) => reply(ctx, P.openTopUps(s, list))),
    PaymentStatus: (ctx, user, s, callback) =>
      Effect.gen(function*() {
        const result = yield* Effect.either(settlement.refresh(user.id, callback.payment))
        if (result._tag === "Left") {
          const e = result.left
          if (e._tag === "PaymentNotFound") return yield* expired(ctx, s)
          return yield* answer(ctx, s.t(e._tag === "ServiceUnavailable" ? "topup-unavailable" : "topup-mismatch"), true)
        }
        const payment = result.right.payment
        if (payment.status === "pending") return yield* answer(ctx, s.t("topup-status-pending"), true)
        if (payment.status === "expired") return yield* reply(ctx, notice(s, "topup-status-expired", undefined, { _tag: "TopUp" }))
        const balance = yield* ledger.balance(user.id)
        const credited = result.right._tag === "Credited" ? result.right.credit.deposit.fiat : null
        return yield* reply(ctx, notice(s, "topup-status-paid", {
          amount: credited === null ? "-" : formatMoney(credited, s.language),
          balance: formatMoney(balance.available, s.language)
        }, { _tag: "Profile" }))
      }),
    ChainCheck: (ctx, user, s, { asset }) => own.assets.includes(asset) ? showChainStatus(chain, ctx, user, s, asset) : expired(ctx, s)
  } satisfies Handlers<"TopUp" | "TopUpAsset" | "Deposits" | "OpenTopUps" | "PaymentStatus" | "ChainCheck">

  const answers = {
    TopUpAmount: (ctx, user, s, asked, text) =>
      Effect.gen(function*() {
        const { max, min } = limits(config)
        const parsed = parseMoney(text, currency)
        if (parsed._tag === "Left" || parsed.right.amount < min.amount || parsed.right.amount > max.amount) {
          const args = { min: formatMoney(min, s.language), max: formatMoney(max, s.language) }
          return yield* send(ctx, question(s, "topup-amount-invalid", args))
        }
        yield* prompts.clear(user.id)
        return yield* openTopUp(payments, ctx, user, s, asked.asset, parsed.right)
      })
  } satisfies Answers<"TopUpAmount">

  return { handlers, answers }
})
