import { describe, expect, it } from "@effect/vitest"
import { Catalog, crypto, Ledger, money, operator, Payments, SubcategoryId, TelegramId } from "@tokenshop/domain"
import { EventLog, GatewayControl, ShopMemory, WalletControl } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import * as TestClock from "effect/TestClock"
import { ADMIN, alerts, buttons, type Call, makeHarness, settings, texts } from "./harness.js"

const last = <A>(xs: ReadonlyArray<A>) => xs[xs.length - 1]
const keyboardOf = (calls: ReadonlyArray<Call>) =>
  buttons(last(calls.filter((c) => ["sendMessage", "editMessageText", "sendPhoto"].includes(c.method))))

describe("top-ups in the bot", () => {
  it.scoped("a native coin opens a deposit at once: address, QR photo, check status until credited", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      yield* h.text(42, "/start")
      const assets = yield* h.press(42, { _tag: "TopUp" })
      const labels = keyboardOf(assets).map((b) => b.text)
      expect(labels).toContain("BTC")
      expect(labels).toContain("USDT · Ethereum")
      const opened = yield* h.press(42, keyboardOf(assets).find((b) => b.text === "BTC")!.callback_data)
      const photo = opened.find((c) => c.method === "sendPhoto")!
      expect(String(photo.payload["caption"])).toContain("mem-BTC-1")
      const check = buttons(photo).find((b) => b.text.includes("Check status"))!
      expect(alerts(yield* h.press(42, check.callback_data))[0]).toContain("Not paid yet")
      // another buyer cannot look at it
      expect(alerts(yield* h.press(43, check.callback_data))[0]).toContain("expired")

      const [payment] = yield* (yield* Payments).pending(TelegramId.make(42))
      yield* (yield* GatewayControl).report(payment!.externalId!, { paid: true, expired: false, amount: crypto(20_000n, "BTC"), fiat: money(1234n, "USD") })
      const paid = yield* h.press(42, check.callback_data)
      expect(texts(paid)[0]).toContain("$12.34 credited")
      expect((yield* (yield* Ledger).balance(TelegramId.make(42))).available).toEqual(money(1234n, "USD"))
      yield* h.press(42, check.callback_data)
      expect((yield* (yield* Ledger).balance(TelegramId.make(42))).available).toEqual(money(1234n, "USD"))
      const history = yield* h.press(42, { _tag: "Deposits", page: 0 })
      expect(texts(history)[0]).toContain("0.0002 BTC = $12.34")
      expect(texts(yield* h.press(43, { _tag: "Deposits", page: 0 }))[0]).toContain("No top-up has been credited yet")
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("a stablecoin asks for an amount: refuses bad ones and keeps asking, then opens; the 6th open top-up is refused", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      yield* h.text(7, "/start")
      const asked = yield* h.press(7, { _tag: "TopUpAsset", asset: "USDT_ERC20" })
      expect(texts(asked)[0]).toContain("from $5.00 to $1,000,000.00")
      for (const bad of ["abc", "4.99", "25.505", "1000000.01", "-5"]) {
        const refused = yield* h.text(7, bad)
        expect(texts(refused)[0], bad).toContain("Please type an amount")
      }
      expect(yield* (yield* Payments).pending(TelegramId.make(7))).toHaveLength(0)
      const opened = yield* h.text(7, "25.50")
      expect(texts(opened)[0]).toContain("Top up $25.50 with USDT · Ethereum")
      expect((yield* (yield* Payments).pending(TelegramId.make(7)))[0]!.fiatAmount).toEqual(money(2550n, "USD"))
      // the question was answered: the next text opens the menu
      expect(texts(yield* h.text(7, "30"))[0]).toContain("Welcome")
      for (let i = 0; i < 4; i++) yield* h.press(7, { _tag: "TopUpAsset", asset: "BTC" })
      const sixth = yield* h.press(7, { _tag: "TopUpAsset", asset: "LTC" })
      expect(texts(sixth)[0]).toContain("already have 5 open top-ups")
      const open = yield* h.press(7, { _tag: "OpenTopUps" })
      expect(keyboardOf(open).filter((b) => b.text.includes("until"))).toHaveLength(5)
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("when the QR photo cannot be sent, the same screen goes out as text", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness(0, ["sendPhoto"])
      const opened = yield* h.press(44, { _tag: "TopUpAsset", asset: "LTC" })
      expect(opened.map((c) => c.method)).toEqual(["answerCallbackQuery", "sendPhoto", "sendMessage"])
      expect(texts(opened.filter((c) => c.method === "sendMessage"))[0]).toContain("mem-LTC-1")
      expect(keyboardOf(opened).map((b) => b.text)).toContain("🔄 Check status")
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("an unavailable payment service gets a clear message; a forged asset is refused", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      yield* (yield* GatewayControl).setAvailable(false)
      const refused = yield* h.press(8, { _tag: "TopUpAsset", asset: "BTC" })
      expect(texts(refused)[0]).toContain("payment service is unavailable")
      expect(alerts(yield* h.press(8, "1T:XMR"))[0]).toContain("expired")
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("a typed quantity adds that many to the cart; a bad one keeps asking", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      const lines = Array.from({ length: 30 }, (_, i) => `Games;Steam;key;1.00;K-${i}`)
      yield* (yield* Catalog).importFile(operator("t"), "txt", lines.join("\n"))
      const card = yield* h.press(9, { _tag: "Subcategory", subcategory: SubcategoryId.make(1) })
      const type = keyboardOf(card).find((b) => b.text.includes("Type a quantity"))!
      yield* h.press(9, type.callback_data)
      expect(texts(yield* h.text(9, "31"))[0]).toContain("Only 30")
      expect(texts(yield* h.text(9, "zero"))[0]).toContain("Type a quantity")
      const added = yield* h.text(9, "25")
      expect(texts(added)[0]).toContain("25 × $1.00")
    }).pipe(Effect.provide(ShopMemory(settings))))
})

describe("the owner's wallet in the bot", () => {
  it.scoped("balances, withdrawal with address check, fee preview, one execution with explorer links; admin only", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      yield* (yield* WalletControl).fund("LTC", 250_000_000n)
      for (const forged of ["1A", "1w", "1W:LTC", "1Y:abc"]) {
        expect(alerts(yield* h.press(42, forged))[0], forged).toContain("expired")
      }
      const menu = yield* h.text(ADMIN, "/start")
      expect(keyboardOf(menu).map((b) => b.text)).toContain("🛠 Admin")
      const wallet = yield* h.press(ADMIN, { _tag: "Wallet" })
      expect(texts(wallet)[0]).toContain("LTC: 2.5 LTC")
      yield* h.press(ADMIN, keyboardOf(wallet).find((b) => b.text === "Withdraw LTC")!.callback_data)
      expect(texts(yield* h.text(ADMIN, "not-an-address"))[0]).toContain("not a valid LTC address")
      // A new address goes into the address book first, usable a day later; every admin is told.
      const offer = yield* h.text(ADMIN, "ltc1qh7zzth73czm9mhw3a6d6uss6slyywlzyqcxlnu")
      expect(texts(offer)[0]).toContain("is not in the address book")
      const add = keyboardOf(offer).find((b) => b.text.includes("Add to the address book"))!
      expect(alerts(yield* h.press(42, add.callback_data))[0]).toContain("expired") // not an admin
      const added = yield* h.press(ADMIN, add.callback_data)
      expect(texts(added)[0]).toContain("withdrawals to it are possible from")
      expect(alerts(yield* h.press(ADMIN, add.callback_data))[0]).toContain("expired") // taken once
      expect((yield* (yield* EventLog).ofTag("WithdrawalAddressAdded")).length).toBe(1)
      yield* h.press(ADMIN, { _tag: "WithdrawAsset", asset: "LTC" })
      expect(texts(yield* h.text(ADMIN, "ltc1qh7zzth73czm9mhw3a6d6uss6slyywlzyqcxlnu"))[0]).toContain("can be used for withdrawals from")
      const book = yield* h.press(ADMIN, { _tag: "AddressBook" })
      expect(texts(book)[0]).toContain("usable from")
      yield* TestClock.adjust("24 hours")
      expect(texts(yield* h.press(ADMIN, { _tag: "AddressBook" }))[0]).toContain("</code>: usable")
      yield* h.press(ADMIN, { _tag: "WithdrawAsset", asset: "LTC" })
      const preview = yield* h.text(ADMIN, "ltc1qh7zzth73czm9mhw3a6d6uss6slyywlzyqcxlnu")
      const text = texts(preview)[0]!
      expect(text).toContain("Total: 2.5 LTC")
      expect(text).toContain("Network fee: 0.025 LTC (≈ $2.00)")
      expect(text).toContain("Received: 2.4625 LTC")
      const confirm = keyboardOf(preview).find((b) => b.text.includes("Send"))!
      const done = yield* h.press(ADMIN, confirm.callback_data)
      expect(texts(done)[0]).toContain("https://litecoinspace.org/tx/memtx-1")
      const again = yield* h.press(ADMIN, confirm.callback_data)
      expect(texts(again)[0]).toContain("memtx-1")
      expect(yield* (yield* WalletControl).sent).toHaveLength(1)
      const history = yield* h.press(ADMIN, { _tag: "Withdrawals", page: 0 })
      expect(texts(history)[0]).toContain("2.4625 LTC → <code>ltc1qh7zzth73czm9mhw3a6d6uss6slyywlzyqcxlnu</code> (admin 900)")
      expect(texts(history)[0]).toContain("https://litecoinspace.org/tx/memtx-1")
      expect(alerts(yield* h.press(42, { _tag: "Withdrawals", page: 0 }))[0]).toContain("expired")
    }).pipe(Effect.provide(ShopMemory(settings))))
})

