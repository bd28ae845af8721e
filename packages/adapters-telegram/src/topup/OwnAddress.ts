/** Deposits to the buyer's own address: the address (with its QR code) for an asset, and what arrived there. */
import { type Asset, type ChainDeposits, type ChainDepositView, type DepositAddresses, formatMoney, type ShopConfig, type User } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { Context as TgContext } from "grammy"
import { assetLabel, paymentUri } from "../Assets.js"
import { qrPng } from "../Qr.js"
import { listPage, notice, type Speaker } from "../Screens.js"
import { answer, reply, send, sendPhoto, show } from "../TelegramApi.js"
import * as D from "./OwnAddressScreens.js"

/** The buyer's address for `asset`, with its QR code as a photo (text if the photo fails). */
export const showOwnAddress = (
  addresses: DepositAddresses["Type"],
  chain: ChainDeposits["Type"],
  config: ShopConfig["Type"],
  ctx: TgContext,
  user: User,
  s: Speaker,
  asset: Asset
) =>
  Effect.gen(function*() {
    const made = yield* Effect.either(addresses.addressFor(user.id, asset))
    yield* answer(ctx)
    if (made._tag === "Left") {
      const e = made.left
      if (e._tag !== "AddressPoolEmpty") yield* Effect.logWarning(`no deposit address for ${user.id}: ${e._tag}`)
      return yield* show(ctx, e._tag === "UserBanned" ? notice(s, "banned") : notice(s, "deposit-unavailable", { asset: assetLabel(asset) }, { _tag: "TopUp" }))
    }
    const { address } = made.right
    const screen = D.ownAddress(s, asset, address, chain.minimum(asset), chain.required(asset), config.chain.directOnly?.includes(asset) === true)
    return yield* Option.match(yield* qrPng(paymentUri(asset, address, null)), {
      onNone: () => send(ctx, screen),
      onSome: (bytes) => sendPhoto(ctx, bytes, `deposit-${asset}.png`, screen)
    })
  })

/** The buyer's own payments to their address for `asset`: seen, N of M, credited, held. */
export const showChainStatus = (chain: ChainDeposits["Type"], ctx: TgContext, user: User, s: Speaker, asset: Asset) =>
  Effect.gen(function*() {
    const page = yield* chain.mine(user.id, asset, listPage(0))
    const describe = (d: ChainDepositView) =>
      D.state(s, d, chain.required(d.asset), chain.minimum(d.asset), d.fiat === null ? null : formatMoney(d.fiat, s.language))
    return yield* reply(ctx, D.chainStatus(s, asset, page, describe))
  })
