/**
 * What the chain tests share: an in-memory shop taking the assets a test names, addresses derived
 * from the test mnemonic's account keys, a fake API started for the test's scope, and the reads the
 * tests make of the shop.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { expect } from "@effect/vitest"
import {
  ApprovalRunner, type AddressDeriver, type Asset, ChainDeposits, type ChainSettings, DepositAddresses, Ledger, ShopConfig, TelegramId, Users
} from "@tokenshop/domain"
import {
  AddressDeriverMemory, AddressValidatorMemory, BroadcasterMemory, NotifierMemory, PaymentGatewayMemory, PriceSourceMemory, ShopMemory, WalletProcessorMemory
} from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import type { ChainFamily } from "../../src/derive/AccountKeys.js"
import { type AccountKeySettings, HdAddressDeriver } from "../../src/derive/HdDeriver.js"
import { accountPublicKey } from "../../src/derive/Offline.js"
import { ChainSourceError } from "../../src/http/ChainHttp.js"

export const mnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"

/** The test mnemonic's account public key on `chain`. */
export const accountKey = (chain: ChainFamily) => Either.getOrThrow(accountPublicKey(mnemonic, "", chain))

/** The deriver over account keys, as the shop runs it. */
export const hdDeriver = (keys: AccountKeySettings) => Layer.orDie(HdAddressDeriver(keys))

/**
 * ShopMemory with the chain settings' defaults but for `chain`; buyers' addresses come from
 * `deriver` (memory addresses unless given). HTTP goes over fetch.
 */
export const chainShop = (chain: Partial<ChainSettings>, deriver: Layer.Layer<AddressDeriver> = AddressDeriverMemory()) =>
  ShopMemory({ chain: { ...ShopConfig.defaults.chain, ...chain } }, {
    services: Layer.mergeAll(BroadcasterMemory, ApprovalRunner.inline, NotifierMemory, PaymentGatewayMemory(), WalletProcessorMemory(), AddressValidatorMemory, PriceSourceMemory(), deriver)
  }).pipe(Layer.provideMerge(FetchHttpClient.layer))

/** A fake API, started now and stopped with the scope. */
export const serving = <F extends { readonly start: () => Promise<void>; readonly stop: () => Promise<void> }>(fake: F) =>
  Effect.acquireRelease(Effect.as(Effect.promise(() => fake.start()), fake), (f) => Effect.promise(() => f.stop()))

/** A registered buyer and their deposit address for `asset`. */
export const buyerOf = (id: number, asset: Asset) =>
  Effect.gen(function*() {
    const user = (yield* (yield* Users).register({ id: TelegramId.make(id), username: null, language: "en" })).id
    const { address } = yield* (yield* DepositAddresses).addressFor(user, asset)
    return { user, address }
  })

/** Available balance in cents. */
export const balance = (user: TelegramId) => Effect.map(Effect.flatMap(Ledger, (l) => l.balance(user)), (b) => b.available.amount)

/** The buyer's recorded payments in `asset`, by txid and output. */
export const depositsIn = (user: TelegramId, asset: Asset, limit = 100) =>
  Effect.map(Effect.flatMap(ChainDeposits, (c) => c.mine(user, asset, { offset: 0, limit })), (p) =>
    [...p.items].sort((a, b) => a.txid.localeCompare(b.txid) || a.index - b.index))

/** Spoils an answer with each of `spoilers` in turn; each following `cycle` must fail as unreadable. */
export const failsToDecodeAfterEach = <E, R>(cycle: Effect.Effect<unknown, E, R>, spoilers: ReadonlyArray<() => void>) =>
  Effect.forEach(spoilers, (spoil) =>
    Effect.gen(function*() {
      spoil()
      const error = yield* Effect.flip(cycle)
      expect(error instanceof ChainSourceError && error.kind).toBe("decode")
    }), { discard: true })
