/**
 * A local TronGrid over a tiny TRON chain in memory: transactions carrying TRC-20 transfers (a batch
 * payout is one transaction with several), blocks every 3 s of chain time, a solidified block
 * `solidLag` below the head, drops and reorganisations. It answers in the documented shapes:
 * `POST /wallet/getnowblock`, `/walletsolidity/getnowblock`, `/wallet/getblock`,
 * `/wallet/gettransactioninfobyid` (`{}` when unknown), `GET /v1/accounts/{a}/transactions/trc20`
 * (only_to, only_from, only_confirmed, only_unconfirmed, contract_address, min/max_timestamp,
 * order_by, limit up to `pageCap`, opaque `meta.fingerprint` paging) and `GET /v1/transactions/{id}/events`
 * (Transfer events with 0x-hex addresses in `result`). Fault switches: the shared ones of FakeServer,
 * duplicated or reversed list pages, and transactions the event index does not know yet.
 */
import { sha256 } from "@noble/hashes/sha2.js"
import { bytesToHex } from "@noble/hashes/utils.js"
import { base58check } from "@scure/base"
import { FakeChain, hashOf } from "./FakeChain.js"
import type { FakeAnswer, FakeRequest } from "./FakeServer.js"

export interface FakeTrc20Transfer {
  readonly to: string
  readonly value: bigint
  readonly from?: string
  /** Default: the fake's USDT contract. */
  readonly contract?: string
}

export interface TronGridFaults {
  /** The next n transfer lists give every entry twice. */
  duplicates: number
  /** The next n transfer lists come in the opposite order. */
  reorders: number
  /** Transactions whose events the event index does not have (yet). */
  unindexed: Set<string>
  /** The next events answers, one spoiled Transfer each: a negative value, a recipient that is no address, a txid that is not hex. */
  corrupt: Array<"negative" | "address" | "txid">
}

const b58 = base58check(sha256)
/** The 0x-hex spelling of a Base58Check TRON address, as event results give it. */
export const tronHex = (address: string) => "0x" + bytesToHex(b58.decode(address).subarray(1))
export const fakeTronSender = b58.encode(Uint8Array.from([0x41, ...new Array<number>(20).fill(0x11)]))
const genesisTime = 1_700_000_000_000

export class FakeTronGrid extends FakeChain<ReadonlyArray<Required<FakeTrc20Transfer>>, { readonly id: string; readonly number: number; readonly timestamp: number }> {
  readonly faults: TronGridFaults = { duplicates: 0, reorders: 0, unindexed: new Set(), corrupt: [] }
  /** The most entries a list page holds, whatever `limit` asks (TronGrid's own cap is 200). */
  pageCap = 200
  /** How far the solidified block trails the head. */
  solidLag = 19

  constructor(readonly contract = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t") {
    super("tron-tx", (number, forks) => ({
      id: number.toString(16).padStart(16, "0") + hashOf(`tron-block-${number}-${forks}`).slice(16), number, timestamp: genesisTime + 3000 * number
    }))
  }

  get solidified(): number {
    return Math.max(0, this.tip - this.solidLag)
  }

  /** A transaction with these transfers (event index = place in the list), waiting for the next block. */
  send(transfers: ReadonlyArray<FakeTrc20Transfer>): string {
    return this.submit(transfers.map((t) => ({ from: fakeTronSender, contract: this.contract, ...t })))
  }

  /** The number of the block holding the transaction, or null while it waits. */
  blockOf(txid: string): number | null {
    return this.heightOf(txid)
  }

  private blockJson(n: number) {
    const b = this.blocks[n]
    if (b === undefined) return {}
    const raw_data = { number: b.number, txTrieRoot: "0".repeat(64), witness_address: "41" + "22".repeat(20), parentHash: this.blocks[n - 1]?.id ?? "0".repeat(64), version: 31, timestamp: b.timestamp }
    return { blockID: b.id, block_header: { raw_data, witness_signature: "ab".repeat(65) } }
  }

  /** Every mined transfer, oldest first, with what the API shows of it. */
  private mined() {
    return this.blocks.flatMap((b) =>
      b.txids.flatMap((txid) => (this.txs.get(txid) ?? []).map((t, index) => ({ ...t, txid, index, block: b })))
    )
  }

