/** Opening a top-up through the payment processor and showing its invoice, with a QR code when the photo can be sent. */
import { type Asset, formatMoney, money, type Money, type Payments, type ShopSettings, topUpLimits, type User } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { Context as TgContext } from "grammy"
import { paymentUri } from "../Assets.js"
import * as P from "./TopUpScreens.js"
import { qrPng } from "../Qr.js"
import * as Screens from "../Screens.js"
import { answer, send, sendPhoto, show } from "../TelegramApi.js"

/** A fixed-amount top-up's range, as the shop configures it (the domain checks it again). */
export const limits = (config: ShopSettings): { readonly min: Money; readonly max: Money } => {
  const { max, min } = topUpLimits(config)
  return { min: money(min, config.currency), max: money(max, config.currency) }
}

/** Opens a top-up and shows it. */
export const openTopUp = (payments: Payments["Type"], ctx: TgContext, user: User, s: Screens.Speaker, asset: Asset, fiat: Money | null) =>
  Effect.gen(function*() {
    const opened = yield* Effect.either(payments.open(user.id, asset, fiat))
    if (opened._tag === "Left") {
      const e = opened.left
      const screen = e._tag === "TooManyPendingPayments"
        ? Screens.notice(s, "topup-too-many", { limit: e.limit }, { _tag: "OpenTopUps" })
        : e._tag === "TopUpOutOfRange"
        ? Screens.notice(s, "topup-amount-invalid", { min: formatMoney(e.min, s.language), max: formatMoney(e.max, s.language) }, { _tag: "TopUp" })
        : e._tag === "UserBanned"
        ? Screens.notice(s, "banned")
        : Screens.notice(s, "topup-unavailable", undefined, { _tag: "TopUp" })
      if (e._tag !== "TooManyPendingPayments" && e._tag !== "ServiceUnavailable" && e._tag !== "TopUpOutOfRange") yield* Effect.logWarning(`top-up refused: ${e._tag}`, e)
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

