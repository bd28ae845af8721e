/**
 * The admin menu: the processor's wallet, withdrawals (address, fee preview, Send once), past
 * withdrawals, and the deposits view. Every button and every typed answer checks the admin again.
 */
import { randomBytes } from "node:crypto"
import { Backups, ChainDeposits, crypto, formatMoney, idempotencyKey, Prompts, Settlement, Withdrawals } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { ask, readAsked } from "../Asked.js"
import { assetLabel } from "../Assets.js"
import type { Answers, Handlers } from "../Handler.js"
import { listPage, notice, question } from "../Screens.js"
import { answer, expired, reply, send, sendFile, show } from "../TelegramApi.js"
import { adminGuard } from "./AsAdmin.js"
import * as A from "./AdminScreens.js"
import { overview } from "./DepositsScreen.js"

export const adminHandlers = Effect.gen(function*() {
  const withdrawals = yield* Withdrawals
  const chain = yield* ChainDeposits
  const backups = yield* Backups
  const settlement = yield* Settlement
  const prompts = yield* Prompts
  const guard = yield* adminGuard
  const asAdmin = guard.press

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
          return yield* show(ctx, A.withdrawalDone(s, result.right))
        })),
    AdminDeposits: (ctx, user, s, { page }) =>
      asAdmin(ctx, user, s, (admin) => Effect.flatMap(chain.overview(admin, listPage(page)), (o) => reply(ctx, overview(s, o)))),
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
  } satisfies Handlers<"Admin" | "Wallet" | "Withdrawals" | "WithdrawAsset" | "WithdrawConfirm" | "AdminDeposits" | "Backup" | "ResolvePayment">

  const answers = {
    WithdrawAddress: (ctx, user, s, asked, text) =>
      guard.typed(user, (admin) => Effect.gen(function*() {
        const preview = yield* Effect.either(withdrawals.preview(admin, { asset: asked.asset, destination: text.trim(), scope: { kind: "all" } }))
        if (preview._tag === "Left") {
          const e = preview.left
          if (e._tag === "InvalidAddress") {
            return yield* send(ctx, question(s, "withdraw-bad-address", { asset: assetLabel(asked.asset), reason: e.reason }))
          }
          yield* prompts.clear(user.id)
          return yield* send(ctx, notice(s, "withdraw-failed", { reason: e.message }, { _tag: "Wallet" }))
        }
        const nonce = randomBytes(9).toString("base64url")
        const { quote, request } = preview.right
        yield* ask(prompts, user.id, { _tag: "WithdrawConfirm", asset: asked.asset, destination: request.destination, nonce, total: quote.total.units, fee: quote.networkFee.units })
        return yield* send(ctx, A.withdrawalPreview(s, preview.right, nonce))
      })),
    // Typing while a withdrawal waits for Send is not an answer: the question is dropped, the menu shown.
    WithdrawConfirm: (_ctx, user) => Effect.as(prompts.clear(user.id), false)
  } satisfies Answers<"WithdrawAddress" | "WithdrawConfirm">

  return { handlers, answers }
})