  private transfers(address: string, q: URLSearchParams): FakeAnswer {
    const flag = (key: string) => q.get(key) === "true" || q.get(key.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())) === "true"
    if (flag("only_confirmed") && flag("only_unconfirmed")) return { status: 400, body: { success: false, error: "only_confirmed and only_unconfirmed together", statusCode: 400 } }
    const min = Number(q.get("min_timestamp") ?? q.get("min_block_timestamp") ?? 0)
    const max = Number(q.get("max_timestamp") ?? q.get("max_block_timestamp") ?? Number.MAX_SAFE_INTEGER)
    const contract = q.get("contract_address")
    let all = this.mined().filter((t) =>
      (flag("only_to") && !flag("only_from") ? t.to === address : flag("only_from") && !flag("only_to") ? t.from === address : t.to === address || t.from === address) &&
      (contract === null || t.contract === contract) &&
      t.block.timestamp >= min && t.block.timestamp <= max &&
      (!flag("only_confirmed") || t.block.number <= this.solidified) && (!flag("only_unconfirmed") || t.block.number > this.solidified)
    )
    if (q.get("order_by") !== "block_timestamp,asc") all = all.reverse()
    const limit = Math.min(this.pageCap, 200, Math.max(1, Number(q.get("limit") ?? 20)))
    const offset = q.get("fingerprint") === null ? 0 : Number(Buffer.from(q.get("fingerprint")!, "base64url").toString("utf8").replace("offset:", ""))
    let data: Array<Record<string, unknown>> = all.slice(offset, offset + limit).map((t) => ({
      transaction_id: t.txid,
      token_info: t.contract === this.contract ? { symbol: "USDT", address: t.contract, decimals: 6, name: "Tether USD" } : { symbol: "FAKE", address: t.contract, decimals: 6, name: "Fake" },
      block_timestamp: t.block.timestamp, from: t.from, to: t.to, type: "Transfer", value: t.value.toString()
    }))
    if (this.faults.duplicates > 0) {
      this.faults.duplicates--
      data = data.flatMap((d) => [d, d])
    }
    if (this.faults.reorders > 0) {
      this.faults.reorders--
      data = data.reverse()
    }
    const more = offset + limit < all.length
    const fingerprint = Buffer.from(`offset:${offset + limit}`, "utf8").toString("base64url")
    return { body: { data, success: true, meta: { at: Date.now(), page_size: data.length, ...(more ? { fingerprint } : {}) } } }
  }

  private events(txid: string, q: URLSearchParams): FakeAnswer {
    const n = this.blockOf(txid)
    const block = n === null ? undefined : this.blocks[n]
    const hidden = block === undefined || this.faults.unindexed.has(txid) ||
      (q.get("only_confirmed") === "true" && block.number > this.solidified) || (q.get("only_unconfirmed") === "true" && block.number <= this.solidified)
    const data = hidden ? [] : (this.txs.get(txid) ?? []).map((t, index) => ({
      block_number: block.number, block_timestamp: block.timestamp, caller_contract_address: t.contract, contract_address: t.contract,
      event_index: index, event_name: "Transfer", event: "Transfer(address indexed from,address indexed to,uint256 value)", transaction_id: txid,
      result: { 0: tronHex(t.from), 1: tronHex(t.to), 2: t.value.toString(), from: tronHex(t.from), to: tronHex(t.to), value: t.value.toString() },
      result_type: { from: "address", to: "address", value: "uint256" }
    }))
    const spoil = data.length > 0 ? this.faults.corrupt.shift() : undefined
    const first = data[0]
    if (first !== undefined && spoil !== undefined) {
      data[0] = spoil === "txid" ? { ...first, transaction_id: "not-hex" }
        : { ...first, result: { ...first.result, ...(spoil === "negative" ? { value: "-5" } : { to: "0xnot-an-address" }) } }
    }
    return { body: { data, success: true, meta: { at: Date.now(), page_size: data.length } } }
  }

  private info(txid: string) {
    const n = this.blockOf(txid)
    const block = n === null ? undefined : this.blocks[n]
    if (block === undefined) return {}
    return { id: txid, fee: 13_844_850, blockNumber: block.number, blockTimeStamp: block.timestamp, contractResult: ["0".repeat(63) + "1"], receipt: { energy_usage_total: 130_285, net_usage: 345, result: "SUCCESS" } }
  }

  protected override handle(request: FakeRequest): FakeAnswer {
    const body = (() => {
      try {
        return request.body === "" ? {} : JSON.parse(request.body) as Record<string, unknown>
      } catch {
        return {}
      }
    })()
    const p = request.path
    if (request.method === "POST") {
      if (p === "/wallet/getnowblock") return { body: this.blockJson(this.tip) }
      if (p === "/walletsolidity/getnowblock") return { body: this.blockJson(this.solidified) }
      if (p === "/wallet/getblock") return { body: this.blockJson(Number(body["id_or_num"] ?? this.tip)) }
      if (p === "/wallet/gettransactioninfobyid") return { body: this.info(String(body["value"] ?? "")) }
    }
    const trc20 = /^\/v1\/accounts\/([^/]+)\/transactions\/trc20$/.exec(p)
    if (request.method === "GET" && trc20 !== null) return this.transfers(decodeURIComponent(trc20[1]!), request.query)
    const events = /^\/v1\/transactions\/([0-9a-fA-F]{64})\/events$/.exec(p)
    if (request.method === "GET" && events !== null) return this.events(events[1]!, request.query)
    return { status: 404, body: { success: false, error: "not found", statusCode: 404 } }
  }
}
