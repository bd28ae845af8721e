/**
 * ETH sent by a contract, on a real node (anvil): a forwarding contract pays a buyer's address with an
 * internal transfer. Without tracing the watcher does not see it, and an admin's lookup by hash finds
 * it; with tracing (callTracer) the watcher credits it once, a reorganisation that drops it holds it,
 * and the same signed transaction mined again (its trace read again) releases it.
 */
import { describe, expect, it } from "@effect/vitest"
import { ChainCredits, operator } from "@tokenshop/domain"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { Address } from "viem"
import { strangerAddress } from "../src/testing/Anvil.js"
import { forwarderBytecode, forwardTo } from "../src/testing/Forwarder.js"
import { makeBlockScanner } from "../src/watchers/BlockScanner.js"
import { ETH, useAnvil } from "./support/anvilSetup.js"
import { balance, buyer, events, payments } from "./support/evmShop.js"
import { accountKey, chainShop, hdDeriver } from "./support/chainShop.js"
import { ChainLookup } from "@tokenshop/domain"
import { evmChainLookup } from "../src/watchers/ethereum/EvmLookup.js"

const chain = useAnvil()
const { mine, nextHeight, node, source } = chain

/** The scanner tests' shop, with the chain lookup over an Ethereum source on the test's anvil. */
const shopWithLookup = () =>
  chainShop({ assets: ["ETH", "USDT_ERC20", "USDC_ERC20"], confirmations: { ETH: 3 } }, hdDeriver({ ethereum: { key: accountKey("ethereum") } })).pipe(
    Layer.provideMerge(Layer.scoped(ChainLookup, Effect.map(source(), evmChainLookup)).pipe(Layer.provide(FetchHttpClient.layer)))
  )

describe("ETH sent by a contract", () => {
  let forwarder: Address
  const forward = (to: Address, value: bigint) => node(async (n) => {
    forwarder ??= await n.deployCode(forwarderBytecode)
    return n.callWith(forwarder, forwardTo(to), value)
  })

  it.scopedLive("without tracing it is not seen; an admin credits it by its hash, once; the lookup says what the transaction pays", () =>
    Effect.gen(function*() {
      const start = yield* nextHeight
      const a = yield* buyer(8701)
      const scanner = yield* makeBlockScanner(yield* source(), { startHeight: start })
      const sent = yield* forward(a.address, ETH)
      yield* mine(3)
      yield* scanner.cycle
      expect(yield* payments(a.user)).toEqual([])
      const credits = yield* ChainCredits
      const out = yield* credits.creditTransaction(operator("test"), "ethereum", sent.hash)
      expect([out.traced, out.deposits.map((d) => [d.asset, d.index, d.units, d.status])]).toEqual([true, [["ETH", 1, ETH, "credited"]]])
      yield* credits.creditTransaction(operator("test"), "ethereum", sent.hash)
      yield* mine()
      yield* scanner.cycle
      expect(yield* balance(a.user)).toBe(3000n)
      expect(yield* events("DepositCredited")).toBe(1)
      const direct = yield* node((n) => n.pay(strangerAddress, ETH))
      yield* mine()
      expect(yield* Effect.flip(credits.creditTransaction(operator("test"), "ethereum", direct.hash))).toMatchObject({ reason: "no-payment" })
    }).pipe(Effect.provide(shopWithLookup())))

  it.scopedLive("with tracing the watcher credits it once; dropped by a reorganisation it is held; mined again, released", () =>
    Effect.gen(function*() {
      const start = yield* nextHeight
      const a = yield* buyer(8702)
      const evm = yield* source({ internal: true })
      const scanner = yield* makeBlockScanner(evm, { startHeight: start })
      yield* forward(strangerAddress, 1n) // deploys the forwarder before the snapshot
      yield* mine()
      const snapshot = yield* node((n) => n.snapshot())
      const paid = yield* forward(a.address, ETH)
      yield* mine(3)
      yield* scanner.cycle
      expect(yield* payments(a.user)).toEqual([["ETH", 1, ETH, 3, "credited"]])
      const sent = evm.sent()
      yield* node((n) => n.pay(strangerAddress, 1n))
      yield* mine()
      yield* scanner.cycle
      expect(evm.sent() - sent).toBe(2 + 1 + 1 + 1) // tip and reorg check, the block, its logs, its traces: one request more per block
      yield* node((n) => n.revert(snapshot))
      yield* mine(6)
      yield* scanner.cycle
      expect([yield* balance(a.user), yield* events("DepositHeld")]).toEqual([0n, 1])
      yield* node((n) => n.sendRaw(paid.raw))
      yield* mine(3)
      yield* scanner.cycle
      expect([yield* balance(a.user), yield* events("DepositReleased"), yield* events("DepositCredited")]).toEqual([3000n, 1, 1])
    }).pipe(Effect.provide(shopWithLookup())))
})
