/**
 * The address book's screen and its Remove buttons, and the second admin's Approve and Reject (under
 * the notice every admin gets). Each press checks the admin again; the domain decides each approval once.
 */
import { AddressBook, now, WithdrawalApprovals } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import type { Handlers } from "../../Handler.js"
import { button } from "../../Screens.js"
import { answer, reply, send } from "../../TelegramApi.js"
import { adminGuard } from "../AsAdmin.js"
import { addressBook, addressRef, approvalText } from "./GuardScreens.js"

export const guardHandlers = Effect.gen(function*() {
  const book = yield* AddressBook
  const approvals = yield* WithdrawalApprovals
  const asAdmin = (yield* adminGuard).press

  return {
    AddressBook: (ctx, user, s) =>
      asAdmin(ctx, user, s, (admin) =>
        Effect.gen(function*() {
          const entries = yield* book.list(admin)
          return yield* reply(ctx, addressBook(s, entries, yield* now))
        })),
    AddressRemove: (ctx, user, s, { asset, ref }) =>
      asAdmin(ctx, user, s, (admin) =>
        Effect.gen(function*() {
          const entry = (yield* book.list(admin)).find((e) => e.asset === asset && addressRef(e.asset, e.address) === ref)
          if (entry === undefined) return yield* answer(ctx, s.t("book-gone"))
          yield* book.remove(admin, entry.asset, entry.address).pipe(Effect.catchTag("InvalidAddress", () => Effect.succeed(false)))
          yield* answer(ctx, s.t("book-removed"))
          return yield* reply(ctx, addressBook(s, yield* book.list(admin), yield* now))
        })),
    ApproveWithdrawal: (ctx, user, s, { approval }) =>
      asAdmin(ctx, user, s, (admin) =>
        approvals.approve(admin, approval).pipe(
          Effect.flatMap((a) => send(ctx, { text: approvalText(s.t, a), keyboard: [[button(s.t("button-back"), { _tag: "Wallet" })]] })),
          Effect.catchTag("ApprovalRefused", (e) => answer(ctx, e.message))
        )),
    RejectWithdrawal: (ctx, user, s, { approval }) =>
      asAdmin(ctx, user, s, (admin) =>
        approvals.reject(admin, approval).pipe(
          Effect.flatMap(() => answer(ctx, s.t("approval-you-rejected"))),
          Effect.catchTag("ApprovalRefused", (e) => answer(ctx, e.message))
        ))
  } satisfies Handlers<"AddressBook" | "AddressRemove" | "ApproveWithdrawal" | "RejectWithdrawal">
})
