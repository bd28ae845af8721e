/** The wallet's guard in the bot: a second admin approves a large withdrawal; every admin hears of new addresses and approvals. */
import { describe, expect, it } from "@effect/vitest"
import { AddressBook, type Approval, ApprovalId, crypto, type DomainEvent, IdempotencyKey, money, operator, TelegramId, WithdrawalApprovals } from "@tokenshop/domain"
import { ShopMemory, WalletControl } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import { guardNotice } from "../../src/admin/guard/GuardNotices.js"
import { loadTranslator } from "../../src/I18n.js"
import type { Screen } from "../../src/Screens.js"
import { ADMIN, alerts, buttons, type Call, makeHarness, texts } from "../harness.js"

const SECOND = 901
const address = "ltc1qh7zzth73czm9mhw3a6d6uss6slyywlzyqcxlnu"
const lastText = (calls: ReadonlyArray<Call>) => texts(calls).at(-1) ?? ""
const twoAdmins = ShopMemory({ admins: new Set([TelegramId.make(ADMIN), TelegramId.make(SECOND)]) })

describe("two-admin approval in the bot", () => {
  it.scoped("a withdrawal above the threshold waits; the one who asked cannot approve it, the other admin can, once", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      yield* (yield* WalletControl).fund("LTC", 250_000_000n) // 2.5 LTC = 200 USD: above the default 100
      yield* (yield* AddressBook).add(operator("test"), "LTC", address)
      yield* h.press(ADMIN, { _tag: "WithdrawAsset", asset: "LTC" })
      const preview = yield* h.text(ADMIN, address)
      const send = buttons(preview.find((c) => c.method === "sendMessage")).find((b) => b.text.includes("Send"))!
      const waiting = yield* h.press(ADMIN, send.callback_data)
      expect(lastText(waiting)).toContain("needs a second admin's approval")
      expect(yield* (yield* WalletControl).sent).toEqual([])
      const [pending] = yield* (yield* WithdrawalApprovals).pending(operator("test"))
      const approve = { _tag: "ApproveWithdrawal", approval: pending!.id } as const
      expect(alerts(yield* h.press(ADMIN, approve))[0]).toContain("a second admin must approve")
      expect(alerts(yield* h.press(42, approve))[0]).toContain("expired") // not an admin
      expect(lastText(yield* h.press(SECOND, approve))).toContain("was sent: memtx-1")
      expect(alerts(yield* h.press(SECOND, approve))[0]).toContain("already approved or rejected")
      expect(alerts(yield* h.press(ADMIN, { _tag: "RejectWithdrawal", approval: pending!.id }))[0]).toContain("already approved or rejected")
      expect(yield* (yield* WalletControl).sent).toHaveLength(1)
      // a forged approval number is refused with a message, nothing else
      expect(alerts(yield* h.press(SECOND, { _tag: "ApproveWithdrawal", approval: ApprovalId.make(999) }))[0]).toContain("no such withdrawal approval")
      expect(alerts(yield* h.press(SECOND, "1ga:0x1f"))[0]).toContain("expired")
    }).pipe(Effect.provide(twoAdmins)))
})

describe("the daily approval total in the bot", () => {
  it.scoped("small withdrawals that reach the daily total together: the one that reaches it waits, and says why", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      yield* (yield* AddressBook).add(operator("test"), "LTC", address)
      const withdraw = Effect.gen(function*() {
        yield* (yield* WalletControl).fund("LTC", 50_000_000n) // 0.5 LTC = 40 USD: below the default 100 alone
        yield* h.press(ADMIN, { _tag: "WithdrawAsset", asset: "LTC" })
        const preview = yield* h.text(ADMIN, address)
        return lastText(yield* h.press(ADMIN, buttons(preview.find((c) => c.method === "sendMessage")).find((b) => b.text.includes("Send"))!.callback_data))
      })
      for (let i = 0; i < 2; i++) expect(yield* withdraw).not.toContain("needs a second admin's approval") // 80 USD
      const third = yield* withdraw // 120 USD in 24 hours
      expect(third).toContain("needs a second admin's approval")
      expect(third).toContain("with the withdrawals of the last 24 hours, it reaches the daily total")
      expect(yield* (yield* WalletControl).sent).toHaveLength(2)
    }).pipe(Effect.provide(twoAdmins)))
})

describe("the guard's notices to the admins", () => {
  const translator = loadTranslator()
  const told: Array<{ text: string; keyboard: Screen["keyboard"] | undefined }> = []
  const channel = {
    tell: (text: string, _html: boolean, keyboard?: Screen["keyboard"]) => Effect.sync(() => void told.push({ text, keyboard })),
    t: (key: string, args?: Record<string, string | number>) => translator.t("en", key, args)
  }
  const approval = (state: Approval["state"], reason: Approval["reason"] = "amount"): Approval => ({
    id: ApprovalId.make(7), key: IdempotencyKey.make("k"), state, decidedBy: state === "pending" ? null : "admin 901", note: state === "failed" ? "refused <x>" : null,
    request: { asset: "LTC", destination: address, scope: { kind: "all" } },
    previewed: { total: crypto(250_000_000n, "LTC"), networkFee: crypto(1n, "LTC") }, value: money(20_000n, "USD"), reason,
    requestedBy: "admin 900", createdAt: new Date(0), expiresAt: new Date(86_400_000)
  })
  const notice = (event: DomainEvent) => Effect.runSync(guardNotice(event, channel) ?? Effect.die("no notice"))

  it("a pending approval comes with Approve and Reject; a new address with Remove; a sent one says nothing (its withdrawal does)", () => {
    notice({ _tag: "WithdrawalApprovalChanged", approval: approval("pending") })
    expect(told.at(-1)!.text).toContain("Withdrawal #7 waits for a second admin: 2.5 LTC ($200.00) LTC")
    expect(told.at(-1)!.keyboard!.flat().map((b) => b.text)).toEqual(["✅ Approve", "✖️ Reject"])
    expect(told.at(-1)!.text).not.toContain("daily total")
    notice({ _tag: "WithdrawalApprovalChanged", approval: approval("pending", "daily") })
    expect(told.at(-1)!.text).toContain("waits for a second admin: 2.5 LTC ($200.00) LTC")
    expect(told.at(-1)!.text).toContain("with the withdrawals of the last 24 hours, it reaches the daily total")
    notice({ _tag: "WithdrawalApprovalChanged", approval: approval("failed") })
    expect(told.at(-1)!.text).toContain("approved but not sent: refused &lt;x&gt;")
    expect(told.at(-1)!.keyboard).toBeUndefined()
    const before = told.length
    notice({ _tag: "WithdrawalApprovalChanged", approval: approval("sent") })
    expect(told.length).toBe(before)
    notice({ _tag: "WithdrawalAddressAdded", entry: { asset: "LTC", address, label: "", addedBy: "admin 900", addedAt: new Date(0), usableFrom: new Date(86_400_000) }, admin: { kind: "telegram", id: TelegramId.make(ADMIN) } })
    expect(told.at(-1)!.text).toContain("If no admin of this shop added it, remove it now")
    expect(told.at(-1)!.keyboard!.flat()[0]!.callback_data).toMatch(/^1gd:LTC:[A-Za-z0-9_-]{12}$/)
    expect(guardNotice({ _tag: "PaymentExpired" } as DomainEvent, channel)).toBeNull()
  })
})
