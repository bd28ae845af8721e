/**
 * A local Solana JSON-RPC node for tests: getSignaturesForAddress, getTransaction (jsonParsed),
 * getSignatureStatuses and getSlot in the shapes solana.com/docs/rpc documents, u64 values as plain
 * JSON integers as a real node sends them. Behind it a tiny ledger: a transaction lands in the next
 * slot as "processed", is "confirmed" one slot later and "finalized" 32 slots later; it may carry
 * several System Program transfers, top-level or inner (a payout program calling the System Program),
 * may fail (listed with `err`, its transfers not made) or be dropped (it vanishes). Besides the shared
 * fault switches: signature pages duplicated or reordered, one method left unanswered, a hook to
 * tamper with any result, and the requests touching one address picked out (to throttle them).
 */
import { base58 } from "@scure/base"
import { stringify } from "lossless-json"
import { randomBytes } from "node:crypto"
import { type FakeAnswer, type FakeRequest, FakeServer } from "./FakeServer.js"

export const SYSTEM_PROGRAM_ID = "11111111111111111111111111111111"
const MEMO_PROGRAM_ID = "MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr"
/** A made-up program that pays out by calling the System Program (its transfers are inner instructions). */
export const PAYOUT_PROGRAM_ID = base58.encode(new Uint8Array(32).fill(7))
const PROGRAMS = [SYSTEM_PROGRAM_ID, MEMO_PROGRAM_ID, PAYOUT_PROGRAM_ID]

export interface FakeTransfer {
  readonly to: string
  readonly lamports: bigint
  /** Default: the fake's payer. */
  readonly from?: string
  /** As `transferWithSeed` (from an account derived from a base key and a seed). */
  readonly withSeed?: boolean
}

export type FakeInstruction =
  | ({ readonly kind: "transfer" } & FakeTransfer)
  | { readonly kind: "payout"; readonly transfers: ReadonlyArray<FakeTransfer> }
  | { readonly kind: "memo"; readonly text: string }

interface FakeTx {
  readonly signature: string
  readonly slot: number
  readonly order: number
  readonly err: unknown
  readonly instructions: ReadonlyArray<FakeInstruction>
  readonly blockTime: number
  dropped: boolean
}

export interface PageFaults {
  /** The next n signature pages list every entry twice. */
  duplicated: number
  /** The next n signature pages come oldest first. */
  reordered: number
}

const rpcError = (code: number, message: string) => ({ error: { code, message } })
const address32 = () => base58.encode(randomBytes(32))

export class FakeSolanaRpc {
  readonly server = new FakeServer((request) => this.handle(request))
  readonly pageFaults: PageFaults = { duplicated: 0, reordered: 0 }
  /** Rewrites a method's result before it is sent (to test malformed answers). */
  tamper: ((method: string, result: unknown) => unknown) | undefined = undefined
  readonly payer = address32()
  /** The newest slot (processed). */
  tip = 250_000_000
  private readonly txs: Array<FakeTx> = []
  private readonly hangs = new Map<string, number>()

  get url(): string { return this.server.url }
  get faults() { return this.server.faults }
  start = () => this.server.start()
  stop = () => this.server.stop()

  /** A transaction in the next slot, "processed" for now; returns its signature. */
  send(instructions: ReadonlyArray<FakeInstruction>, options: { readonly failed?: boolean } = {}): string {
    this.tip++
    const signature = base58.encode(randomBytes(64))
    const err = options.failed === true ? { InstructionError: [0, { Custom: 1 }] } : null
    this.txs.push({ signature, slot: this.tip, order: this.txs.length, err, instructions, blockTime: Math.floor(Date.now() / 1000), dropped: false })
    return signature
  }
  /** Moves the tip on: one slot confirms the newest transaction, 32 finalize it. */
  advance(slots = 1) { this.tip += slots }
  finalize() { this.advance(32) }
  /** The transaction vanishes (its fork was abandoned). */
  drop(signature: string) {
    for (const tx of this.txs) if (tx.signature === signature) tx.dropped = true
  }
  /**
   * A reorganisation mines the same signed transaction again in the next slot, executing otherwise:
   * its instructions become `instructions` (a program's inner transfers depend on the state it meets).
   */
  remine(signature: string, instructions: ReadonlyArray<FakeInstruction>) {
    const tx = this.txs.find((t) => t.signature === signature)
    if (tx === undefined) throw new Error(`no transaction ${signature}`)
    this.tip++
    this.txs.splice(this.txs.indexOf(tx), 1, { ...tx, slot: this.tip, instructions, dropped: false })
  }
  /** The next `count` calls of `method` get no answer. */
  hang(method: string, count = 1) {
    this.hangs.set(method, (this.hangs.get(method) ?? 0) + count)
  }
  /** How many requests called `method` (all methods when omitted), faults included. */
  calls(method?: string): number {
    return this.server.requests.filter((r) => method === undefined || r.body.includes(`"method":"${method}"`)).length
  }

