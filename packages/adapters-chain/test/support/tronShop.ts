/** The in-memory shop, fake TronGrid and helpers the TronGrid tests share. */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { sha256 } from "@noble/hashes/sha2.js"
import { base58check } from "@scure/base"
import { ChainDeposits, type ConfirmationPolicy, DepositAddresses, Ledger, ShopConfig, ShopLive, TelegramId, Users } from "@tokenshop/domain"
import {
  AddressValidatorMemory, EventLog, NotifierMemory, PaymentGatewayMemory, PriceSourceMemory, StorageMemory, WalletProcessorMemory
} from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import { HdAddressDeriver } from "../../src/derive/HdDeriver.js"
import { accountPublicKey } from "../../src/derive/Offline.js"
import { FakeTronGrid } from "../../src/testing/FakeTronGrid.js"
import { makeAddressScanner } from "../../src/watchers/AddressScanner.js"
import { makeTronGridSource, type TronGridSettings } from "../../src/watchers/tron/TronGrid.js"

export const mnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
export const shopWith = (confirmations: ConfirmationPolicy) =>
  ShopLive.pipe(
    Layer.provideMerge(StorageMemory),
    Layer.provideMerge(Layer.mergeAll(
      NotifierMemory, PaymentGatewayMemory(), WalletProcessorMemory(), AddressValidatorMemory, PriceSourceMemory(),
      Layer.orDie(HdAddressDeriver({ tron: { key: Either.getOrThrow(accountPublicKey(mnemonic, "", "tron")) } }))
    )),
    Layer.provideMerge(ShopConfig.layer({ chain: { ...ShopConfig.defaults.chain, assets: ["USDT_TRC20"], confirmations: { USDT_TRC20: confirmations } } })),
    Layer.provideMerge(FetchHttpClient.layer)
  )
export const b58 = base58check(sha256)
export const addressOf = (byte: number) => b58.encode(Uint8Array.from([0x41, ...new Array<number>(20).fill(byte)]))
export const stranger = addressOf(0x33)
export const otherToken = addressOf(0x44)
export const usdt = (n: number) => BigInt(n) * 1_000_000n

export const fakeTronGrid = Effect.acquireRelease(
  Effect.promise(async () => {
    const fake = new FakeTronGrid()
    await fake.start()
    return fake
  }),
  (fake) => Effect.promise(() => fake.stop())
)
export const scannerOf = (fake: FakeTronGrid, extra: Partial<TronGridSettings> = {}) =>
  Effect.flatMap(
    makeTronGridSource({ name: "tron-trongrid", baseUrl: fake.url, requestsPerSecond: 1000, timeout: "250 millis", retries: 2, backoff: "10 millis", ...extra }),
    (source) => makeAddressScanner(source)
  )
export const buyer = (id: number) =>
  Effect.gen(function*() {
    const user = (yield* (yield* Users).register({ id: TelegramId.make(id), username: null, language: "en" })).id
    const { address } = yield* (yield* DepositAddresses).addressFor(user, "USDT_TRC20")
    return { user, address }
  })
export const deposits = (user: TelegramId) =>
  Effect.map(Effect.flatMap(ChainDeposits, (c) => c.mine(user, "USDT_TRC20", { offset: 0, limit: 100 })), (p) =>
    [...p.items].sort((a, b) => a.txid.localeCompare(b.txid) || a.index - b.index))
export const balance = (user: TelegramId) => Effect.map(Effect.flatMap(Ledger, (l) => l.balance(user)), (b) => b.available.amount)
export const events = <T extends "DepositSeen" | "DepositCredited" | "DepositHeld" | "DepositReleased">(tag: T) => Effect.flatMap(EventLog, (log) => log.ofTag(tag))
export const listRequests = (fake: FakeTronGrid) => fake.requests.filter((r) => r.path.endsWith("/transactions/trc20"))
