/** A Litecoin-like chain in memory for the scanners' tests: blocks by height, a mempool, and reorganisations on demand. */
import * as Effect from "effect/Effect"
import type { BlockSource, Payment, ScannedBlock, TxPlace } from "../watchers/Sources.js"

/** A new empty chain; `calls` counts the blocks read and the transactions located. */
export const memoryChain = () => {
  let blocks: Array<{ hash: string; parent: string | null; txs: Array<{ txid: string; outputs: Array<{ address: string; units: bigint }> }> }> = []
  const mempool = new Map<string, Array<{ address: string; units: bigint }>>()
  let forks = 0
  const calls = { block: 0, locate: 0 }
  const mine = (txids: ReadonlyArray<string> = [...mempool.keys()]) => {
    const parent = blocks[blocks.length - 1]?.hash ?? null
    blocks.push({ hash: `h${blocks.length}-${forks}`, parent, txs: txids.map((txid) => ({ txid, outputs: mempool.get(txid) ?? [] })) })
    for (const t of txids) mempool.delete(t)
  }
  const source: BlockSource = {
    name: "ltc-memory", network: "litecoin", assets: ["LTC"],
    tip: Effect.sync(() => blocks.length - 1),
    finalized: Effect.succeed(null),
    hashAt: (h) => Effect.sync(() => blocks[h]?.hash ?? null),
    block: (h, ours) => Effect.sync((): ScannedBlock => {
      calls.block++
      const b = blocks[h]!
      const payments: Array<Payment> = []
      for (const tx of b.txs) tx.outputs.forEach((o, index) => {
        const address = ours(o.address)
        if (address !== null) payments.push({ asset: "LTC", txid: tx.txid, index, address, units: o.units })
      })
      return { height: h, hash: b.hash, parent: b.parent, payments }
    }),
    locate: (txid) => Effect.sync((): TxPlace => {
      calls.locate++
      const at = blocks.findIndex((b) => b.txs.some((t) => t.txid === txid))
      return at >= 0 ? { _tag: "Block", height: at, hash: blocks[at]!.hash } : mempool.has(txid) ? { _tag: "Mempool" } : { _tag: "Gone" }
    })
  }
  return {
    source, calls,
    send: (txid: string, outputs: Array<{ address: string; units: bigint }>) => void mempool.set(txid, outputs),
    mine,
    /** Replaces the blocks from `height` with empty ones (one more than before); their transactions go back to the mempool unless dropped. */
    reorg: (height: number, drop: ReadonlyArray<string> = []) => {
      forks++
      const removed = blocks.splice(height)
      for (const b of removed) for (const t of b.txs) if (!drop.includes(t.txid)) mempool.set(t.txid, t.outputs)
      for (let i = 0; i <= removed.length; i++) mine([])
    }
  }
}
