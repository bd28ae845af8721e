/**
 * Bitcoin or Litecoin read per address through an Esplora REST API (mempool.space,
 * blockstream.info, litecoinspace.org). A session reads the tip once. An address's history is every
 * output paying it, unconfirmed ones included, newest first: `GET /address/:a/txs` (up to 50
 * unconfirmed and the newest 25 confirmed transactions), then `GET /address/:a/txs/chain/:last_seen`
 * 25 at a time until a page reaches the mark or the end. The mark is a block height at or below
 * which everything was read and settled: the new mark is the tip less 100 blocks. Every request goes
 * through the poll's budget for the address; cut short, the read saves where it got to (EsploraMark.ts)
 * and the next poll reads the newest again, then goes on down from there. Each output is
 * its own payment (index = its vout position); `final` is always false (proof of work has none).
 * Where a payment is now: `GET /tx/:txid/status`, and `GET /tx/:txid` when it is not in a block, to
 * tell the mempool (found) from gone (404). Every answer is checked first (see EsploraJson.ts).
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type { ChainDeposit, ChainObservation } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import { ChainSourceError, makeChainHttp, type SourceSettings } from "../../http/ChainHttp.js"
import { type Budget, unlimited } from "../Budget.js"
import type { AddressHistory, AddressSession, AddressSource } from "../Sources.js"
import { pieceMark, readMark } from "./EsploraMark.js"
import { decodeAnswer, decodeHeight, type EsploraTx, EsploraTx as EsploraTxSchema, EsploraTxList, TxStatus } from "./EsploraJson.js"

export interface EsploraSettings extends Omit<SourceSettings, "headers"> {
  readonly network: "bitcoin" | "litecoin"
  readonly asset: "BTC" | "LTC"
}

/** Confirmed transactions per page of `/txs/chain` (and in the first answer of `/txs`), as Esplora serves them. */
export const esploraPageSize = 25
/** Blocks this deep are taken as settled: the mark trails the tip by this much. */
export const esploraSettledDepth = 100
/** Pages read for one address in one poll at most, whatever its budget: past them it is read in pieces. */
const maxPages = 400

const success = (status: number) => status >= 200 && status < 300

