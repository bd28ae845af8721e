/**
 * The Core JSON-RPC back-end against a real `litecoind -regtest` (with -txindex=1): payments to
 * buyers' real derived rltc1 addresses seen in the mempool and credited once at 6 confirmations,
 * two outputs to one address, a scanner restarted mid-way, reorganisations by `invalidateblock`
 * (held, then released when mined again; held for good when double-spent). The faults a node will
 * not produce on demand are in coreRpcFaults.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { ChainDeposits, type TelegramId } from "@tokenshop/domain"
import { EventLog } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import { makeCoreRpcSource } from "../src/watchers/bitcoin/CoreRpc.js"
import { makeBlockScanner } from "../src/watchers/BlockScanner.js"
import type { BlockSource } from "../src/watchers/Sources.js"
import { int, type Litecoind, litecoindMissing, RegtestWallet, startLitecoind } from "../src/testing/Litecoind.js"
import { accountKey, balance, buyerOf, chainShop, hdDeriver } from "./support/chainShop.js"

const shop = chainShop({ assets: ["LTC"], confirmations: { LTC: 6 } }, hdDeriver({ litecoin: { key: accountKey("litecoin"), net: "regtest" } }))

let node: Litecoind | undefined
let wallet: RegtestWallet
/** Mines the blocks that confirm: its coinbases are not ours, so no test spends a coin a reorg takes away. */
let miner: RegtestWallet

const missing = litecoindMissing()
if (missing !== null) console.log(`litecoind tests skipped: ${missing}`)

beforeAll(async () => {
  if (missing !== null) return
  const started = Date.now()
  node = await startLitecoind()
  wallet = new RegtestWallet(node)
  miner = new RegtestWallet(node)
  await wallet.mine(101)
  console.log(`litecoind up with 101 blocks in ${Date.now() - started} ms`)
}, 60_000)

afterAll(async () => {
  const stopping = Date.now()
  await node?.stop()
  console.log(`litecoind stopped in ${Date.now() - stopping} ms`)
})

const ltc = () => node!
const rpc = (method: string, params: ReadonlyArray<unknown> = []) => Effect.promise(() => ltc().rpc(method, params))
const height = Effect.map(rpc("getblockcount"), int)
const mine = (n: number) => Effect.promise(() => wallet.mine(n, miner.address))
/** Blocks with no transaction but their coinbase (`generateblock` takes nothing from the mempool). */
const emptyBlocks = (n: number) => Effect.forEach(Array.from({ length: n }), () => rpc("generateblock", [miner.address, []]), { discard: true })
const send = (outputs: ReadonlyArray<{ readonly address: string; readonly units: bigint }>) => Effect.promise(() => wallet.send(outputs))
const coreSource = (mempool = true) =>
  makeCoreRpcSource({ name: "ltc-core", url: ltc().url, auth: { cookieFile: ltc().cookieFile }, network: "litecoin", asset: "LTC", mempool, requestsPerSecond: 200 })

const buyer = (id: number) => buyerOf(id, "LTC")
const deposits = (user: TelegramId) => Effect.map(Effect.flatMap(ChainDeposits, (c) => c.mine(user, "LTC", { offset: 0, limit: 10 })), (p) => p.items)
const events = (tag: "DepositCredited" | "DepositHeld" | "DepositReleased") => Effect.map(Effect.flatMap(EventLog, (l) => l.ofTag(tag)), (e) => e.length)

