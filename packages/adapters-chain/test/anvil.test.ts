/**
 * The Ethereum source against a real node (anvil) through the block scanner and the in-memory shop:
 * native ETH and two 6-decimal tokens paid to derived addresses, a batch payout, restarts and an
 * interrupted cycle, the finalized policy, a reorganisation, and HTTP faults on the way to the node.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import { makeBlockScanner } from "../src/watchers/BlockScanner.js"
import { strangerAddress } from "../src/testing/Anvil.js"
import { ETH, useAnvil } from "./support/anvilSetup.js"
import { balance, buyer, events, evmShop, payments, recording, records } from "./support/evmShop.js"

const chain = useAnvil()
const { node, mine, nextHeight, source } = chain

describe("ethereum through anvil", () => {
  it.scopedLive("ETH and two tokens to derived addresses: each credited once, after 3 blocks, to the stored address", () =>
    Effect.gen(function*() {
      const start = yield* nextHeight
      const a = yield* buyer(8001)
      const b = yield* buyer(8002)
      expect(a.address).not.toBe(a.address.toLowerCase()) // EIP-55
      const scanner = yield* makeBlockScanner(yield* source(), { startHeight: start })
      yield* node((n) => n.pay(a.address, ETH))
      yield* node((n) => n.payToken(chain.usdt, a.address, 5_000_000n))
      yield* node((n) => n.payToken(chain.usdc, b.address, 7_000_000n))
      yield* node((n) => n.pay(strangerAddress, ETH))
      yield* node((n) => n.payToken(chain.usdt, strangerAddress, 9_000_000n))
      yield* mine()
      yield* scanner.cycle
      expect(yield* payments(a.user)).toEqual([["ETH", 0, ETH, 1, "pending"], ["USDT_ERC20", 0, 5_000_000n, 1, "pending"]])
      yield* mine()
      yield* scanner.cycle
      expect(yield* balance(a.user)).toBe(0n)
      yield* mine()
      yield* scanner.cycle
      expect(yield* balance(a.user)).toBe(3500n) // 30 USD + 5 USD
      expect(yield* balance(b.user)).toBe(700n)
      const [d] = yield* records(a.user)
      expect([d?.address, d?.status, d?.confirmations]).toEqual([a.address, "credited", 3])
      yield* mine(2)
      yield* scanner.cycle
      yield* scanner.cycle
      expect(yield* balance(a.user)).toBe(3500n)
      expect(yield* events("DepositCredited")).toBe(3)
    }).pipe(Effect.provide(evmShop())))

  it.scopedLive("a batch payout to two buyers, paying one of them twice in the transaction, is three credits", () =>
    Effect.gen(function*() {
      const start = yield* nextHeight
      const a = yield* buyer(8101)
      const b = yield* buyer(8102)
      for (let i = 0; i < 40; i++) yield* buyer(8110 + i)
      const evm = yield* source()
      const scanner = yield* makeBlockScanner(evm, { startHeight: start })
      yield* node((n) => n.batch(chain.usdt, [a.address, b.address, strangerAddress, a.address], [1_000_000n, 2_000_000n, 4_000_000n, 3_000_000n]))
      yield* mine(3)
      yield* scanner.cycle
      // the tip (twice in a first cycle), then each block and its logs: 42 buyers cost what one costs
      expect(evm.sent()).toBe(2 + 3 + 1) // tip and reorg check, a getBlock a block, and ONE getLogs for the range
      expect(yield* payments(a.user)).toEqual([["USDT_ERC20", 0, 1_000_000n, 3, "credited"], ["USDT_ERC20", 3, 3_000_000n, 3, "credited"]])
      expect(yield* payments(b.user)).toEqual([["USDT_ERC20", 1, 2_000_000n, 3, "credited"]])
      expect([yield* balance(a.user), yield* balance(b.user)]).toEqual([400n, 200n])
    }).pipe(Effect.provide(evmShop())))

  it.scopedLive("a restarted watcher and a cycle interrupted halfway resume from the stored cursor: no block missed, nothing credited twice", () =>
    Effect.gen(function*() {
      const start = yield* nextHeight
      const a = yield* buyer(8201)
      const evm = yield* source()
      const first = recording(evm)
      yield* node((n) => n.pay(a.address, ETH))
      yield* mine()
      yield* (yield* makeBlockScanner(first.source, { startHeight: start })).cycle
      yield* mine(2)
      yield* node((n) => n.payToken(chain.usdt, a.address, 5_000_000n))
      yield* mine()
      const second = recording(evm) // a restart: a new scanner over the stored cursor
      yield* (yield* makeBlockScanner(second.source, { startHeight: start })).cycle
      expect([first.heights, second.heights]).toEqual([[start], [start + 1, start + 2, start + 3]])
      expect(yield* balance(a.user)).toBe(3000n)
      yield* node((n) => n.payToken(chain.usdc, a.address, 2_000_000n))
      yield* mine(4)
      const reached = yield* Deferred.make<void>()
      const third = recording(evm, { height: start + 6, reached })
      const fiber = yield* Effect.fork((yield* makeBlockScanner(third.source, { startHeight: start })).cycle)
      yield* Deferred.await(reached)
      yield* Fiber.interrupt(fiber)
      expect(third.heights).toEqual([start + 4, start + 5])
      expect(yield* payments(a.user)).toEqual([["ETH", 0, ETH, 4, "credited"], ["USDT_ERC20", 0, 5_000_000n, 1, "pending"]])
      const fourth = recording(evm)
      const scanner = yield* makeBlockScanner(fourth.source, { startHeight: start })
      yield* scanner.cycle
      expect(fourth.heights).toEqual([start + 4, start + 5, start + 6, start + 7])
      yield* scanner.cycle
      expect(yield* balance(a.user)).toBe(3700n)
      expect(yield* events("DepositCredited")).toBe(3)
    }).pipe(Effect.provide(evmShop())))

  it.scopedLive("under the finalized policy a payment waits for the node's finalized block, however deep it is", () =>
    Effect.gen(function*() {
      const start = yield* nextHeight
      const a = yield* buyer(8301)
      const counting = yield* makeBlockScanner(yield* source({ name: "eth-rpc-depth" }), { startHeight: start })
      const finality = yield* makeBlockScanner(yield* source({ finality: "finalized" }), { startHeight: start })
      yield* node((n) => n.pay(a.address, ETH))
      yield* mine(2)
      yield* finality.cycle // anvil finalizes the tip less 2
      expect(yield* payments(a.user)).toEqual([["ETH", 0, ETH, 2, "pending"]])
      yield* mine(6)
      yield* counting.cycle
      expect(yield* payments(a.user)).toEqual([["ETH", 0, ETH, 8, "pending"]])
      yield* finality.cycle
      expect(yield* balance(a.user)).toBe(3000n)
      const [d] = yield* records(a.user)
      expect([d?.status, d?.final]).toEqual(["credited", true])
    }).pipe(Effect.provide(evmShop({ ETH: "final", USDT_ERC20: "final", USDC_ERC20: "final" }))))

  it.scopedLive("a token transfer mined again behind another transfer, its log moved in the block, is still one payment, credited once", () =>
    Effect.gen(function*() {
      const start = yield* nextHeight
      const [a, b] = [yield* buyer(8451), yield* buyer(8452)]
      const scanner = yield* makeBlockScanner(yield* source(), { startHeight: start })
      yield* node((n) => n.payToken(chain.usdt, strangerAddress, 50_000_000n)) // tokens the stranger pays with later
      yield* mine()
      const snapshot = yield* node((n) => n.snapshot())
      const paid = yield* node((n) => n.payToken(chain.usdt, a.address, 5_000_000n))
      yield* mine(3)
      yield* scanner.cycle
      expect(yield* balance(a.user)).toBe(500n)
      yield* node((n) => n.revert(snapshot))
      yield* node((n) => n.strangerPaysToken(chain.usdt, b.address, 2_000_000n, 50n)) // a higher tip: mined first
      yield* node((n) => n.sendRaw(paid.raw))
      yield* mine(5)
      const receipt = yield* node(async (n) => {
        const answer = await fetch(n.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_getTransactionReceipt", params: [paid.hash] }) })
        return ((await answer.json()) as { result: { logs: Array<{ logIndex: string }> } }).result
      })
      expect(receipt.logs.map((l) => Number(l.logIndex))).toEqual([1]) // the log is second in its block now
      yield* scanner.cycle
      expect(yield* payments(a.user)).toEqual([["USDT_ERC20", 0, 5_000_000n, 5, "credited"]])
      expect([yield* balance(a.user), yield* balance(b.user)]).toEqual([500n, 200n])
      expect(yield* events("DepositCredited")).toBe(2)
      expect(yield* events("DepositHeld")).toBe(0)
    }).pipe(Effect.provide(evmShop())))

  it.scopedLive("a reorganisation that drops a credited payment holds it; the same signed transaction mined and confirmed again releases it", () =>
    Effect.gen(function*() {
      const start = yield* nextHeight
      const a = yield* buyer(8401)
      const scanner = yield* makeBlockScanner(yield* source(), { startHeight: start })
      const snapshot = yield* node((n) => n.snapshot())
      const eth = yield* node((n) => n.pay(a.address, ETH))
      const token = yield* node((n) => n.payToken(chain.usdt, a.address, 5_000_000n))
      yield* mine(3)
      yield* scanner.cycle
      expect(yield* balance(a.user)).toBe(3500n)
      yield* node((n) => n.revert(snapshot))
      yield* mine(5) // the new chain is longer, without the two transactions
      yield* scanner.cycle
      expect(yield* balance(a.user)).toBe(0n)
      expect(yield* events("DepositHeld")).toBe(2)
      yield* node((n) => n.sendRaw(eth.raw))
      yield* node((n) => n.sendRaw(token.raw))
      yield* scanner.cycle // in the mempool: still held
      expect(yield* payments(a.user)).toEqual([["ETH", 0, ETH, 0, "held"], ["USDT_ERC20", 0, 5_000_000n, 0, "held"]])
      yield* mine()
      yield* scanner.cycle
      expect(yield* balance(a.user)).toBe(0n)
      yield* mine(2)
      yield* scanner.cycle
      expect(yield* balance(a.user)).toBe(3500n)
      expect(yield* events("DepositReleased")).toBe(2)
      expect(yield* events("DepositCredited")).toBe(2)
    }).pipe(Effect.provide(evmShop())))
})
