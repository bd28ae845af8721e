/**
 * USDT on TRON (TRC-20) read per address through TronGrid. A session reads the head and the
 * solidified block once (`POST /wallet/getnowblock`, `/walletsolidity/getnowblock`). An address's
 * history: its incoming transfers of the configured contract since the mark less an hour
 * (`GET /v1/accounts/{a}/transactions/trc20?only_to=true&contract_address=…&order_by=block_timestamp,asc`,
 * every page by `meta.fingerprint`), then each transaction's events (`GET /v1/transactions/{id}/events`)
 * for the index, amount and block of every Transfer to the address: a batch payout or two transfers
 * to one address are separate payments. `final` = in a solidified block. The mark is the block time
 * (ms) of the newest solidified transfer read. Every request goes through the poll's budget for the
 * address: the transfers are read in time order, so a read cut short saves the time of the newest
 * solidified one it read, with ":piece" (the next poll starts there, not an hour before; a piece makes
 * progress unless one block holds more transfers to the address than the budget). Where a payment is now: its events again, and when
 * the event index does not know the transaction, `POST /wallet/gettransactioninfobyid` before calling
 * it gone. Events and block ids of solidified blocks never change and are kept in memory.
 * The API key goes in the TRON-PRO-API-KEY header only when set; it is never logged and is redacted in trace spans.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type { ChainDeposit, ChainObservation } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import { ChainSourceError, makeChainHttp, type SourceSettings } from "../../http/ChainHttp.js"
import { decodeAnswer } from "../bitcoin/EsploraJson.js"
import { type Budget, unlimited } from "../Budget.js"
import type { AddressHistory, AddressSession, AddressSource } from "../Sources.js"
import { EventsPage, TransferResult, TronBlock, Trc20Page, tronBase58, TxInfo } from "./TronGridJson.js"

export interface TronGridSettings extends Omit<SourceSettings, "headers"> {
  readonly apiKey?: Redacted.Redacted<string> | undefined
  /** The TRC-20 contract whose transfers count (default: Tether USD, TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t). */
  readonly usdtContract?: string | undefined
}

export const usdtTrc20Contract = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
/** Each read starts this long before the mark; what is read twice is deduplicated by the domain. */
export const tronMarkOverlapMillis = 60 * 60 * 1000
const pageLimit = 200
/** Pages read for one address in one poll at most, whatever its budget: past them it is read in pieces. */
const maxPages = 100
const cacheSize = 10_000

interface Transfer {
  readonly txid: string
  readonly index: number
  readonly block: number
  readonly timestamp: number
  readonly to: string
  readonly units: bigint
}

const success = (status: number) => status >= 200 && status < 300
/** A mark of a read cut short ends so: the next read starts at its time exactly, not an hour before. */
const pieceSuffix = ":piece"
const markTime = (mark: string | null): { readonly at: number; readonly piece: boolean } | null => {
  const m = mark === null ? null : /^(\d{1,15})(:piece)?$/.exec(mark)
  return m === null ? null : { at: Number(m[1]), piece: m[2] !== undefined }
}
const remember = <K, V>(map: Map<K, V>, key: K, value: V) => {
  map.set(key, value)
  const oldest = map.keys().next()
  if (map.size > cacheSize && oldest.done !== true) map.delete(oldest.value)
}