describe.skipIf(missing !== null)("litecoind regtest", () => {
  it.scopedLive("a payment is seen in the mempool, then credited once at 6 confirmations, to the satoshi", () =>
    Effect.gen(function*() {
      const { address, user } = yield* buyer(8001)
      expect(address).toMatch(/^rltc1q[02-9ac-hj-np-z]{38}$/)
      const scanner = yield* makeBlockScanner(yield* coreSource(), { startHeight: yield* height })
      yield* scanner.cycle
      const { txid } = yield* send([{ address, units: 50_000_001n }])
      yield* scanner.cycle
      const [seen] = yield* deposits(user)
      expect([seen?.txid, seen?.units, seen?.confirmations, seen?.status, seen?.blockHeight]).toEqual([txid, 50_000_001n, 0, "pending", null])
      const [block] = yield* mine(1)
      yield* scanner.cycle
      expect((yield* deposits(user)).map((d) => [d.confirmations, d.blockHash, d.status])).toEqual([[1, block, "pending"]])
      yield* mine(4)
      yield* scanner.cycle
      expect((yield* deposits(user))[0]?.confirmations).toBe(5)
      expect(yield* balance(user)).toBe(0n)
      yield* mine(1)
      yield* scanner.cycle
      yield* scanner.cycle
      expect((yield* deposits(user)).map((d) => [d.confirmations, d.status])).toEqual([[6, "credited"]])
      expect(yield* balance(user)).toBe(4000n) // 0.50000001 LTC at 80 USD
      expect(yield* events("DepositCredited")).toBe(1)
    }).pipe(Effect.provide(shop)))

  it.scopedLive("two outputs to one address are two credits; a scanner restarted mid-way reads each block once and credits each payment once", () =>
    Effect.gen(function*() {
      const first = yield* buyer(8002)
      const second = yield* buyer(8003)
      const start = yield* height
      const reads: Array<number> = []
      const counted = (s: BlockSource): BlockSource => ({ ...s, block: (h, ours) => Effect.zipRight(Effect.sync(() => reads.push(h)), s.block(h, ours)) })
      let scanner = yield* makeBlockScanner(counted(yield* coreSource(false)), { startHeight: start })
      const two = yield* send([{ address: first.address, units: 30_000_000n }, { address: miner.address, units: 1_000_000n }, { address: first.address, units: 20_000_000n }])
      yield* mine(1)
      yield* scanner.cycle
      expect(reads).toEqual([start, start + 1])
      expect((yield* deposits(first.user)).map((d) => [d.txid, d.index, d.units, d.confirmations]).sort())
        .toEqual([[two.txid, 0, 30_000_000n, 1], [two.txid, 2, 20_000_000n, 1]])
      // While the watcher is down: a payment to the other buyer, two blocks.
      const late = yield* send([{ address: second.address, units: 10_000_000n }])
      yield* mine(2)
      reads.length = 0
      scanner = yield* makeBlockScanner(counted(yield* coreSource(false)), { startHeight: start })
      yield* scanner.cycle
      expect(reads).toEqual([start + 2, start + 3])
      expect((yield* deposits(second.user)).map((d) => [d.txid, d.confirmations])).toEqual([[late.txid, 2]])
      yield* mine(3)
      yield* scanner.cycle
      expect([yield* balance(first.user), yield* balance(second.user)]).toEqual([4000n, 0n])
      yield* mine(1)
      yield* scanner.cycle
      yield* scanner.cycle
      expect([yield* balance(first.user), yield* balance(second.user)]).toEqual([4000n, 800n])
      expect(yield* events("DepositCredited")).toBe(3)
      expect(reads).toEqual([start + 2, start + 3, start + 4, start + 5, start + 6, start + 7])
    }).pipe(Effect.provide(shop)))

  it.scopedLive("invalidateblock under a credited payment holds it; mined again in another block and 6 deep, it is released", () =>
    Effect.gen(function*() {
      const { address, user } = yield* buyer(8004)
      const source = yield* coreSource()
      const scanner = yield* makeBlockScanner(source, { startHeight: yield* height })
      const { txid } = yield* send([{ address, units: 50_000_000n }])
      const [block] = yield* mine(6)
      yield* scanner.cycle
      expect(yield* balance(user)).toBe(4000n)
      yield* rpc("invalidateblock", [block])
      yield* emptyBlocks(6) // a competing chain as long, without the payment: it waits in the mempool
      expect(yield* rpc("getrawmempool")).toContain(txid)
      expect(yield* source.locate(txid)).toEqual({ _tag: "Mempool" })
      yield* scanner.cycle
      expect(yield* balance(user)).toBe(0n)
      expect(yield* events("DepositHeld")).toBe(1)
      expect((yield* deposits(user)).map((d) => d.status)).toEqual(["held"])
      const [again] = yield* mine(1)
      expect(again).not.toBe(block)
      yield* mine(4)
      yield* scanner.cycle
      expect(yield* balance(user)).toBe(0n)
      expect(yield* source.locate(txid)).toEqual({ _tag: "Block", height: (yield* height) - 4, hash: again })
      yield* mine(1)
      yield* scanner.cycle
      expect(yield* balance(user)).toBe(4000n)
      expect(yield* events("DepositReleased")).toBe(1)
      expect((yield* deposits(user)).map((d) => [d.status, d.blockHash, d.confirmations])).toEqual([["credited", again, 6]])
    }).pipe(Effect.provide(shop)))

  it.scopedLive("a credited payment double-spent in the competing chain stays held", () =>
    Effect.gen(function*() {
      const { address, user } = yield* buyer(8005)
      const source = yield* coreSource()
      const scanner = yield* makeBlockScanner(source, { startHeight: yield* height })
      const paid = yield* send([{ address, units: 50_000_000n }])
      const [block] = yield* mine(6)
      yield* scanner.cycle
      expect(yield* balance(user)).toBe(4000n)
      yield* rpc("invalidateblock", [block])
      expect(yield* rpc("getrawmempool")).toContain(paid.txid)
      // The same coin paid elsewhere, mined in a longer competing chain: the payment can never return.
      const spent = yield* Effect.promise(() => wallet.build([{ address: miner.address, units: 40_000_000n }], paid.coin))
      yield* rpc("generateblock", [miner.address, [spent.hex]])
      expect(yield* rpc("getrawmempool")).not.toContain(paid.txid)
      yield* mine(6)
      expect(yield* source.locate(paid.txid)).toEqual({ _tag: "Gone" })
      yield* scanner.cycle
      yield* scanner.cycle
      expect(yield* balance(user)).toBe(0n)
      expect((yield* deposits(user)).map((d) => d.status)).toEqual(["held"])
      expect([yield* events("DepositHeld"), yield* events("DepositReleased")]).toEqual([1, 0])
    }).pipe(Effect.provide(shop)))

  it.scopedLive("hashAt above the tip is null; locate of an unknown transaction is gone", () =>
    Effect.gen(function*() {
      const source = yield* coreSource()
      const tip = yield* source.tip
      expect(tip).toBe(yield* height)
      expect(yield* source.hashAt(tip + 1)).toBeNull()
      expect(yield* source.hashAt(tip)).toBe(yield* rpc("getbestblockhash"))
      expect(yield* source.locate("00".repeat(32))).toEqual({ _tag: "Gone" })
    }).pipe(Effect.provide(shop)))
})
