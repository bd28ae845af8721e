/**
 * Deposits to the buyer's own addresses: the address (with its QR code) for an asset, what arrived
 * there and how far it is, and the admins' view of every deposit and watcher. A button names what
 * the user wants; the domain checks that they may.
 */
import {
  type Asset, ChainDeposits, type ChainDepositView, DepositAddresses, type DepositSource, type User, Users
} from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { Context as TgContext } from "grammy"
import type { Callback } from "../CallbackData.js"
import { formatMoney } from "../Format.js"
import { assetLabel, paymentUri } from "../PaymentScreens.js"
import * as Screens from "../Screens.js"
import { answer, sendPhoto, send, show } from "../Telegram.js"
import { qrPng } from "../Qr.js"
import * as D from "./DepositScreens.js"

export type DepositRouteServices = DepositAddresses | ChainDeposits | Users

/** The buyer's address for `asset`, with its QR code as a photo (text if the photo fails). */
export const showOwnAddress = (ctx: TgContext, user: User, s: Screens.Speaker, asset: Asset) =>
  Effect.gen(function*() {
    const chain = yield* ChainDeposits
    const made = yield* Effect.either((yield* DepositAddresses).addressFor(user.id, asset))
    yield* answer(ctx)
    if (made._tag === "Left") {
      const e = made.left
      if (e._tag !== "AddressPoolEmpty") yield* Effect.logWarning(`no deposit address for ${user.id}: ${e._tag}`)
      const screen = e._tag === "UserBanned"
        ? Screens.notice(s, "banned")
        : Screens.notice(s, "deposit-unavailable", { asset: assetLabel(asset) }, { _tag: "TopUp" })
      return yield* show(ctx, screen)
    }
    const { address } = made.right
    const screen = D.ownAddress(s, asset, address, chain.minimum(asset), chain.required(asset))
    const png = yield* qrPng(paymentUri(asset, address, null))
    return yield* Option.match(png, {
      onNone: () => send(ctx, screen),
      onSome: (bytes) => sendPhoto(ctx, bytes, `deposit-${asset}.png`, screen)
    })
  })

/** Handles the buttons of own-address deposits; returns false for any other button. */
export const depositRoute = (ctx: TgContext, user: User, s: Screens.Speaker, callback: Callback) =>
  Effect.gen(function*() {
    const chain = yield* ChainDeposits
    const reply = (screen: Screens.Screen) => Effect.zipRight(answer(ctx), show(ctx, screen))
    switch (callback._tag) {
      case "ChainCheck": {
        if (!(yield* DepositAddresses).assets.includes(callback.asset)) return yield* answer(ctx, s.t("button-expired"), true)
        const page = yield* chain.mine(user.id, callback.asset, Screens.listPage(0))
        const describe = (d: ChainDepositView) =>
          D.state(s, d, chain.required(d.asset), chain.minimum(d.asset), d.fiat === null ? null : formatMoney(d.fiat, s.language))
        return yield* reply(D.chainStatus(s, callback.asset, page, describe))
      }
      case "AdminDeposits": {
        const admin = yield* Effect.option((yield* Users).authorize(user.id))
        if (Option.isNone(admin)) return yield* answer(ctx, s.t("button-expired"), true)
        return yield* reply(D.overview(s, yield* chain.overview(admin.value, Screens.listPage(callback.page))))
      }
      default:
        return false as const
    }
  })

/** A chain deposit's transaction id, for messages that link to an explorer. */
export const chainTx = (source: DepositSource): string | null => source.kind === "chain" ? source.txid : null
