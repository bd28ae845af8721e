/**
 * SOL deposits read per address from a Solana JSON-RPC node (an AddressSource, e.g. "sol-rpc").
 * A poll reads the tip once (getSlot); an address's history is the signatures newer than its mark
 * (getSignaturesForAddress, paged with `before`; an address never read goes back at most 1,000
 * signatures); failed transactions are skipped; each other transaction is read as jsonParsed and its
 * System Program `transfer` and `transferWithSeed` instructions to the address, top-level and inner,
 * become one observation each, in lamports, exact. Index: i for top-level instruction i, (i + 1) * 1000
 * + j for the j-th inner instruction of instruction i. Finalized is the chain's finality (`final`);
 * a confirmed one counts the blocks since its slot. The mark moves to the newest signature below which
 * every transaction is finalized and read, so a confirmed one is read again until it is final. A
 * recorded payment is located with getSignatureStatuses: unknown or failed is "gone". A block's hash
 * is its slot as text: getTransaction does not give the hash of the block holding the transaction.
 */
import type { ChainDeposit, ChainObservation } from "@tokenshop/domain"
import type * as HttpClient from "@effect/platform/HttpClient"
import { isSignature } from "@solana/kit"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Scope from "effect/Scope"
import { ChainSourceError, type HttpPacing, makeChainHttp, pacingOf } from "../../http/ChainHttp.js"
import type { AddressHistory, AddressSource } from "../Sources.js"
import { type Commitment, makeSolanaRpc, type SignatureInfo, type SolanaRpc } from "./SolanaRpc.js"
import { systemTransfers } from "./SolanaSchema.js"

/** Pacing as ChainHttp's defaults (public endpoints allow about 10 requests a second). */
export interface SolanaSourceSettings extends HttpPacing {
  /** e.g. "sol-rpc". */
  readonly name: string
  readonly rpcUrl: string
  /** Signatures asked for at once, 1 to 1,000 (default 1,000). */
  readonly pageSize?: number | undefined
  /** How far back an address never read before is read (default 1,000 signatures). */
  readonly firstRead?: number | undefined
}

export interface SolanaSource extends AddressSource {
  /** Requests sent so far, retries included. */
  readonly sent: () => number
}

/** Solana's maximum lockout: a finalized transaction is reported as this deep when the node gives no count. */
const FINAL_DEPTH = 32

const failed = (err: unknown) => err !== null && err !== undefined

/** Newest first: by slot, and within a slot in the node's order. */
const newestFirst = (list: ReadonlyArray<SignatureInfo>) => [...list].sort((a, b) => b.slot - a.slot)

export const makeSolanaSource = (settings: SolanaSourceSettings): Effect.Effect<SolanaSource, never, HttpClient.HttpClient | Scope.Scope> =>
  Effect.gen(function*() {
    const http = yield* makeChainHttp({ name: settings.name, baseUrl: settings.rpcUrl, ...pacingOf(settings) })
    const pageSize = Math.min(1000, Math.max(1, Math.floor(settings.pageSize ?? 1000)))
    const firstRead = Math.max(1, Math.floor(settings.firstRead ?? 1000))
    const decodeError = (detail: string) => new ChainSourceError({ source: settings.name, kind: "decode", detail })

    /** The signatures newer than `mark` (all of them; without a mark the newest `firstRead`), newest first, each once. */
    const newer = (rpc: SolanaRpc, address: string, mark: string | null) =>
      Effect.gen(function*() {
        const found = new Map<string, SignatureInfo>()
        let before: string | undefined
        for (;;) {
          const page = yield* rpc.signatures(address, { until: mark ?? undefined, before, limit: pageSize })
          let fresh = 0
          for (const s of page) {
            if (!found.has(s.signature)) fresh++
            found.set(s.signature, s)
          }
          if (page.length < pageSize || fresh === 0 || (mark === null && found.size >= firstRead)) break
          const oldest = newestFirst(page).at(-1)!.signature
          if (oldest === before) break
          before = oldest
        }
        const all = newestFirst([...found.values()])
        return mark === null ? all.slice(0, firstRead) : all
      })

    const depth = (status: Commitment, slot: number, tip: number, counted: number | null) =>
      status === "processed" ? 0 : status === "finalized" ? Math.max(1, counted ?? FINAL_DEPTH) : Math.max(1, counted ?? tip - slot + 1)

    const history = (rpc: SolanaRpc, tip: number, address: string, mark: string | null) =>
      Effect.gen(function*(): Effect.fn.Return<AddressHistory, ChainSourceError> {
        let from = mark
        if (from !== null && !isSignature(from)) {
          yield* Effect.logWarning(`${settings.name}: the mark of ${address} is not a signature; reading its history again`)
          from = null
        }
        const signatures = yield* newer(rpc, address, from)
        const observations: Array<ChainObservation> = []
        /** Per signature (newest first): finalized, and read or failed; nothing about it can change any more. */
        const settled: Array<boolean> = []
        for (const s of signatures) {
          const status = s.confirmationStatus ?? "confirmed"
          const final = status === "finalized"
          if (failed(s.err)) {
            settled.push(final)
            continue
          }
          const tx = yield* rpc.transaction(s.signature)
          if (tx === null) {
            // Listed but not readable yet (or not kept by this node): read again next time, never skipped.
            settled.push(false)
            continue
          }
          if (tx.meta === null) return yield* decodeError(`${s.signature}: the transaction has no status`)
          settled.push(final)
          if (failed(tx.meta.err)) continue
          const transfers = systemTransfers(tx)
          if (Either.isLeft(transfers)) return yield* decodeError(`${s.signature}: ${transfers.left}`)
          for (const t of transfers.right) {
            if (t.destination !== address || t.lamports === 0n) continue
            observations.push({
              asset: "SOL", txid: s.signature, index: t.index, address, units: t.lamports,
              confirmations: depth(status, tx.slot, tip, null),
              final,
              block: status === "processed" ? null : { height: tx.slot, hash: String(tx.slot) }
            })
          }
        }
        let next = from
        for (let i = signatures.length - 1; i >= 0 && settled[i] === true; i--) next = signatures[i]!.signature
        return { observations, mark: next }
      })

    const locate = (rpc: SolanaRpc, tip: number, deposit: ChainDeposit) =>
      Effect.gen(function*(): Effect.fn.Return<ChainObservation | "gone", ChainSourceError> {
        const s = yield* rpc.status(deposit.txid)
        if (s === null || failed(s.err)) return "gone"
        const status: Commitment = s.confirmationStatus ?? (s.confirmations === null ? "finalized" : "confirmed")
        return {
          asset: deposit.asset, txid: deposit.txid, index: deposit.index, address: deposit.address, units: deposit.units,
          confirmations: depth(status, s.slot, tip, s.confirmations),
          final: status === "finalized",
          block: status === "processed" ? null : { height: s.slot, hash: String(s.slot) }
        }
      })

    const source: SolanaSource = {
      name: settings.name,
      network: "solana",
      assets: ["SOL"],
      begin: Effect.gen(function*() {
        const rpc = yield* makeSolanaRpc(http)
        const tip = yield* rpc.slot
        return {
          history: (address: string, mark: string | null) => history(rpc, tip, address, mark),
          locate: (deposit: ChainDeposit) => locate(rpc, tip, deposit)
        }
      }),
      sent: http.sent
    }
    return source
  })