describe("paid but not credited", () => {
  it.scoped("an admin's one tap asks the processor again and credits once; anyone else's tap does nothing", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      yield* h.text(7, "/start")
      yield* h.text(ADMIN, "/start")
      const invoice = yield* (yield* Payments).open(TelegramId.make(7), "USDT_ERC20", money(2500n, "USD"))
      // paid in another asset: the buyer's check refuses it (nothing credited), and the admins get the button
      yield* (yield* GatewayControl).report(invoice.externalId!, { paid: true, expired: false, amount: crypto(40_000n, "BTC"), fiat: money(2490n, "USD") })
      yield* h.press(7, { _tag: "PaymentStatus", payment: invoice.id })
      expect((yield* (yield* Ledger).balance(TelegramId.make(7))).available).toEqual(money(0n, "USD"))
      const tap = { _tag: "ResolvePayment", payment: invoice.id } as const
      expect(alerts(yield* h.press(7, tap))[0]).toContain("expired")
      expect(texts(yield* h.press(ADMIN, tap))[0]).toContain("$24.90 credited to user 7")
      expect(texts(yield* h.press(ADMIN, tap))[0]).toContain("already credited")
      expect((yield* (yield* Ledger).balance(TelegramId.make(7))).available).toEqual(money(2490n, "USD"))
    }).pipe(Effect.provide(ShopMemory(settings))))
})
