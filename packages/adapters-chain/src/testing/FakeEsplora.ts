/**
 * A local Esplora (the REST API of mempool.space, blockstream.info and litecoinspace.org) over a
 * tiny chain in memory: send transactions paying addresses, mine, drop, reorganise. It answers in
 * the documented shapes: `/blocks/tip/height` as plain text; `/address/:a/txs` with up to 50
 * unconfirmed and the newest 25 confirmed transactions, newest first; `/address/:a/txs/chain[/:last]`
 * 25 at a time; `/tx/:txid` and `/tx/:txid/status` (404 for an unknown transaction, as mempool.space
 * does, or `{"confirmed":false}` as Blockstream's electrs does). Amounts are JSON integers written
 * exactly, so values above 2^53 can be served. Besides the shared fault switches of FakeServer, list
 * answers can be duplicated, reversed or corrupted.
 */
import { LosslessNumber, stringify } from "lossless-json"
import { FakeChain, hashOf } from "./FakeChain.js"
import type { FakeAnswer, FakeRequest } from "./FakeServer.js"

export interface FakeOutput {
  readonly address: string
  readonly value: bigint
}

/** How the next list answers are spoiled: a negative value, a txid that is not hex, no status, a fractional value. */
export type EsploraCorruption = "negative" | "hex" | "missing" | "fraction"

export interface EsploraFaults {
  /** The next n list answers give every transaction twice. */
  duplicates: number
  /** The next n list answers come oldest first. */
  reorders: number
  /** The next list answers, one corruption each. */
  corrupt: Array<EsploraCorruption>
}

const json = (body: unknown, status = 200): FakeAnswer => ({ status, body: stringify(body) ?? "null" })
const notFound = (what: string): FakeAnswer => ({ status: 404, body: `${what} not found` })

export class FakeEsplora extends FakeChain<ReadonlyArray<FakeOutput>, { readonly hash: string; readonly time: number }> {
  readonly faults: EsploraFaults = { duplicates: 0, reorders: 0, corrupt: [] }
  /** What `/tx/:txid/status` answers for a transaction it does not know. */
  unknownStatus: "404" | "unconfirmed" = "404"

  constructor() {
    super("tx", (height, forks) => ({ hash: hashOf(`block-${height}-${forks}`), time: 1_700_000_000 + 600 * height }))
  }


  /** A new transaction in the mempool paying these outputs (in this order); returns its txid. */
  send(outputs: ReadonlyArray<FakeOutput>): string {
    return this.submit(outputs)
  }

  private status(txid: string) {
    const height = this.heightOf(txid)
    const block = height === null ? undefined : this.blocks[height]
    return height === null || block === undefined
      ? { confirmed: false }
      : { confirmed: true, block_height: height, block_hash: block.hash, block_time: block.time }
  }

  private txJson(txid: string): Record<string, unknown> {
    const outputs = this.txs.get(txid) ?? []
    return {
      txid, version: 2, locktime: 0, vin: [], size: 222, weight: 561, fee: 1410,
      vout: outputs.map((o) => ({
        scriptpubkey: "0014" + hashOf(o.address).slice(0, 40), scriptpubkey_asm: "OP_0 OP_PUSHBYTES_20", scriptpubkey_type: "v0_p2wpkh",
        scriptpubkey_address: o.address, value: o.value
      })),
      status: this.status(txid)
    }
  }

  /** The address's confirmed transactions, newest first (by block, then by place in the block). */
  private confirmedFor(address: string): Array<string> {
    const out: Array<string> = []
    for (let h = this.blocks.length - 1; h >= 0; h--) {
      const txids = this.blocks[h]?.txids ?? []
      for (let i = txids.length - 1; i >= 0; i--) {
        const t = txids[i]!
        if (this.pays(t, address)) out.push(t)
      }
    }
    return out
  }

  private pays(txid: string, address: string) {
    return (this.txs.get(txid) ?? []).some((o) => o.address.toLowerCase() === address.toLowerCase())
  }

  /** A list answer, spoiled as the fault switches say. */
  private list(txids: ReadonlyArray<string>): FakeAnswer {
    let items = txids.map((t) => this.txJson(t))
    const f = this.faults
    if (f.duplicates > 0) {
      f.duplicates--
      items = items.flatMap((t) => [t, t])
    }
    if (f.reorders > 0) {
      f.reorders--
      items = [...items].reverse()
    }
    const spoil = f.corrupt.shift()
    const target = items[0]
    if (spoil !== undefined && target !== undefined) {
      const vout = target["vout"] as Array<Record<string, unknown>>
      if (spoil === "negative" && vout[0] !== undefined) vout[0]["value"] = -1n
      if (spoil === "fraction" && vout[0] !== undefined) vout[0]["value"] = new LosslessNumber("1.5")
      if (spoil === "hex") target["txid"] = "z".repeat(64)
      if (spoil === "missing") delete target["status"]
    }
    return json(items)
  }

  protected override handle(request: FakeRequest): FakeAnswer {
    const parts = request.path.split("/").filter((p) => p !== "").map(decodeURIComponent)
    if (request.method !== "GET") return { status: 405, body: "method not allowed" }
    if (parts[0] === "blocks" && parts[1] === "tip" && parts[2] === "height") return { body: String(this.tip) }
    if (parts[0] === "address" && parts[1] !== undefined && parts[2] === "txs") {
      const address = parts[1]
      const confirmed = this.confirmedFor(address)
      if (parts[3] === undefined) {
        const unconfirmed = this.mempool.filter((t) => this.pays(t, address)).reverse().slice(0, 50)
        return this.list([...unconfirmed, ...confirmed.slice(0, 25)])
      }
      if (parts[3] === "chain") {
        const last = parts[4]
        const from = last === undefined ? 0 : confirmed.indexOf(last) + 1
        return this.list(from === 0 && last !== undefined ? [] : confirmed.slice(from, from + 25))
      }
    }
    if (parts[0] === "tx" && parts[1] !== undefined) {
      const txid = parts[1]
      const known = this.txs.has(txid) && (this.heightOf(txid) !== null || this.mempool.includes(txid))
      if (parts[2] === undefined) return known ? json(this.txJson(txid)) : notFound("Transaction")
      if (parts[2] === "status") {
        return known ? json(this.status(txid)) : this.unknownStatus === "404" ? notFound("Transaction") : json({ confirmed: false })
      }
    }
    return { status: 404, body: "not found" }
  }
}