  /** Picks the requests naming `address` or a transaction touching it: `server.throttle` for one address. */
  touching(address: string) {
    return (r: FakeRequest) => {
      const params = (JSON.parse(r.body) as { params?: Array<unknown> }).params ?? []
      const sig = Array.isArray(params[0]) ? params[0][0] : params[0]
      return sig === address || this.txs.some((t) => t.signature === sig && this.accounts(t).includes(address))
    }
  }
  private find(signature: unknown) {
    return this.txs.find((t) => t.signature === signature && !t.dropped)
  }
  private commitment(tx: FakeTx): "processed" | "confirmed" | "finalized" {
    const depth = this.tip - tx.slot
    return depth >= 32 ? "finalized" : depth >= 1 ? "confirmed" : "processed"
  }
  private visible(tx: FakeTx, commitment: unknown) {
    const depth = this.tip - tx.slot
    return commitment === "finalized" ? depth >= 32 : depth >= 1
  }
  private accounts(tx: FakeTx): Array<string> {
    const keys = new Set<string>([this.payer])
    for (const ix of tx.instructions) {
      if (ix.kind === "memo") keys.add(MEMO_PROGRAM_ID)
      else for (const t of ix.kind === "transfer" ? [ix] : [...ix.transfers]) keys.add(t.from ?? this.payer).add(t.to)
      keys.add(ix.kind === "payout" ? PAYOUT_PROGRAM_ID : SYSTEM_PROGRAM_ID)
    }
    return [...keys]
  }

  private async handle(request: FakeRequest): Promise<FakeAnswer> {
    let call: { id?: unknown; method?: unknown; params?: unknown }
    try {
      call = JSON.parse(request.body) as typeof call
    } catch {
      return { body: { jsonrpc: "2.0", id: null, ...rpcError(-32700, "Parse error") } }
    }
    const method = typeof call.method === "string" ? call.method : ""
    const waiting = this.hangs.get(method) ?? 0
    if (waiting > 0) {
      this.hangs.set(method, waiting - 1)
      return new Promise<FakeAnswer>(() => {})
    }
    const params = Array.isArray(call.params) ? call.params as Array<unknown> : []
    const answer = this.answer(method, params)
    const body = "result" in answer && this.tamper !== undefined ? { result: this.tamper(method, answer.result) } : answer
    return { body: stringify({ jsonrpc: "2.0", ...body, id: call.id ?? null }) ?? "null" }
  }

  private answer(method: string, params: Array<unknown>): { result: unknown } | ReturnType<typeof rpcError> {
    const config = (params[method === "getSlot" ? 0 : 1] ?? {}) as Record<string, unknown>
    if (config.commitment === "processed" && method !== "getSlot") return rpcError(-32602, "Method does not support commitment below `confirmed`")
    switch (method) {
      case "getSlot":
        return { result: Math.max(0, this.tip - (config.commitment === "processed" ? 0 : config.commitment === "confirmed" ? 1 : 32)) }
      case "getSignaturesForAddress":
        return this.signatures(params[0], config)
      case "getTransaction": {
        if (config.encoding !== "jsonParsed") return rpcError(-32602, "this fake answers jsonParsed only")
        const tx = this.find(params[0])
        return { result: tx === undefined || !this.visible(tx, config.commitment ?? "finalized") ? null : this.transaction(tx, config.maxSupportedTransactionVersion !== undefined) }
      }
      case "getSignatureStatuses": {
        const list = Array.isArray(params[0]) ? params[0] as Array<unknown> : []
        if (list.length > 256) return rpcError(-32602, "Too many inputs provided; max 256")
        const value = list.map((s) => {
          const tx = this.find(s)
          if (tx === undefined || (config.searchTransactionHistory !== true && this.tip - tx.slot > 300)) return null
          const depth = this.tip - tx.slot
          return { slot: tx.slot, confirmations: depth >= 32 ? null : depth, err: tx.err, status: tx.err === null ? { Ok: null } : { Err: tx.err }, confirmationStatus: this.commitment(tx) }
        })
        return { result: { context: { apiVersion: "2.2.0", slot: this.tip }, value } }
      }
      default:
        return rpcError(-32601, "Method not found")
    }
  }

