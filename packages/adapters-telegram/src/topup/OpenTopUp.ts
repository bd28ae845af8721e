/** Opening a top-up through the payment processor and showing its invoice, with a QR code when the photo can be sent. */
import { type Asset, digitsOf, money, type Money, type Payments, type User } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { Context as TgContext } from "grammy"
import { paymentUri } from "../Assets.js"
import * as P from "./TopUpScreens.js"
import { qrPng } from "../Qr.js"
import * as Screens from "../Screens.js"
import { answer, send, sendPhoto, show } from "../TelegramApi.js"

/** A fixed-amount top-up is from 5 to less than 1,000,000 in the shop's currency. */
const MIN_TOP_UP = 5n
const MAX_TOP_UP = 1_000_000n

export const limits = (currency: Money["currency"]) => {
  const scale = 10n ** BigInt(digitsOf(currency))
  return { min: money(MIN_TOP_UP * scale, currency), max: money(MAX_TOP_UP * scale, currency) }
}

/** Opens a top-up and shows it. */
export const openTopUp = (payments: Payments["Type"], ctx: TgContext, user: User, s: Screens.Speaker, asset: Asset, fiat: Money | null) =>
  Effect.gen(function*() {
    const opened = yield* Effect.either(payments.open(user.id, asset, fiat))
    if (opened._tag === "Left") {
      const e = opened.left
      const screen = e._tag === "TooManyPendingPayments"
        ? Screens.notice(s, "topup-too-many", { limit: e.limit }, { _tag: "OpenTopUps" })
        : e._tag === "UserBanned"
        ? Screens.notice(s, "banned")
        : Screens.notice(s, "topup-unavailable", undefined, { _tag: "TopUp" })
      if (e._tag !== "TooManyPendingPayments" && e._tag !== "ServiceUnavailable") yield* Effect.logWarning(`top-up refused: ${e._tag}`, e)
      yield* answer(ctx)
      return yield* ctx.callbackQuery === undefined ? send(ctx, screen) : show(ctx, screen)
    }
    const payment = opened.right
    yield* answer(ctx)
    const screen = P.invoice(s, payment)
    const png = yield* qrPng(paymentUri(payment.asset, payment.address, payment.cryptoAmount))
    return yield* Option.match(png, {
      onNone: () => send(ctx, screen),
      onSome: (bytes) => sendPhoto(ctx, bytes, `topup-${payment.id}.png`, screen)
    })
  })

