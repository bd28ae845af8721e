/**
 * SOL deposits read per address from a Solana JSON-RPC node (an AddressSource, e.g. "sol-rpc").
 * A poll reads the tip once (getSlot); an address's history is the signatures newer than its mark
 * (getSignaturesForAddress, paged with `before`; an address never read goes back at most 1,000
 * signatures); failed transactions are skipped; each other transaction is read as jsonParsed and its
 * System Program `transfer` and `transferWithSeed` instructions to the address, top-level and inner,
 * become one observation each, in lamports, exact. Index: i for top-level instruction i, (i + 1) * 1000
 * + j for the j-th inner instruction of instruction i. Finalized is the chain's finality (`final`);
 * a confirmed one counts the blocks since its slot. The mark moves to the newest signature below which
 * every transaction is finalized and read, so a confirmed one is read again until it is final. Every
 * request goes through the poll's budget for the address: cut short, the read saves where it got to
 * (SolanaMark.ts) and the next poll goes on from there; the address's signatures newer than the
 * read's first wait until it is whole. A
 * recorded payment is located with getSignatureStatuses: unknown or failed is "gone"; one found in
 * another slot than recorded is read again, and "gone" when it no longer makes the payment. A block's hash
 * is its slot as text: getTransaction does not give the hash of the block holding the transaction.
 */
import type { ChainDeposit, ChainObservation } from "@tokenshop/domain"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import { ChainSourceError, type HttpPacing, makeChainHttp, pacingOf } from "../../http/ChainHttp.js"
import { type Budget, unlimited } from "../Budget.js"
import type { AddressHistory, AddressSource } from "../Sources.js"
import { type Commitment, makeSolanaRpc, type SignatureInfo, type SolanaRpc } from "./SolanaRpc.js"
import { pieceMark, readMark } from "./SolanaMark.js"
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

    const depth = (status: Commitment, slot: number, tip: number, counted: number | null) =>
      status === "processed" ? 0 : status === "finalized" ? Math.max(1, counted ?? FINAL_DEPTH) : Math.max(1, counted ?? tip - slot + 1)

    const history = (rpc: SolanaRpc, tip: number, address: string, mark: string | null, budget: Budget) =>
      Effect.gen(function*(): Effect.fn.Return<AddressHistory, ChainSourceError> {
        let from = readMark(mark)
        if (from === null) {
          yield* Effect.logWarning(`${settings.name}: the mark of ${address} is not a signature; reading its history again`)
          from = { until: null, run: null, read: 0 }
        }
        let place = from
        const { until } = place
        const observations: Array<ChainObservation> = []
        const done = new Set<string>()
        const cut = (): AddressHistory => ({ observations, mark: place.before === undefined ? mark : pieceMark({ ...place, before: place.before }), partial: true })
        // Newest first, a page at a time, each transaction read as its page comes; an address never read goes back `firstRead` at most.
        while (until !== null || place.read < firstRead) {
          const listed = yield* budget.spend(rpc.signatures(address, { until: until ?? undefined, before: place.before, limit: pageSize }))
          if (Option.isNone(listed)) return cut()
          const page = newestFirst([...new Map(listed.value.filter((s) => !done.has(s.signature)).map((s) => [s.signature, s])).values()])
          for (const s of page) {
            done.add(s.signature)
            if (until === null && place.read >= firstRead) break
            const status = s.confirmationStatus ?? "confirmed"
            const final = status === "finalized"
            /** Nothing about it can change any more. */
            let settled = final
            if (!failed(s.err)) {
              const got = yield* budget.spend(rpc.transaction(s.signature))
              if (Option.isNone(got)) return cut()
              const tx = got.value
              if (tx === null) settled = false // listed but not readable yet (or not kept by this node): read again next time, never skipped
              else {
                if (tx.meta === null) return yield* decodeError(`${s.signature}: the transaction has no status`)
                const transfers = failed(tx.meta.err) ? Either.right([]) : systemTransfers(tx)
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
            }
            place = { until, before: s.signature, run: settled ? (place.run ?? s.signature) : null, read: place.read + 1 }
          }
          if (listed.value.length < pageSize || page.length === 0) break
        }
        return { observations, mark: place.run ?? until }
      })

    const locate = (rpc: SolanaRpc, tip: number, deposit: ChainDeposit) =>
      Effect.gen(function*(): Effect.fn.Return<ChainObservation | "gone", ChainSourceError> {
        const s = yield* rpc.status(deposit.txid)
        if (s === null || failed(s.err)) return "gone"
        const status: Commitment = s.confirmationStatus ?? (s.confirmations === null ? "finalized" : "confirmed")
        if (status !== "processed" && s.slot !== deposit.blockHeight) {
          const tx = yield* rpc.transaction(deposit.txid)
          if (tx !== null && tx.meta !== null) {
            if (failed(tx.meta.err)) return "gone"
            const transfers = systemTransfers(tx)
            if (Either.isLeft(transfers)) return yield* decodeError(`${deposit.txid}: ${transfers.left}`)
            const made = transfers.right.find((t) => t.index === deposit.index)
            if (made === undefined || made.destination !== deposit.address || made.lamports !== deposit.units) return "gone"
          }
        }
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
          history: (address: string, mark: string | null, budget: Budget = unlimited) => history(rpc, tip, address, mark, budget),
          locate: (deposit: ChainDeposit) => locate(rpc, tip, deposit)
        }
      }),
      sent: http.sent
    }
    return source
  })
