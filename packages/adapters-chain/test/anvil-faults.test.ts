/**
 * The Ethereum source's faults against anvil behind a proxy, and against a fake node with awkward
 * answers: 500s, 429 with Retry-After, hangs, malformed answers mid-scan, interrupted cycles; and
 * token units scaled exactly.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { describe, expect, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import { toEventSelector } from "viem"
import { scaleUnits, transferEvent } from "../src/watchers/ethereum/Evm.js"
import { makeBlockScanner } from "../src/watchers/BlockScanner.js"
import { strangerAddress } from "../src/testing/Anvil.js"
import { ETH, useAnvil } from "./support/anvilSetup.js"
import { fakeEvmNode, proxyTo, rpcMethod } from "./support/fakeEvmNode.js"
import { balance, buyer, events, evmShop, payments } from "./support/evmShop.js"

const chain = useAnvil()
const { node, mine, nextHeight, source } = chain

describe("faults between the watcher and the node", () => {
  const proxy = (replace?: Parameters<typeof proxyTo>[1]) =>
    Effect.acquireRelease(Effect.promise(() => proxyTo(chain.anvil.url, replace)), (server) => Effect.promise(server.stop))
  const elapsed = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    Effect.map(Effect.timed(effect), ([duration]) => Duration.toMillis(duration))

  it.scopedLive("500s, a 429 with Retry-After and an unanswered request are retried within the cycle", () =>
    Effect.gen(function*() {
      const server = yield* proxy()
      const start = yield* nextHeight
      const a = yield* buyer(8501)
      const scanner = yield* makeBlockScanner(yield* source({ rpcUrl: server.url, timeout: "300 millis", backoff: "10 millis", retries: 5 }), { startHeight: start })
      yield* node((n) => n.pay(a.address, ETH))
      yield* mine(3)
      Object.assign(server.faults, { hangs: 1, serverErrors: 2, rateLimited: 1, retryAfterSeconds: 1 })
      expect(yield* elapsed(scanner.cycle)).toBeGreaterThanOrEqual(1300) // the timeout, then the Retry-After
      expect(server.faults).toMatchObject({ hangs: 0, serverErrors: 0, rateLimited: 0 })
      expect(yield* balance(a.user)).toBe(3000n)
    }).pipe(Effect.provide(evmShop())))

  it.scopedLive("a malformed answer, or more 500s than retries, fail the cycle without a wrong credit; the next cycle goes on", () =>
    Effect.gen(function*() {
      let logs = 0
      const server = yield* proxy((method) => method === "eth_getLogs" && ++logs === 1 ? { body: "{\"result\": [1, 2" } : undefined)
      const start = yield* nextHeight
      const a = yield* buyer(8601)
      const scanner = yield* makeBlockScanner(yield* source({ rpcUrl: server.url, backoff: "10 millis", retries: 1 }), { startHeight: start })
      yield* node((n) => n.pay(a.address, ETH))
      yield* mine()
      yield* node((n) => n.payToken(chain.usdt, a.address, 5_000_000n))
      yield* mine(3)
      const malformed = yield* Effect.flip(scanner.cycle)
      expect([malformed._tag, malformed.kind]).toEqual(["ChainSourceError", "decode"])
      expect(yield* payments(a.user)).toEqual([]) // a range is read whole or not at all
      server.faults.serverErrors = 2
      const refused = yield* Effect.flip(scanner.cycle)
      expect([refused.kind, refused.status]).toEqual(["status", 500])
      yield* scanner.cycle
      expect(yield* payments(a.user)).toEqual([["ETH", 0, ETH, 4, "credited"], ["USDT_ERC20", 0, 5_000_000n, 3, "credited"]])
      expect(yield* events("DepositCredited")).toBe(2)
    }).pipe(Effect.provide(evmShop())))

  it.scopedLive("an interrupted cycle abandons its unanswered request: no retries behind its back", () =>
    Effect.gen(function*() {
      const server = yield* proxy()
      const evm = yield* source({ rpcUrl: server.url, timeout: "200 millis", backoff: "10 millis", retries: 3 })
      server.faults.hangs = 4
      const fiber = yield* Effect.fork(evm.tip)
      while (server.requests.length === 0) yield* Effect.sleep("5 millis")
      yield* Fiber.interrupt(fiber)
      yield* Effect.sleep("500 millis") // two timeouts' worth: a request left running would have been retried by now
      expect([server.requests.length, evm.sent()]).toEqual([1, 1])
    }).pipe(Effect.provide(FetchHttpClient.layer)))

  it.scopedLive("a node's awkward answers: only real, successful, positive payments to our addresses of our contracts count", () =>
    Effect.gen(function*() {
      const { usdt, usdc } = chain
      const setup = { ours: "0x9858EfFD232B4033E47d90003D41EC34EcaEda94", stranger: strangerAddress, usdt, usdc, unknownToken: "0x00000000000000000000000000000000DeaDBeef" } as const
      const fake = yield* Effect.acquireRelease(Effect.promise(() => fakeEvmNode(setup)), ({ server }) => Effect.promise(server.stop))
      const evm = yield* source({ rpcUrl: fake.server.url, retries: 0 })
      const ours = (address: string) => address.toLowerCase() === setup.ours.toLowerCase() ? setup.ours : null
      const block = yield* evm.block(5, ours)
      expect(block).toEqual({
        height: 5, hash: fake.blockHash, parent: fake.hash(5004),
        payments: [
          { asset: "ETH", txid: fake.hash(4), index: 0, address: setup.ours, units: ETH },
          { asset: "USDC_ERC20", txid: fake.hash(9), index: 0, address: setup.ours, units: 7_000_000n } // the first USDC Transfer of its transaction
        ]
      })
      expect(yield* Effect.flip(evm.tip)).toMatchObject({ kind: "decode" })
      expect(yield* Effect.flip(evm.block(6, ours))).toMatchObject({ kind: "rpc" })
      expect(yield* evm.hashAt(6)).toBeNull()
      expect(yield* Effect.forEach([fake.hash(4), fake.hash(1), fake.hash(12), fake.hash(13), "0xnot-a-hash"], (t) => evm.locate(t))).toEqual([
        { _tag: "Block", height: 5, hash: fake.blockHash }, { _tag: "Gone" }, { _tag: "Mempool" }, { _tag: "Gone" }, { _tag: "Gone" }
      ])
      // A token payment is located by the receipt's logs: the recorded transfer (contract, ordinal, recipient, amount) must be there.
      const usdcPaid = { asset: "USDC_ERC20", txid: fake.hash(9), index: 0, address: setup.ours, units: 7_000_000n } as const
      expect(yield* Effect.forEach([
        usdcPaid, { ...usdcPaid, units: 8_000_000n }, { ...usdcPaid, index: 1 }, { ...usdcPaid, address: strangerAddress }, { ...usdcPaid, asset: "USDT_ERC20" }
      ] as const, (p) => evm.locate(p.txid, p))).toEqual([
        { _tag: "Block", height: 5, hash: fake.blockHash }, { _tag: "Gone" }, { _tag: "Gone" }, { _tag: "Gone" }, { _tag: "Gone" }
      ])
      // one query for both contracts, by the event's signature only: no filter per address
      const queries = fake.server.requests.map((r) => rpcMethod(r.body)).filter((r) => r.method === "eth_getLogs").map((r) => r.params)
      expect(queries).toEqual([[{ address: [usdt.toLowerCase(), usdc.toLowerCase()], topics: [toEventSelector(transferEvent)], blockHash: fake.blockHash }]])
    }).pipe(Effect.provide(FetchHttpClient.layer)))
})

describe("token units", () => {
  it("are scaled exactly from the contract's decimals, finer ones floored", () => {
    expect(scaleUnits(1_234_567n, 6, 6)).toBe(1_234_567n)
    expect(scaleUnits(1_234_567_890_123_456_789n, 18, 6)).toBe(1_234_567n)
    expect(scaleUnits(12_345n, 2, 6)).toBe(123_450_000n)
    expect(scaleUnits(999_999_999_999n, 18, 6)).toBe(0n)
  })
})
