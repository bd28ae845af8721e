/**
 * Crediting an Ethereum transaction by its hash from the bot: the Deposits screen's button (only when
 * the shop takes ETH), the hash asked for, each payment recorded with where it stands, or why nothing
 * was, in plain words; `/credittx HASH` the same. Anyone else, a forged button or a bad hash changes nothing.
 */
import { describe, expect, it } from "@effect/vitest"
import {
  ChainLookup, DepositAddresses, Ledger, type LookedUpTransaction, Prompts, ServiceUnavailable, ShopConfig, TelegramId
} from "@tokenshop/domain"
import { makeChainLookupMemory, ServicesMemory, ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { ask } from "../../src/Asked.js"
import { ADMIN, alerts, buttons, type Call, makeHarness, settings, texts } from "../harness.js"

const HASH = `0x${"ab".repeat(32)}`
const OTHER = `0x${"cd".repeat(32)}`
const CENT_ETH = 10n ** 16n // 0.01 ETH = 30 USD
const withEth = { ...settings, chain: { ...ShopConfig.defaults.chain, assets: ["ETH" as const], confirmations: { ETH: 3 } } }

const shopWith = (lookup: Layer.Layer<ChainLookup> | null, config: Partial<ShopConfig["Type"]> = withEth) =>
  ShopMemory(config, { services: lookup === null ? ServicesMemory : Layer.merge(ServicesMemory, lookup) })
const memory = () => {
  const lookup = makeChainLookupMemory()
  return { lookup: lookup.control, shop: shopWith(lookup.layer) }
}

const tx = (transfers: LookedUpTransaction["transfers"], over: Partial<LookedUpTransaction> = {}): LookedUpTransaction => ({
  txid: HASH, block: { height: 100, hash: "0xb100" }, confirmations: 5, final: false, traced: true, transfers, ...over
})
/** The contract's own call (index 0, to the contract) and its internal payments to `to`. */
const internal = (...to: ReadonlyArray<readonly [string, bigint]>) => [
  { asset: "ETH" as const, index: 0, to: "0x00000000000000000000000000000000000005af", units: CENT_ETH },
  ...to.map(([address, units], i) => ({ asset: "ETH" as const, index: i + 1, to: address, units }))
]

const lastText = (calls: ReadonlyArray<Call>) => texts(calls).at(-1) ?? ""
const labels = (calls: ReadonlyArray<Call>) => calls.flatMap((c) => buttons(c)).map((b) => b.text)
const balance = (user: number) => Effect.map(Effect.flatMap(Ledger, (l) => l.balance(TelegramId.make(user))), (b) => b.available.amount)
const addressOf = (user: number) => Effect.map(Effect.flatMap(DepositAddresses, (d) => d.addressFor(TelegramId.make(user), "ETH")), (a) => a.address)
const openQuestion = (user: number) => Effect.map(Effect.flatMap(Prompts, (p) => p.current(TelegramId.make(user))), Option.map((p) => p.kind))

describe("crediting a transaction by its hash in the bot", () => {
  it.scoped("the Deposits screen offers it when the shop takes ETH: button, hash asked, each payment and where it stands; credited once", () => {
    const { lookup, shop } = memory()
    return Effect.gen(function*() {
      const h = yield* makeHarness()
      yield* h.text(42, "/start")
      yield* h.text(43, "/start")
      const a42 = yield* addressOf(42)
      const a43 = yield* addressOf(43)
      lookup.set("ethereum", tx(internal([a42, CENT_ETH], [a43, 10n ** 15n])))

      const deposits = yield* h.press(ADMIN, { _tag: "AdminDeposits", page: 0 })
      const credit = buttons(deposits.find((c) => c.method === "editMessageText")).find((b) => b.text === "🔎 Credit a transaction")
      expect(credit).toBeDefined()
      expect(lastText(yield* h.press(ADMIN, credit!.callback_data))).toContain("Send the hash of an Ethereum transaction")
      expect(yield* openQuestion(ADMIN)).toEqual(Option.some("CreditTxHash"))
      // not a hash: said so, and the question stays open
      const bad = yield* h.text(ADMIN, "0x1234")
      expect(lastText(bad)).toContain("That is not a transaction hash")
      expect(labels(bad)).toContain("✖️ Cancel")
      expect(yield* openQuestion(ADMIN)).toEqual(Option.some("CreditTxHash"))

      const done = lastText(yield* h.text(ADMIN, ` ${HASH.toUpperCase().replace("0X", "0x")} `))
      expect(done).toContain("etherscan.io/tx/" + HASH)
      expect(done).toContain("• 0.01 ETH to buyer 42: credited")
      expect(done).toContain("• 0.001 ETH to buyer 43: below the minimum of 0.002 ETH: not credited")
      expect(done).not.toContain("could not trace")
      expect(yield* openQuestion(ADMIN)).toEqual(Option.none())
      expect(yield* balance(42)).toBe(3000n)
      // asked again, by the command: the same payments, credited once
      expect(lastText(yield* h.text(ADMIN, `/credittx ${HASH}`))).toContain("• 0.01 ETH to buyer 42: credited")
      expect(lastText(yield* h.text(ADMIN, `/credittx@shop_bot ${HASH}`))).toContain("to buyer 42: credited")
      expect(yield* balance(42)).toBe(3000n)
      expect(yield* balance(43)).toBe(0n)
    }).pipe(Effect.provide(shop))
  })

  it.scoped("not deep enough yet: pending, n of m; a node that cannot trace: only the direct value was checked", () => {
    const { lookup, shop } = memory()
    return Effect.gen(function*() {
      const h = yield* makeHarness()
      yield* h.text(42, "/start")
      const a42 = yield* addressOf(42)
      lookup.set("ethereum", tx([{ asset: "ETH", index: 0, to: a42, units: CENT_ETH }], { confirmations: 1, traced: false }))
      const shown = lastText(yield* h.text(ADMIN, `/credittx ${HASH}`))
      expect(shown).toContain("• 0.01 ETH to buyer 42: seen, 1 of 3 confirmations")
      expect(shown).toContain("The node could not trace this transaction, so only its direct value was checked")
      expect(yield* balance(42)).toBe(0n)
    }).pipe(Effect.provide(shop))
  })

  it.scoped("refusals in plain words, changing nothing: not a hash, none given, unknown to the node, paying no buyer", () => {
    const { lookup, shop } = memory()
    return Effect.gen(function*() {
      const h = yield* makeHarness()
      yield* h.text(42, "/start")
      yield* addressOf(42)
      lookup.set("ethereum", tx(internal(["0x000000000000000000000000000000000000dEaD", CENT_ETH])))
      expect(lastText(yield* h.text(ADMIN, "/credittx 0x1234"))).toContain("That is not a transaction hash: send 0x followed by 64 hex digits")
      expect(lastText(yield* h.text(ADMIN, "/credittx nonsense <b>"))).toContain("That is not a transaction hash")
      expect(lastText(yield* h.text(ADMIN, "/credittx"))).toContain("Send the transaction's hash after the command")
      expect(lastText(yield* h.text(ADMIN, `/credittx ${OTHER}`))).toContain(`The node does not know the transaction <code>${OTHER}</code>`)
      expect(lastText(yield* h.text(ADMIN, `/credittx ${HASH}`))).toContain(`The transaction <code>${HASH}</code> pays none of the buyers' addresses: nothing was credited`)
      // the typed answer: a refusal other than a bad hash ends the question
      yield* h.press(ADMIN, { _tag: "CreditTx" })
      expect(lastText(yield* h.text(ADMIN, OTHER))).toContain("The node does not know the transaction")
      expect(yield* openQuestion(ADMIN)).toEqual(Option.none())
      expect(yield* balance(42)).toBe(0n)
    }).pipe(Effect.provide(shop))
  })

  it.scoped("without a node to read from it is not available; a node that fails is said so", () =>
    Effect.gen(function*() {
      const none = yield* Effect.provide(Effect.gen(function*() {
        const h = yield* makeHarness()
        return lastText(yield* h.text(ADMIN, `/credittx ${HASH}`))
      }), shopWith(null))
      expect(none).toContain("Transactions cannot be looked up here: this shop has no Ethereum node")
      const failing = Layer.succeed(ChainLookup, ChainLookup.of({
        networks: ["ethereum"],
        transaction: () => Effect.fail(new ServiceUnavailable({ service: "wallet", detail: "connection refused" }))
      }))
      const down = yield* Effect.provide(Effect.gen(function*() {
        const h = yield* makeHarness()
        return lastText(yield* h.text(ADMIN, `/credittx ${HASH}`))
      }), shopWith(failing))
      expect(down).toContain("The node cannot be asked right now (connection refused). Nothing changed")
    }))

  it.scoped("a shop that does not take ETH shows no button; a forged press is refused; the command says it is not available", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      const deposits = yield* h.press(ADMIN, { _tag: "AdminDeposits", page: 0 })
      expect(labels(deposits)).not.toContain("🔎 Credit a transaction")
      expect(alerts(yield* h.press(ADMIN, { _tag: "CreditTx" }))[0]).toContain("expired")
      expect(yield* openQuestion(ADMIN)).toEqual(Option.none())
      expect(lastText(yield* h.text(ADMIN, `/credittx ${HASH}`))).toContain("Transactions cannot be looked up here")
    }).pipe(Effect.provide(shopWith(makeChainLookupMemory().layer, settings))))

  it.scoped("anyone else gets the stale-button alert or the main menu, and nothing is credited; a forged payload is refused", () => {
    const { lookup, shop } = memory()
    return Effect.gen(function*() {
      const h = yield* makeHarness()
      yield* h.text(42, "/start")
      lookup.set("ethereum", tx(internal([yield* addressOf(42), CENT_ETH])))
      expect(alerts(yield* h.press(42, { _tag: "CreditTx" }))[0]).toContain("expired")
      expect(yield* openQuestion(42)).toEqual(Option.none())
      expect(lastText(yield* h.text(42, `/credittx ${HASH}`))).toContain("Welcome")
      // even with the admin's question left open under the buyer's id
      yield* ask(yield* Prompts, TelegramId.make(42), { _tag: "CreditTxHash" })
      expect(lastText(yield* h.text(42, HASH))).toContain("Welcome")
      expect(yield* openQuestion(42)).toEqual(Option.none())
      expect(yield* balance(42)).toBe(0n)
      // a forged button (arguments where there are none) is the stale-button alert, for an admin too
      expect(alerts(yield* h.press(ADMIN, "1ah:0xabab"))[0]).toContain("expired")
      expect(yield* openQuestion(ADMIN)).toEqual(Option.none())
    }).pipe(Effect.provide(shop))
  })
})
