/**
 * Reads a chain block by block and matches each block's payments against the shop's addresses
 * locally. Remembers the hashes of the last blocks it relied on: when the best chain no longer has
 * one of them, it goes back to where the chains forked, reads the new blocks, and asks where each
 * payment recorded in the abandoned blocks is now (in a new block, back in the mempool, or gone).
 * The cursor (next height and remembered hashes) is saved in the same transaction as what it found.
 */
import { type Asset, ChainDeposits, type ChainObservation, type ChainTxKey, chainKeyText } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { makeAddressBook } from "./AddressBook.js"
import { allOpen } from "./OpenDeposits.js"
import { ChainSourceError } from "../http/ChainHttp.js"
import type { BlockSource, Payment, ScannedBlock, TxPlace } from "./Sources.js"

export interface BlockScanOptions {
  /** Where a watcher without a cursor starts: a height, or "tip" (default: the tip, less a few blocks). */
  readonly startHeight?: number | "tip" | undefined
  /** Blocks read in one cycle at most (default 50). */
  readonly maxBlocks?: number | undefined
  /** Block hashes remembered for reorganisations (default 200). */
  readonly memory?: number | undefined
}

const Cursor = Schema.parseJson(Schema.Struct({
  next: Schema.Int.pipe(Schema.nonNegative()),
  hashes: Schema.Array(Schema.Tuple(Schema.Int, Schema.String))
}))
type Cursor = typeof Cursor.Type

export const makeBlockScanner = (source: BlockSource, options: BlockScanOptions = {}) =>
  Effect.gen(function*() {
    const chain = yield* ChainDeposits
    const book = yield* makeAddressBook(source.network)
    const maxBlocks = options.maxBlocks ?? 50
    const memory = Math.max(options.memory ?? 200, 10)

    const start = Effect.gen(function*() {
      const saved = yield* chain.cursor(source.name)
      if (saved._tag === "Some") {
        const decoded = Schema.decodeEither(Cursor)(saved.value)
        if (Either.isRight(decoded)) return decoded.right
        yield* Effect.logWarning(`${source.name}: unreadable cursor, starting again from the start height`)
      }
      const s = options.startHeight ?? "tip"
      const tip = yield* source.tip
      return { next: s === "tip" ? Math.max(0, tip - 6) : s, hashes: [] } satisfies Cursor
    })

    /** The height from which the remembered blocks are no longer in the best chain, or null. */
    const forkPoint = (cursor: Cursor) =>
      Effect.gen(function*() {
        const last = cursor.hashes[cursor.hashes.length - 1]
        if (last === undefined || (yield* source.hashAt(last[0])) === last[1]) return null
        for (let i = cursor.hashes.length - 2; i >= 0; i--) {
          const [height, hash] = cursor.hashes[i]!
          if ((yield* source.hashAt(height)) === hash) return height + 1
        }
        return cursor.hashes[0]![0] // deeper than memory: read all remembered heights again
      })

    const cycle = Effect.gen(function*() {
      yield* book.refresh
      let cursor = yield* start
      const tip = yield* source.tip
      const last = cursor.hashes[cursor.hashes.length - 1]
      if (last !== undefined && tip < last[0]) {
        // A node behind the blocks already read (a lagging replica behind a load balancer) is not a reorganisation.
        return yield* new ChainSourceError({ source: source.name, kind: "status", detail: `the node is at block ${tip}, behind block ${last[0]} already read; waiting` })
      }
      const finalized = yield* source.finalized
      const fork = yield* forkPoint(cursor)
      if (fork !== null) {
        yield* Effect.logWarning(`${source.name}: reorganisation: the best chain changed from height ${fork}`)
        cursor = { next: fork, hashes: cursor.hashes.filter(([h]) => h < fork) }
      }
      const found = new Map<string, { readonly payment: Payment; readonly height: number; readonly hash: string }>()
      const hashes = [...cursor.hashes]
      let next = cursor.next
      const end = Math.min(tip, cursor.next + maxBlocks - 1)
      /** Takes the next block, or false when it does not follow the last one (a reorg under way: next cycle). */
      const accept = (block: ScannedBlock): boolean => {
        const previous = hashes[hashes.length - 1]
        if (previous !== undefined && previous[0] === next - 1 && block.parent !== null && block.parent !== previous[1]) return false
        for (const p of block.payments) found.set(chainKeyText(p), { payment: p, height: block.height, hash: block.hash })
        hashes.push([block.height, block.hash])
        if (hashes.length > memory) hashes.shift()
        next++
        return true
      }
      const scan = Effect.gen(function*() {
        if (source.blocks !== undefined && next <= end) {
          for (const block of yield* source.blocks(next, end, book.lookup)) if (!accept(block)) return
          return
        }
        while (next <= end) if (!accept(yield* source.block(next, book.lookup))) return // read so far is kept on a failure
      })
      const scanned = yield* Effect.either(scan)
      const remembered = new Map(hashes)
      const confirmations = (height: number) => Math.max(0, tip - height + 1)
      const sighting = (p: Payment, place: TxPlace): ChainObservation | null =>
        place._tag === "Gone" ? null : {
          ...p,
          confirmations: place._tag === "Block" ? confirmations(place.height) : 0,
          final: place._tag === "Block" && finalized !== null && place.height <= finalized,
          block: place._tag === "Block" ? { height: place.height, hash: place.hash } : null
        }
      const seen: Array<ChainObservation> = []
      const vanished: Array<ChainTxKey> = []
      for (const { hash, height, payment } of found.values()) seen.push(sighting(payment, { _tag: "Block", height, hash })!)
      // What the shop recorded and has not settled: is it still where it was?
      const assets: ReadonlyArray<Asset> = source.assets
      const recorded = [
        ...(yield* allOpen(assets)),
        ...(fork === null ? [] : (yield* Effect.forEach(assets, (a) => chain.inBlocksFrom(a, fork))).flat())
      ]
      const places = new Map<string, TxPlace>()
      for (const d of recorded) {
        if (found.has(chainKeyText(d)) || d.status === "vanished") continue
        let place: TxPlace
        const there = d.blockHeight === null ? undefined : remembered.get(d.blockHeight)
        if (d.blockHeight !== null && d.blockHash !== null && (there === d.blockHash || (there === undefined && d.blockHeight < next && (fork === null || d.blockHeight < fork)))) {
          place = { _tag: "Block", height: d.blockHeight, hash: d.blockHash }
        } else {
          const key = chainKeyText(d)
          place = places.get(key) ?? (yield* source.locate(d.txid, { asset: d.asset, txid: d.txid, index: d.index, address: d.address, units: d.units }))
          places.set(key, place)
        }
        const o = sighting({ asset: d.asset, txid: d.txid, index: d.index, address: d.address, units: d.units }, place)
        if (o === null) vanished.push(d)
        else seen.push(o)
      }
      if (source.mempool !== undefined && Either.isRight(scanned)) {
        for (const p of yield* source.mempool(book.lookup)) if (!found.has(chainKeyText(p))) seen.push(sighting(p, { _tag: "Mempool" })!)
      }
      yield* chain.observe({
        watcher: source.name,
        seen,
        vanished,
        cursor: { value: Schema.encodeSync(Cursor)({ next, hashes }), height: next - 1 }
      })
      if (Either.isLeft(scanned)) return yield* scanned.left
    })

    return { name: source.name, cycle }
  })
