/**
 * The in-memory shop of the scanner tests, taking ETH, USDT_ERC20 and USDC_ERC20 on real addresses
 * derived from the test mnemonic's Ethereum account key; and a source wrapper that records the
 * heights read and can stop a scan at a chosen height.
 */
import { ChainDeposits, type ConfirmationPolicy, type DomainEvent, type TelegramId } from "@tokenshop/domain"
import { EventLog } from "@tokenshop/domain/testing/memory"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import type { Address } from "viem"
import type { BlockSource } from "../../src/watchers/Sources.js"
import { accountKey, buyerOf, chainShop, hdDeriver } from "./chainShop.js"

export { balance } from "./chainShop.js"
export const ethAccountKey = accountKey("ethereum")

type EvmAsset = "ETH" | "USDT_ERC20" | "USDC_ERC20"

export const evmShop = (confirmations: Record<EvmAsset, ConfirmationPolicy> = { ETH: 3, USDT_ERC20: 3, USDC_ERC20: 3 }) =>
  chainShop({ assets: ["ETH", "USDT_ERC20", "USDC_ERC20"], confirmations }, hdDeriver({ ethereum: { key: ethAccountKey } }))

/** A registered buyer and their Ethereum deposit address (EIP-55, as stored). */
export const buyer = (id: number) =>
  Effect.map(buyerOf(id, "ETH"), ({ address, user }) => ({ user, address: address as Address }))

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
