/**
 * An admin credits an Ethereum transaction by its hash: ETH a contract sent to a buyer's address,
 * which no watcher sees without tracing. The transaction is read from the chain, and what it pays to
 * buyers is credited once, under the watchers' keys and rules.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import {
  ApprovalRunner, ChainCredits, ChainDeposits, DepositAddresses, Ledger, type LookedUpTransaction, ShopConfig, TelegramId
} from "../src/index.js"
import {
  AddressDeriverMemory, AddressValidatorMemory, BroadcasterMemory, EventLog, makeChainLookupMemory, NotifierMemory, PaymentGatewayMemory,
  PriceSourceMemory, ShopMemory, WalletProcessorMemory
} from "../src/testing/index.js"
import { ADMIN, admin, buyer } from "./support.js"

const ETH = 10n ** 16n // 0.01 ETH: 30 USD
const HASH = `0x${"ab".repeat(32)}`

const setup = (withLookup = true) => {
  const lookup = makeChainLookupMemory()
  const services = Layer.mergeAll(
    NotifierMemory, AddressDeriverMemory(), PaymentGatewayMemory(), WalletProcessorMemory(), AddressValidatorMemory, PriceSourceMemory(),
    BroadcasterMemory, ApprovalRunner.inline, ...(withLookup ? [lookup.layer] : [])
  )
  const shop = ShopMemory({
    admins: new Set([ADMIN]),
    chain: { ...ShopConfig.defaults.chain, assets: ["ETH"], confirmations: { ETH: 3 } }
  }, { services })
  return { lookup: lookup.control, shop }
}

const internal = (to: string, confirmations: number, over: Partial<LookedUpTransaction> = {}): LookedUpTransaction => ({
  txid: HASH, block: { height: 100, hash: "0xb100" }, confirmations, final: false, traced: true,
  transfers: [{ asset: "ETH", index: 0, to: "0x00000000000000000000000000000000000005af", units: ETH }, { asset: "ETH", index: 1, to, units: ETH }],
  ...over
})

describe("crediting a transaction by its hash", () => {
  it.effect("an internal transfer to a buyer is credited once, however often asked; the contract's own value is not the buyer's", () => {
    const { lookup, shop } = setup()
    return Effect.gen(function*() {
      const user = yield* buyer()
      const { address } = yield* (yield* DepositAddresses).addressFor(user, "ETH")
      lookup.set("ethereum", internal(address, 5))
      const credits = yield* ChainCredits
      const first = yield* credits.creditTransaction(admin, "ethereum", ` ${HASH.toUpperCase().replace("0X", "0x")} `)
      expect(first.deposits.map((d) => [d.index, d.status])).toEqual([[1, "credited"]])
      yield* credits.creditTransaction(admin, "ethereum", HASH)
      expect((yield* (yield* Ledger).balance(user)).available.amount).toBe(3000n)
      expect(yield* (yield* EventLog).ofTag("DepositCredited")).toHaveLength(1)
    }).pipe(Effect.provide(shop))
  })

  it.effect("not deep enough yet: recorded as pending, credited by a later sighting", () => {
    const { lookup, shop } = setup()
    return Effect.gen(function*() {
      const user = yield* buyer()
      const { address } = yield* (yield* DepositAddresses).addressFor(user, "ETH")
      lookup.set("ethereum", internal(address, 1))
      const out = yield* (yield* ChainCredits).creditTransaction(admin, "ethereum", HASH)
      expect(out.deposits.map((d) => d.status)).toEqual(["pending"])
      expect((yield* (yield* ChainDeposits).open("ETH", 0, 10)).map((d) => d.txid)).toEqual([HASH])
    }).pipe(Effect.provide(shop))
  })

  it.effect("refused, changing nothing: no lookup, a malformed hash, an unknown transaction, one paying no buyer, a non-admin", () => {
    const { lookup, shop } = setup()
    return Effect.gen(function*() {
      const user = yield* buyer()
      yield* (yield* DepositAddresses).addressFor(user, "ETH")
      lookup.set("ethereum", internal("0x000000000000000000000000000000000000dead", 9))
      const credits = yield* ChainCredits
      const reasons = yield* Effect.forEach(["0x1234", `0x${"cd".repeat(32)}`, HASH], (h) =>
        Effect.map(Effect.flip(credits.creditTransaction(admin, "ethereum", h)), (e) => e._tag === "TransactionNotCredited" ? e.reason : e._tag))
      expect(reasons).toEqual(["malformed", "not-found", "no-payment"])
      expect((yield* Effect.flip(credits.creditTransaction({ kind: "telegram", id: TelegramId.make(user) }, "ethereum", HASH)))._tag).toBe("NotAdmin")
      expect((yield* Effect.flip(credits.creditTransaction(admin, "bitcoin", HASH)))).toMatchObject({ reason: "unavailable" })
      expect((yield* (yield* Ledger).balance(user)).available.amount).toBe(0n)
    }).pipe(Effect.provide(shop))
  })

  it.effect("without a lookup the request is refused as unavailable", () =>
    Effect.gen(function*() {
      expect(yield* Effect.flip((yield* ChainCredits).creditTransaction(admin, "ethereum", HASH))).toMatchObject({ reason: "unavailable" })
    }).pipe(Effect.provide(setup(false).shop)))
})
