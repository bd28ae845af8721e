/**
 * The tiny in-memory chain under the fakes of chain APIs, served by a FakeServer whose requests the
 * fake answers in `handle`: blocks of txids from a genesis block on, a mempool of transactions
 * waiting for a block, the transactions themselves, and the moves a test makes: send, mine, drop,
 * reorganise. What a block carries besides its txids (hash, time, number) comes from the `block`
 * hook given to the constructor, called with the block's height and the number of reorganisations
 * so far (so a block mined again at a height gets another hash).
 */
import { sha256 } from "@noble/hashes/sha2.js"
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js"
import { type FakeAnswer, type FakeRequest, FakeServer } from "./FakeServer.js"

/** The hex SHA-256 of a text: the fakes' txids and block hashes. */
export const hashOf = (text: string) => bytesToHex(sha256(utf8ToBytes(text)))

export type FakeBlock<B> = B & { readonly txids: Array<string> }

export abstract class FakeChain<Tx, B> {
  readonly server = new FakeServer((request) => this.handle(request))
  protected readonly blocks: Array<FakeBlock<B>> = []
  protected readonly txs = new Map<string, Tx>()
  protected mempool: Array<string> = []
  private made = 0
  private forks = 0

  constructor(
    /** Txids are the hash of `${txPrefix}-${n}` for the n-th transaction sent. */
    private readonly txPrefix: string,
    private readonly block: (height: number, forks: number) => B
  ) {
    this.mineOne([])
  }

  get url(): string {
    return this.server.url
  }
  get requests(): ReadonlyArray<FakeRequest> {
    return this.server.requests
  }
  start = (): Promise<void> => this.server.start()
  stop = (): Promise<void> => this.server.stop()

  get tip(): number {
    return this.blocks.length - 1
  }

  /** Mines `count` blocks; the first takes the whole mempool (or only `txids`). */
  mine(count = 1, txids?: ReadonlyArray<string>): void {
    for (let i = 0; i < count; i++) {
      const taken = i > 0 ? [] : txids === undefined ? [...this.mempool] : txids.filter((t) => this.mempool.includes(t))
      this.mempool = this.mempool.filter((t) => !taken.includes(t))
      this.mineOne(taken)
    }
  }

  /** The transaction is gone for good: from its block or the mempool, and from every answer. */
  drop(txid: string): void {
    for (const b of this.blocks) b.txids.splice(0, b.txids.length, ...b.txids.filter((t) => t !== txid))
    this.mempool = this.mempool.filter((t) => t !== txid)
    this.txs.delete(txid)
  }

  /** Replaces the top `depth` blocks by `depth + 1` empty ones; their transactions go back to the mempool unless in `drop`. */
  reorg(depth: number, drop: ReadonlyArray<string> = []): void {
    this.forks++
    const removed = this.blocks.splice(this.blocks.length - depth)
    for (const b of removed) for (const t of b.txids) drop.includes(t) ? this.txs.delete(t) : this.mempool.push(t)
    for (let i = 0; i <= depth; i++) this.mineOne([])
  }

  /** The height of the block holding the transaction, or null while it is in no block. */
  heightOf(txid: string): number | null {
    const at = this.blocks.findIndex((b) => b.txids.includes(txid))
    return at < 0 ? null : at
  }

  /** A new transaction in the mempool; returns its txid. */
  protected submit(tx: Tx): string {
    const txid = hashOf(`${this.txPrefix}-${++this.made}`)
    this.txs.set(txid, tx)
    this.mempool.push(txid)
    return txid
  }

  /** The fake API's answer to a request. */
  protected abstract handle(request: FakeRequest): FakeAnswer

  private mineOne(txids: ReadonlyArray<string>) {
    const height = this.blocks.length
    this.blocks.push({ ...this.block(height, this.forks), txids: [...txids] })
  }
}
