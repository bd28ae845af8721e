/**
 * The in-memory shop of the scanner tests, taking ETH, USDT_ERC20 and USDC_ERC20 on real addresses
 * derived from the test mnemonic's Ethereum account key; and a source wrapper that records the
 * heights read and can stop a scan at a chosen height.
 */
import {
  ChainDeposits, type ConfirmationPolicy, DepositAddresses, type DomainEvent, Ledger, ShopConfig, ShopLive, TelegramId, Users
} from "@tokenshop/domain"
import {
  AddressValidatorMemory, EventLog, NotifierMemory, PaymentGatewayMemory, PriceSourceMemory, StorageMemory, WalletProcessorMemory
} from "@tokenshop/domain/testing/memory"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import type { Address } from "viem"
import { HdAddressDeriver } from "../../src/derive/HdDeriver.js"
import { accountPublicKey } from "../../src/derive/Offline.js"
import type { BlockSource } from "../../src/watchers/Sources.js"

export const testMnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
export const ethAccountKey = Either.getOrThrow(accountPublicKey(testMnemonic, "", "ethereum"))

type EvmAsset = "ETH" | "USDT_ERC20" | "USDC_ERC20"

export const evmShop = (confirmations: Record<EvmAsset, ConfirmationPolicy> = { ETH: 3, USDT_ERC20: 3, USDC_ERC20: 3 }) =>
  Layer.mergeAll(ShopLive).pipe(
    Layer.provideMerge(StorageMemory),
    Layer.provideMerge(Layer.mergeAll(
      NotifierMemory, PaymentGatewayMemory(), WalletProcessorMemory(), AddressValidatorMemory, PriceSourceMemory(),
      Layer.orDie(HdAddressDeriver({ ethereum: { key: ethAccountKey } }))
    )),
    Layer.provideMerge(ShopConfig.layer({ chain: { ...ShopConfig.defaults.chain, assets: ["ETH", "USDT_ERC20", "USDC_ERC20"], confirmations } }))
  )

/** A registered buyer and their Ethereum deposit address (EIP-55, as stored). */
export const buyer = (id: number) =>
  Effect.gen(function*() {
    const user = (yield* (yield* Users).register({ id: TelegramId.make(id), username: null, language: "en" })).id
    const { address } = yield* (yield* DepositAddresses).addressFor(user, "ETH")
    return { user, address: address as Address }
  })

/** Available balance in cents. */
export const balance = (user: TelegramId) => Effect.map(Effect.flatMap(Ledger, (l) => l.balance(user)), (b) => b.available.amount)

/** The buyer's chain payments as recorded, oldest first. */
export const records = (user: TelegramId) =>
  Effect.map(Effect.flatMap(ChainDeposits, (c) => c.mine(user, null, { offset: 0, limit: 50 })), (p) => [...p.items].reverse())

/** The buyer's chain payments as [asset, index, units, confirmations, status], oldest first. */
export const payments = (user: TelegramId) =>
  Effect.map(records(user), (all) => all.map((d) => [d.asset, d.index, d.units, d.confirmations, d.status] as const))

export const events = (tag: DomainEvent["_tag"]) => Effect.map(Effect.flatMap(EventLog, (l) => l.ofTag(tag)), (e) => e.length)

/**
 * The source read block by block (its range read left out), recording every height read; with
 * `stopAt`, reading that height signals `reached` and then waits forever (for a test to interrupt the
 * cycle there).
 */
export const recording = (source: BlockSource, stopAt?: { readonly height: number; readonly reached: Deferred.Deferred<void> }) => {
  const heights: Array<number> = []
  const wrapped: BlockSource = {
    ...source,
    blocks: undefined,
    block: (height, ours) =>
      stopAt !== undefined && height === stopAt.height
        ? Effect.zipRight(Deferred.succeed(stopAt.reached, undefined), Effect.never)
        : Effect.tap(source.block(height, ours), () => Effect.sync(() => void heights.push(height)))
  }
  return { source: wrapped, heights }
}