export const makeEsploraSource = (settings: EsploraSettings): Effect.Effect<AddressSource, never, HttpClient.HttpClient | Scope.Scope> =>
  Effect.gen(function*() {
    const http = yield* makeChainHttp(settings)
    const { asset, name } = settings
    const decodeFail = (detail: string) => new ChainSourceError({ source: name, kind: "decode", detail })
    const list = (path: string) =>
      http.request("GET", path, { accept: success }).pipe(Effect.flatMap((a) => decodeAnswer(name, "transactions", EsploraTxList, a.text)))

    const session = (tip: number): AddressSession => {
      const depth = (height: number) => Math.max(1, tip - height + 1)
      const sighting = (key: Pick<ChainDeposit, "txid" | "index" | "address" | "units">, status: TxStatus): ChainObservation => ({
        asset, txid: key.txid, index: key.index, address: key.address, units: key.units, final: false,
        confirmations: status.confirmed ? depth(status.block_height) : 0,
        block: status.confirmed ? { height: status.block_height, hash: status.block_hash } : null
      })

      const history = (address: string, mark: string | null, budget: Budget = unlimited): Effect.Effect<AddressHistory, ChainSourceError> =>
        Effect.gen(function*() {
          const { floor, piece } = readMark(mark)
          const wanted = address.toLowerCase()
          const path = `/address/${encodeURIComponent(address)}/txs`
          const found = new Map<string, ChainObservation>()
          const confirmedSeen = new Set<string>()
          const take = (tx: EsploraTx) => {
            if (tx.status.confirmed) {
              confirmedSeen.add(tx.txid)
              if (floor !== null && tx.status.block_height <= floor) return // read and settled before
            }
            tx.vout.forEach((out, index) => {
              if (out.scriptpubkey_address?.toLowerCase() !== wanted || out.value <= 0n) return
              const o = sighting({ txid: tx.txid, index, address, units: out.value }, tx.status)
              const key = `${tx.txid}:${index}`
              const before = found.get(key)
              // the same transaction can be listed unconfirmed and confirmed while a block arrives: the block wins
              if (before === undefined || before.confirmations < o.confirmations) found.set(key, o)
            })
          }
          const top = piece?.top ?? tip
          /** The page's confirmed transaction below which to read next, or null at the end or the mark. */
          const below = (page: ReadonlyArray<EsploraTx>) => {
            // a short page is the last one; a page reaching the mark ends the reading too
            if (new Set(page.filter((tx) => tx.status.confirmed).map((tx) => tx.txid)).size < esploraPageSize) return null
            const oldest = oldestOf(page)
            return oldest === null || (floor !== null && oldest.height <= floor) ? null : oldest.txid
          }
          const cut = (after: string | null): AddressHistory =>
            ({ observations: [...found.values()], mark: after === null ? mark : pieceMark({ floor, top, after }), partial: true })
          // the newest first (the mempool too), then on down from the top or from where the last poll stopped
          const first = yield* budget.spend(list(path))
          if (Option.isNone(first)) return cut(piece?.after ?? null)
          first.value.forEach(take)
          let after = piece?.after ?? below(first.value)
          for (let pages = 0; after !== null; pages++) {
            const page = pages < maxPages ? yield* budget.spend(list(`${path}/chain/${after}`)) : Option.none()
            if (Option.isNone(page)) {
              if (pages >= maxPages) yield* Effect.logWarning(`${name}: ${address} has more than ${maxPages * esploraPageSize} transactions; read in pieces`)
              return cut(after)
            }
            const before = confirmedSeen.size
            page.value.forEach(take)
            if (page.value.length > 0 && confirmedSeen.size === before) {
              // nothing new: a server that pages oddly; what was read is kept, the mark stays for the next poll
              yield* Effect.logWarning(`${name}: the page after ${after} repeats what was read`)
              return { observations: [...found.values()], mark }
            }
            after = below(page.value)
          }
          const next = Math.max(floor ?? -1, top - esploraSettledDepth)
          return { observations: [...found.values()], mark: next >= 0 ? String(next) : mark }
        })

      const locate = (deposit: ChainDeposit): Effect.Effect<ChainObservation | "gone", ChainSourceError> =>
        Effect.gen(function*() {
          const path = `/tx/${encodeURIComponent(deposit.txid)}`
          const status = yield* http.request("GET", `${path}/status`)
          if (status.status === 404) return "gone" as const
          const place = yield* decodeAnswer(name, "transaction status", TxStatus, status.text)
          if (place.confirmed) return sighting(deposit, place)
          // Esplora answers {"confirmed": false} for a transaction it has never seen: ask for the transaction itself
          const tx = yield* http.request("GET", path)
          if (tx.status === 404) return "gone" as const
          const known = yield* decodeAnswer(name, "transaction", EsploraTxSchema, tx.text)
          if (known.txid !== deposit.txid.toLowerCase()) return yield* decodeFail(`asked for ${deposit.txid}, got ${known.txid}`)
          return sighting(deposit, known.status)
        })

      return { history, locate }
    }

    return {
      name,
      network: settings.network,
      assets: [asset],
      begin: http.request("GET", "/blocks/tip/height", { accept: success }).pipe(
        Effect.flatMap((a) => decodeHeight(name, a.text)),
        Effect.map(session)
      )
    } satisfies AddressSource
  })

/** The page's oldest transaction: the lowest block, and of several in it the last listed (the page's order). */
const oldestOf = (page: ReadonlyArray<EsploraTx>): { readonly txid: string; readonly height: number } | null => {
  let oldest: { readonly txid: string; readonly height: number } | null = null
  for (const tx of page) {
    if (tx.status.confirmed && (oldest === null || tx.status.block_height <= oldest.height)) {
      oldest = { txid: tx.txid, height: tx.status.block_height }
    }
  }
  return oldest
}