export const makeTronGridSource = (settings: TronGridSettings): Effect.Effect<AddressSource, never, HttpClient.HttpClient | Scope.Scope> =>
  Effect.gen(function*() {
    const { apiKey, usdtContract, ...rest } = settings
    const contract = tronBase58(usdtContract ?? usdtTrc20Contract)
    if (contract === null) return yield* Effect.dieMessage(`${settings.name}: usdtContract is not a TRON address`)
    const http = yield* makeChainHttp({ ...rest, headers: apiKey === undefined ? undefined : { "TRON-PRO-API-KEY": Redacted.value(apiKey) } })
    const name = settings.name
    const fail = (kind: ChainSourceError["kind"], detail: string) => new ChainSourceError({ source: name, kind, detail })
    const call = <A, I>(method: "GET" | "POST", path: string, schema: Schema.Schema<A, I>, body?: unknown) =>
      http.request(method, path, { accept: success, body }).pipe(
        Effect.flatMap((a) => decodeAnswer(name, path.split("?")[0]!, schema, a.text))
      )
    const finalEvents = new Map<string, ReadonlyArray<Transfer>>()
    const finalBlocks = new Map<number, string>()

    const session = (tip: number, solidified: number, known: Map<number, string>): AddressSession => {
      const blockId = (height: number) =>
        Effect.gen(function*() {
          const cached = finalBlocks.get(height) ?? known.get(height)
          if (cached !== undefined) return cached
          const block = yield* call("POST", "/wallet/getblock", TronBlock, { id_or_num: String(height), detail: false })
          if (block.block_header.raw_data.number !== height) return yield* fail("decode", `asked for block ${height}, got ${block.block_header.raw_data.number}`)
          if (height <= solidified) remember(finalBlocks, height, block.blockID)
          else known.set(height, block.blockID)
          return block.blockID
        })

      /** The transaction's Transfer events of the contract, as the event index has them now. */
      const transfersOf = (txid: string) =>
        Effect.gen(function*() {
          const cached = finalEvents.get(txid)
          if (cached !== undefined) return cached
          const page = yield* call("GET", `/v1/transactions/${encodeURIComponent(txid)}/events`, EventsPage)
          if (!page.success) return yield* fail("rpc", `events of ${txid}: not a success`)
          const out: Array<Transfer> = []
          for (const e of page.data) {
            if (e.transaction_id !== txid) return yield* fail("decode", `asked for the events of ${txid}, got ${e.transaction_id}`)
            if (e.event_name !== "Transfer" || tronBase58(e.contract_address) !== contract) continue
            const result = yield* Schema.decodeUnknown(TransferResult)(e.result).pipe(
              Effect.mapError(() => fail("decode", `transfer ${txid}:${e.event_index}: no recipient or amount`))
            )
            const to = tronBase58(result.to)
            if (to === null) return yield* fail("decode", `transfer ${txid}:${e.event_index}: ${result.to.slice(0, 50)} is not a TRON address`)
            out.push({ txid, index: e.event_index, block: e.block_number, timestamp: e.block_timestamp, to, units: result.value })
          }
          if (page.data.length > 0 && page.data.every((e) => e.block_number <= solidified)) remember(finalEvents, txid, out)
          return out
        })

      const sighting = (t: Transfer) =>
        Effect.map(blockId(t.block), (hash): ChainObservation => ({
          asset: "USDT_TRC20", txid: t.txid, index: t.index, address: t.to, units: t.units,
          confirmations: Math.max(1, tip - t.block + 1), final: t.block <= solidified, block: { height: t.block, hash }
        }))

      const history = (address: string, mark: string | null, budget: Budget = unlimited): Effect.Effect<AddressHistory, ChainSourceError> =>
        Effect.gen(function*() {
          const since = markTime(mark)
          const txids = new Set<string>()
          const fingerprints = new Set<string>()
          const observations: Array<ChainObservation> = []
          let newest = since?.at ?? null
          let fingerprint: string | undefined
          /** Cut short: the next poll goes on from the newest solidified transfer read (no overlap: the reading is in time order). */
          const cut = (): AddressHistory => ({ observations, mark: newest === null ? mark : `${newest}${pieceSuffix}`, partial: true })
          for (let pages = 1;; pages++) {
            const query = new URLSearchParams({ only_to: "true", contract_address: contract, limit: String(pageLimit), order_by: "block_timestamp,asc" })
            if (since !== null) query.set("min_timestamp", String(Math.max(0, since.at - (since.piece ? 0 : tronMarkOverlapMillis))))
            if (fingerprint !== undefined) query.set("fingerprint", fingerprint)
            const got = yield* budget.spend(call("GET", `/v1/accounts/${encodeURIComponent(address)}/transactions/trc20?${query}`, Trc20Page))
            if (Option.isNone(got)) return cut()
            const page = got.value
            if (!page.success) return yield* fail("rpc", `transfers to ${address}: not a success`)
            // each transaction's events as its page comes, in time order
            for (const t of page.data) {
              if (t.type !== "Transfer" || tronBase58(t.token_info.address) !== contract || tronBase58(t.to) !== address || txids.has(t.transaction_id)) continue
              txids.add(t.transaction_id)
              const transfers = finalEvents.get(t.transaction_id) ?? Option.getOrNull(yield* budget.spend(transfersOf(t.transaction_id)))
              if (transfers === null) return cut()
              for (const tr of transfers) {
                if (tr.to !== address || tr.units <= 0n) continue
                const cachedBlock = finalBlocks.get(tr.block) ?? known.get(tr.block)
                const o = cachedBlock !== undefined ? Option.some(yield* sighting(tr)) : yield* budget.spend(sighting(tr))
                if (Option.isNone(o)) return cut()
                observations.push(o.value)
                if (tr.block <= solidified) newest = Math.max(newest ?? 0, tr.timestamp)
              }
            }
            const next = page.meta?.fingerprint
            if (next === undefined || next === "" || page.data.length === 0) break
            if (fingerprints.has(next)) {
              yield* Effect.logWarning(`${name}: the transfers to ${address} were read partly (${pages} pages)`)
              return { observations, mark }
            }
            if (pages >= maxPages) {
              yield* Effect.logWarning(`${name}: the transfers to ${address} are more than ${maxPages} pages; read in pieces`)
              return cut()
            }
            fingerprints.add(next)
            fingerprint = next
          }
          return { observations, mark: newest !== null ? String(newest) : mark }
        })

      const locate = (deposit: ChainDeposit): Effect.Effect<ChainObservation | "gone", ChainSourceError> =>
        Effect.gen(function*() {
          const transfers = yield* transfersOf(deposit.txid)
          const found = transfers.find((t) => t.index === deposit.index)
          if (found !== undefined) return yield* sighting(found)
          if (transfers.length > 0) return "gone" as const
          // the event index does not know it (yet): the node decides
          const info = yield* call("POST", "/wallet/gettransactioninfobyid", TxInfo, { value: deposit.txid })
          const failed = info.result === "FAILED" || (info.receipt?.result !== undefined && info.receipt.result !== "SUCCESS")
          if (info.blockNumber === undefined || failed) return "gone" as const
          return yield* sighting({ txid: deposit.txid, index: deposit.index, block: info.blockNumber, timestamp: 0, to: deposit.address, units: deposit.units })
        })

      return { history, locate }
    }

    return {
      name,
      network: "tron",
      assets: ["USDT_TRC20"],
      begin: Effect.gen(function*() {
        const head = yield* call("POST", "/wallet/getnowblock", TronBlock)
        const solid = yield* call("POST", "/walletsolidity/getnowblock", TronBlock)
        const [h, s] = [head.block_header.raw_data.number, solid.block_header.raw_data.number]
        // behind a load balancer the solidified block can come from a node ahead of the one that gave the head
        return session(Math.max(h, s), s, new Map([[h, head.blockID], [s, solid.blockID]]))
      })
    } satisfies AddressSource
  })
