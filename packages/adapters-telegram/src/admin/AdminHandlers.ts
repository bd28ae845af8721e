/**
 * The admin menu: the processor's wallet, withdrawals (address, fee preview, Send once), past
 * withdrawals, and the deposits view. Every button and every typed answer checks the admin again.
 */
import { randomBytes } from "node:crypto"
import {
  AddressBook, type AdminRef, type Asset, Backups, ChainDeposits, crypto, formatMoney, idempotencyKey, now, Prompts, Settlement, ShopConfig,
  type TelegramId, withdrawalGuard, Withdrawals
} from "@tokenshop/domain"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { Context as TgContext } from "grammy"
import { ask, readAsked } from "../Asked.js"
import { assetLabel } from "../Assets.js"
import type { Answers, Handlers } from "../Handler.js"
import { listPage, notice, question, type Speaker } from "../Screens.js"
import { answer, expired, reply, send, sendFile, show } from "../TelegramApi.js"
import { adminGuard } from "./AsAdmin.js"
import { creditsEth } from "./credit/CreditHandlers.js"
import * as A from "./AdminScreens.js"
import { overview } from "./DepositsScreen.js"
import { addressAdded, awaitingApproval, offerToAdd } from "./guard/GuardScreens.js"

export const adminHandlers = Effect.gen(function*() {
  const withdrawals = yield* Withdrawals
  const chain = yield* ChainDeposits
  const backups = yield* Backups
  const settlement = yield* Settlement
  const prompts = yield* Prompts
  const guard = yield* adminGuard
  const asAdmin = guard.press
  const book = yield* AddressBook
  const config = yield* ShopConfig
  const delayHours = Math.round(Duration.toHours(withdrawalGuard(config).addressDelay))
  const credit = creditsEth(config)
  const nonce = () => randomBytes(9).toString("base64url")

  /**
   * The fee preview of withdrawing everything of `asset` to `destination`, with Send; an address not in
   * the book is offered for adding, one still in its waiting period says until when.
   */
  const previewFor = (ctx: TgContext, userId: TelegramId, s: Speaker, admin: AdminRef, asset: Asset, destination: string) =>
    Effect.gen(function*() {
      const preview = yield* Effect.either(withdrawals.preview(admin, { asset, destination, scope: { kind: "all" } }))
      if (preview._tag === "Left") {
        const e = preview.left
        if (e._tag === "InvalidAddress") return yield* send(ctx, question(s, "withdraw-bad-address", { asset: assetLabel(asset), reason: e.reason }))
        if (e._tag === "DestinationNotTrusted" && e.usableFrom === null) {
          const n = nonce()
          yield* ask(prompts, userId, { _tag: "AddressAdd", asset, address: e.address, nonce: n })
          return yield* send(ctx, offerToAdd(s, asset, e.address, delayHours, n))
        }
        yield* prompts.clear(userId)
        return yield* send(ctx, notice(s, "withdraw-failed", { reason: e.message }, { _tag: "Wallet" }))
      }
      const n = nonce()
      const { quote, request } = preview.right
      yield* ask(prompts, userId, { _tag: "WithdrawConfirm", asset, destination: request.destination, nonce: n, total: quote.total.units, fee: quote.networkFee.units })
      return yield* send(ctx, A.withdrawalPreview(s, preview.right, n))
    })

  const handlers = {
    Admin: (ctx, user, s) => asAdmin(ctx, user, s, () => reply(ctx, A.adminMenu(s))),
    Wallet: (ctx, user, s) =>
      asAdmin(ctx, user, s, (admin) =>
        Effect.gen(function*() {
          yield* prompts.clear(user.id)
          const balances = yield* Effect.either(withdrawals.balances(admin))
          if (balances._tag === "Left") return yield* reply(ctx, notice(s, "wallet-unavailable", { reason: balances.left.message }, { _tag: "Admin" }))
          return yield* reply(ctx, A.wallet(s, balances.right))
        })),
    Withdrawals: (ctx, user, s, { page }) =>
      asAdmin(ctx, user, s, (admin) => Effect.flatMap(withdrawals.history(admin, listPage(page)), (list) => reply(ctx, A.withdrawalHistory(s, list)))),
    WithdrawAsset: (ctx, user, s, { asset }) =>
      asAdmin(ctx, user, s, () => Effect.zipRight(ask(prompts, user.id, { _tag: "WithdrawAddress", asset }), reply(ctx, A.askAddress(s, asset)))),
    WithdrawConfirm: (ctx, user, s, { nonce }) =>
      asAdmin(ctx, user, s, (admin) =>
        Effect.gen(function*() {
          const key = idempotencyKey("tg-withdraw", user.id, nonce)
          const done = yield* withdrawals.find(admin, key)
          if (Option.isSome(done)) return yield* reply(ctx, A.withdrawalDone(s, done.value))
          // Taking the question is atomic and only takes a confirmation: of two presses (or two bot
          // processes) only one goes on to send, and any other question stays as it is.
          const taken = Option.flatMap(yield* prompts.take(user.id, "WithdrawConfirm"), readAsked)
          if (Option.isNone(taken) || taken.value._tag !== "WithdrawConfirm" || taken.value.nonce !== nonce) return yield* expired(ctx, s)
          yield* answer(ctx, s.t("withdraw-sending"))
          const { asset, destination, fee, total } = taken.value
          const previewed = { total: crypto(total, asset), networkFee: crypto(fee, asset) }
          const result = yield* Effect.either(withdrawals.execute(admin, { asset, destination, scope: { kind: "all" } }, key, previewed))
          if (result._tag === "Left") return yield* show(ctx, notice(s, "withdraw-failed", { reason: result.left.message }, { _tag: "Wallet" }))
          const outcome = result.right
          return yield* show(ctx, outcome._tag === "Sent" ? A.withdrawalDone(s, outcome.withdrawal) : awaitingApproval(s, outcome.approval))
        })),
    // Add, under "not in the address book": taken once, like Send; usable at once only when no delay is configured.
    AddressAdd: (ctx, user, s, { nonce: tapped }) =>
      asAdmin(ctx, user, s, (admin) =>
        Effect.gen(function*() {
          const taken = Option.flatMap(yield* prompts.take(user.id, "AddressAdd"), readAsked)
          if (Option.isNone(taken) || taken.value._tag !== "AddressAdd" || taken.value.nonce !== tapped) return yield* expired(ctx, s)
          const { address, asset } = taken.value
          const entry = yield* book.add(admin, asset, address)
          yield* answer(ctx)
          if (entry.usableFrom.getTime() > (yield* now).getTime()) return yield* send(ctx, addressAdded(s, entry))
          return yield* previewFor(ctx, user.id, s, admin, asset, entry.address)
        }).pipe(Effect.catchTag("InvalidAddress", (e) => send(ctx, notice(s, "withdraw-failed", { reason: e.message }, { _tag: "Wallet" }))))),
    AdminDeposits: (ctx, user, s, { page }) =>
      asAdmin(ctx, user, s, (admin) => Effect.flatMap(chain.overview(admin, listPage(page)), (o) => reply(ctx, overview(s, o, credit)))),
    Backup: (ctx, user, s) =>
      asAdmin(ctx, user, s, (admin) =>
        Effect.scoped(Effect.gen(function*() {
          yield* answer(ctx, s.t("backup-working"))
          const copy = yield* backups.take(admin)
          if (copy._tag === "External") return yield* send(ctx, notice(s, "backup-external", { hint: copy.hint }, { _tag: "Admin" }))
          return yield* sendFile(ctx, { path: copy.path }, copy.name, s.t("backup-caption"))
        })).pipe(Effect.catchTag("BackupFailed", (e) => send(ctx, notice(s, "backup-failed", { reason: e.reason }, { _tag: "Admin" }))))),
    // The one tap under a "paid but not credited" message: asks the processor again and credits once.
    ResolvePayment: (ctx, user, s, { payment }) =>
      asAdmin(ctx, user, s, (admin) =>
        Effect.gen(function*() {
          yield* answer(ctx, s.t("resolve-working"))
          const result = yield* Effect.either(settlement.resolve(admin, payment))
          if (result._tag === "Left") return yield* send(ctx, notice(s, "resolve-failed", { payment, reason: result.left.message }, { _tag: "Admin" }))
          const { deposit, replayed } = result.right
          return yield* send(ctx, notice(s, replayed ? "resolve-already" : "resolve-done", {
            payment, user: deposit.user, amount: formatMoney(deposit.fiat, s.language)
          }, { _tag: "Admin" }))
        }))
  } satisfies Handlers<"Admin" | "Wallet" | "Withdrawals" | "WithdrawAsset" | "WithdrawConfirm" | "AdminDeposits" | "Backup" | "ResolvePayment" | "AddressAdd">

  const answers = {
    WithdrawAddress: (ctx, user, s, asked, text) =>
      guard.typed(user, (admin) => previewFor(ctx, user.id, s, admin, asked.asset, text.trim())),
    // Typing while a withdrawal waits for Send is not an answer: the question is dropped, the menu shown.
    WithdrawConfirm: (_ctx, user) => Effect.as(prompts.clear(user.id), false),
    AddressAdd: (_ctx, user) => Effect.as(prompts.clear(user.id), false)
  } satisfies Answers<"WithdrawAddress" | "WithdrawConfirm" | "AddressAdd">

  return { handlers, answers }
})