  private signatures(address: unknown, config: Record<string, unknown>) {
    const limit = config.limit ?? 1000
    if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1 || limit > 1000) return rpcError(-32602, "Invalid limit; max 1000")
    let list = this.txs
      .filter((t) => !t.dropped && this.visible(t, config.commitment ?? "finalized") && this.accounts(t).includes(String(address)))
      .sort((a, b) => b.slot - a.slot || b.order - a.order)
    if (config.before !== undefined) {
      const at = list.findIndex((t) => t.signature === config.before)
      list = at < 0 ? [] : list.slice(at + 1)
    }
    if (config.until !== undefined) {
      const at = list.findIndex((t) => t.signature === config.until)
      if (at >= 0) list = list.slice(0, at)
    }
    let page = list.slice(0, limit).map((t) => ({
      signature: t.signature, slot: t.slot, err: t.err, memo: null, blockTime: t.blockTime, confirmationStatus: this.commitment(t)
    }))
    if (this.pageFaults.duplicated > 0) {
      this.pageFaults.duplicated--
      page = [...page, ...page]
    }
    if (this.pageFaults.reordered > 0) {
      this.pageFaults.reordered--
      page = page.reverse()
    }
    return { result: page }
  }

  private transaction(tx: FakeTx, versioned: boolean) {
    const keys = this.accounts(tx)
    const delta = new Map<string, bigint>([[this.payer, -5000n]])
    const system = (t: FakeTransfer, stackHeight: number | null) => {
      const source = t.from ?? this.payer
      if (tx.err === null) delta.set(source, (delta.get(source) ?? 0n) - t.lamports).set(t.to, (delta.get(t.to) ?? 0n) + t.lamports)
      const info = t.withSeed === true
        ? { source, sourceBase: this.payer, destination: t.to, lamports: t.lamports, sourceSeed: "deposit", sourceOwner: SYSTEM_PROGRAM_ID }
        : { source, destination: t.to, lamports: t.lamports }
      return { parsed: { info, type: t.withSeed === true ? "transferWithSeed" : "transfer" }, program: "system", programId: SYSTEM_PROGRAM_ID, stackHeight }
    }
    const inner: Array<{ index: number; instructions: Array<unknown> }> = []
    const instructions = tx.instructions.map((ix, index) => {
      if (ix.kind === "transfer") return system(ix, null)
      if (ix.kind === "memo") return { parsed: ix.text, program: "spl-memo", programId: MEMO_PROGRAM_ID, stackHeight: null }
      inner.push({ index, instructions: ix.transfers.map((t) => system(t, 2)) })
      return { accounts: ix.transfers.flatMap((t) => [t.from ?? this.payer, t.to]), data: "3Bxs4h24hBtQy9rw", programId: PAYOUT_PROGRAM_ID, stackHeight: null }
    })
    const base = 1_000_000_000_000n
    return {
      blockTime: tx.blockTime,
      meta: {
        computeUnitsConsumed: 450, err: tx.err, fee: 5000, innerInstructions: inner, loadedAddresses: { readonly: [], writable: [] },
        logMessages: [], postBalances: keys.map((k) => base + (delta.get(k) ?? 0n)), postTokenBalances: [], preBalances: keys.map(() => base),
        preTokenBalances: [], rewards: [], status: tx.err === null ? { Ok: null } : { Err: tx.err }
      },
      slot: tx.slot,
      transaction: {
        message: {
          accountKeys: keys.map((pubkey, i) => ({ pubkey, signer: i === 0, source: "transaction", writable: !PROGRAMS.includes(pubkey) })),
          instructions,
          recentBlockhash: base58.encode(new Uint8Array(32).fill(tx.slot % 251))
        },
        signatures: [tx.signature]
      },
      ...(versioned ? { version: "legacy" } : {})
    }
  }
}
