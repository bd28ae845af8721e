import { describe, expect, it } from "@effect/vitest"
import { ChainDeposits, DepositAddresses, ShopConfig, TelegramId } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import { encodeCallback } from "../src/CallbackData.js"
import { ADMIN, alerts, buttons, type Call, makeHarness, settings, texts } from "./harness.js"

const last = <A>(xs: ReadonlyArray<A>) => xs[xs.length - 1]
const keyboardOf = (calls: ReadonlyArray<Call>) =>
  buttons(last(calls.filter((c) => ["sendMessage", "editMessageText", "sendPhoto"].includes(c.method))))
const shop = ShopMemory({
  ...settings,
  chain: { ...ShopConfig.defaults.chain, assets: ["BTC", "LTC"], confirmations: { BTC: 2 }, minDeposit: { BTC: 10_000n } }
})

describe("deposits to the buyer's own address", () => {
  it.scoped("Top up lists own-address assets first; an asset shows the buyer's permanent address with its QR code, minimum and confirmations; Check follows the deposit", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      yield* h.text(42, "/start")
      const menu = yield* h.press(42, encodeCallback({ _tag: "TopUp" }))
      const labels = keyboardOf(menu).map((b) => b.text)
      expect(labels.slice(0, 2)).toEqual(["BTC", "LTC"])
      expect(labels).toContain("USDT · Ethereum") // the processor's assets stay on offer
      // an address is made when the buyer first picks its asset
      expect(yield* (yield* DepositAddresses).open(TelegramId.make(42))).toEqual([])
      const opened = yield* h.press(42, encodeCallback({ _tag: "TopUpAsset", asset: "BTC" }))
      const photo = opened.find((c) => c.method === "sendPhoto")!
      const caption = String(photo.payload["caption"])
      const address = (yield* (yield* DepositAddresses).addressFor(TelegramId.make(42), "BTC")).address
      expect(caption).toContain(address)
      expect(caption).toContain("0.0001 BTC")
      expect(caption).toContain("2 confirmations")
      const again = yield* h.press(42, encodeCallback({ _tag: "TopUpAsset", asset: "BTC" }))
      expect(String(again.find((c) => c.method === "sendPhoto")!.payload["caption"])).toContain(address) // permanent
      const check = buttons(photo).find((b) => b.text.includes("Check"))!
      expect(texts(yield* h.press(42, check.callback_data))[0]).toContain("Nothing has arrived")

      const chain = yield* ChainDeposits
      const seen = { asset: "BTC" as const, txid: "f00d", index: 1, address, units: 200_000n, final: false }
      yield* chain.observe({ watcher: "btc-test", seen: [{ ...seen, confirmations: 1, block: { height: 10, hash: "a" } }], vanished: [] })
      expect(texts(yield* h.press(42, check.callback_data))[0]).toContain("seen, 1 of 2 confirmations")
      yield* chain.observe({ watcher: "btc-test", seen: [{ ...seen, confirmations: 2, block: { height: 10, hash: "a" } }], vanished: [], cursor: { value: "{}", height: 11 } })
      const credited = texts(yield* h.press(42, check.callback_data))[0]!
      expect(credited).toContain("0.002 BTC · credited $120.00")
      expect(credited).toContain("mempool.space/tx/f00d")
      // another buyer's Check of the same asset shows only their own deposits
      expect(texts(yield* h.press(43, check.callback_data))[0]).toContain("Nothing has arrived")
    }).pipe(Effect.provide(shop)))

  it.scoped("the admins' Deposits view: recent deposits, watchers and their last error; refused to anyone else", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      yield* h.text(ADMIN, "/start")
      const chain = yield* ChainDeposits
      yield* chain.recordError("ltc-core", "connection refused")
      yield* chain.observe({ watcher: "btc-esplora", seen: [], vanished: [], cursor: { value: "{}", height: 870_000 } })
      const view = texts(yield* h.press(ADMIN, encodeCallback({ _tag: "AdminDeposits", page: 0 })))[0]!
      expect(view).toContain("btc-esplora")
      expect(view).toContain("block 870000")
      expect(view).toContain("ltc-core")
      expect(view).toContain("connection refused")
      const admin = yield* h.press(ADMIN, encodeCallback({ _tag: "Admin" }))
      expect(keyboardOf(admin).map((b) => b.text)).toContain("📥 Deposits")
      yield* h.text(77, "/start")
      expect(alerts(yield* h.press(77, encodeCallback({ _tag: "AdminDeposits", page: 0 })))[0]).toContain("expired")
    }).pipe(Effect.provide(shop)))
})

describe("the ETH address of a shop whose watcher sees only direct transfers", () => {
  const eth = (directOnly: ReadonlyArray<"ETH">) => ShopMemory({ ...settings, chain: { ...ShopConfig.defaults.chain, assets: ["ETH"], directOnly } })
  const caption = (user = 42, language = "en") =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      yield* h.text(user, "/start", language)
      const opened = yield* h.press(user, { _tag: "TopUpAsset", asset: "ETH" }, language)
      return String(opened.find((c) => c.method === "sendPhoto")!.payload["caption"])
    })

  it.scoped("says that ETH a contract sends is not seen by itself: send from an ordinary wallet, or give support the hash", () =>
    Effect.gen(function*() {
      const en = yield* caption()
      expect(en).toContain("Your ETH deposit address")
      expect(en).toContain("Only direct transfers to this address are seen: ETH sent by a smart contract (for example a Safe or an exchange's batch withdrawal) is not seen by itself")
      expect(en).toContain("Send from an ordinary wallet, or give the shop's support the transaction hash.")
      expect(yield* caption(43, "de")).toContain("Nur direkte Überweisungen an diese Adresse werden erkannt")
    }).pipe(Effect.provide(eth(["ETH"]))))

  it.scoped("says nothing of it when the watcher sees every transfer", () =>
    Effect.gen(function*() {
      const en = yield* caption()
      expect(en).toContain("Your ETH deposit address")
      expect(en).not.toContain("Only direct transfers")
    }).pipe(Effect.provide(eth([]))))
})
