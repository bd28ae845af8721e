import * as BigDecimal from "effect/BigDecimal"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { type ChainDeposit, ChainDepositRepo, chainKeyText, type ChainTxKey, type WatcherState, WatcherRepo } from "./ChainDepositRepo.js"
import { changesNothing, type ChainObservation, HELD_RECHECK_FOR, type Sighting, step, wouldCredit } from "./ChainDepositState.js"
import type { Rate } from "./Conversion.js"
import { type Asset, assetInfo, type Network } from "./Currency.js"
import { type DepositAddress, DepositAddressRepo, pooledNetworks } from "./DepositAddresses.js"
import { DepositRepo } from "./Deposits.js"
import type { NotAdmin } from "./Errors.js"
import { type DomainEvent, Notifier } from "./Events.js"
import type { TelegramId } from "./Ids.js"
import { applyLedger, checkObservation, noticeEvent } from "./internal/chainLedger.js"
import { creditPorts } from "./internal/credit.js"
import type { Money } from "./Money.js"
import type { Page, PageRequest } from "./Paging.js"
import { PriceSource } from "./Prices.js"
import { type ConfirmationPolicy, confirmationsFor, defaultMinDeposit, ShopConfig } from "./ShopConfig.js"
import { now } from "./Time.js"
import { Transactor } from "./Transactor.js"
import { type AdminRef, Users } from "./Users.js"

/** A price older than this is never used to credit a deposit. */
export const MAX_PRICE_AGE = Duration.minutes(5)

/** One poll's worth of what a watcher saw, saved in one transaction with where it got to. */
export interface ChainReport {
  readonly watcher: string
  readonly seen: ReadonlyArray<ChainObservation>
  /** Payments that are neither in the best chain nor in the mempool any more. */
  readonly vanished: ReadonlyArray<ChainTxKey>
  readonly cursor?: { readonly value: string; readonly height: number | null } | undefined
  /** How far a source that asks per address read each address's history. */
  readonly marks?: ReadonlyArray<{ readonly network: Network; readonly address: string; readonly mark: string }> | undefined
}

/** A payment with what it was credited at, when it was. */
export interface ChainDepositView extends ChainDeposit {
  readonly fiat: Money | null
}

export interface ChainOverview {
  readonly recent: Page<ChainDeposit>
  readonly pending: ReadonlyArray<ChainDeposit>
  readonly waiting: ReadonlyArray<ChainDeposit>
  readonly held: ReadonlyArray<ChainDeposit>
  readonly watchers: ReadonlyArray<WatcherState>
  readonly pools: ReadonlyArray<{ readonly network: Network; readonly left: number }>
}

/**
 * Deposits to the buyers' own addresses. Watchers report what they see; this decides, by the
 * confirmation policy, the minimum and a fresh price, and credits each payment (asset, txid, index)
 * at most once. A credited payment whose transaction leaves the best chain is held, and released when
 * it is confirmed again. Reports may repeat, overlap and arrive out of order.
 */
export class ChainDeposits extends Context.Tag("@tokenshop/domain/ChainDeposits")<ChainDeposits, {
  /** Applies a report; a malformed or foreign sighting is skipped and logged, never fails the rest. */
  readonly observe: (report: ChainReport) => Effect.Effect<ReadonlyArray<ChainDeposit>>
  /** Credits the payments that were waiting for a price, where one is fresh now; returns how many. */
  readonly retryWaiting: Effect.Effect<number>
  readonly recordError: (watcher: string, error: string | null) => Effect.Effect<void>
  readonly cursor: (watcher: string) => Effect.Effect<Option.Option<string>>
  /** Payments a source must ask about again (not settled yet), `limit` at a time by id after `after`: read every page. */
  readonly open: (asset: Asset, after: number, limit: number) => Effect.Effect<ReadonlyArray<ChainDeposit>>
  readonly inBlocksFrom: (asset: Asset, height: number) => Effect.Effect<ReadonlyArray<ChainDeposit>>
  readonly required: (asset: Asset) => ConfirmationPolicy
  readonly minimum: (asset: Asset) => bigint
  /** Addresses whose buyer opened Top up lately, or with a payment not yet settled. */
  readonly watchedAddresses: (network: Network) => Effect.Effect<ReadonlyArray<DepositAddress>>
  readonly addresses: (network: Network, after: number, limit: number) => Effect.Effect<ReadonlyArray<DepositAddress>>
  readonly addressCount: (network: Network) => Effect.Effect<number>
  /** The buyer's own payments, newest first. */
  readonly mine: (user: TelegramId, asset: Asset | null, page: PageRequest) => Effect.Effect<Page<ChainDepositView>>
  readonly overview: (admin: AdminRef, recent: PageRequest) => Effect.Effect<ChainOverview, NotAdmin>
}>() {
  static readonly layer = Layer.effect(ChainDeposits, Effect.gen(function*() {
    const repo = yield* ChainDepositRepo
    const addresses = yield* DepositAddressRepo
    const watchers = yield* WatcherRepo
    const prices = yield* PriceSource
    const tx = yield* Transactor
    const notifier = yield* Notifier
    const users = yield* Users
    const config = yield* ShopConfig
    const depositRepo = yield* DepositRepo
    const storage = yield* creditPorts
    const required = (asset: Asset) => confirmationsFor(config.chain, asset)
    const minimum = (asset: Asset) => config.chain.minDeposit[asset] ?? defaultMinDeposit[asset] ?? 1n
    const rules = (asset: Asset) => ({ required: required(asset), minimum: minimum(asset) })

    /** A fresh price for each asset about to be credited; an asset without one waits. */
    const pricesFor = (assets: ReadonlySet<Asset>) =>
      Effect.gen(function*() {
        const at = yield* now
        const out = new Map<Asset, Rate>()
        for (const asset of assets) {
          const r = yield* Effect.either(prices.rate(asset, config.currency))
          if (r._tag === "Left") {
            yield* Effect.logWarning(`no price for ${asset}: ${r.left.detail}`)
            continue
          }
          const age = at.getTime() - r.right.at.getTime()
          if (age > Duration.toMillis(MAX_PRICE_AGE) || !BigDecimal.isPositive(r.right.price) || r.right.fiat !== config.currency) {
            yield* Effect.logWarning(`the ${asset} price is stale or unusable; deposits wait`)
            continue
          }
          out.set(asset, r.right)
        }
        return out
      })

    /**
     * A sighting, with the payment's record as read before the transaction (to decide which prices to
     * ask for). `replays`: the sighting is the stored record itself (the price retry), so it applies only
     * while that record is unchanged: a watcher that moved it meanwhile (held, gone, in another block)
     * knows better than the old sighting.
     */
    type Item = {
      readonly key: ChainTxKey
      readonly sighting: Sighting
      readonly owner: DepositAddress | null
      readonly known: ChainDeposit | null
      readonly replays?: ChainDeposit
    }
    const unchanged = (before: ChainDeposit, now: ChainDeposit | null) =>
      now !== null && now.status === before.status && now.blockHash === before.blockHash && now.blockHeight === before.blockHeight

    const apply = (items: ReadonlyArray<Item>, report: Pick<ChainReport, "watcher" | "cursor" | "marks">) =>
      Effect.gen(function*() {
        // Prices are asked for before the transaction, and only for payments about to be credited.
        const needed = new Set<Asset>()
        for (const { key, known, sighting } of items) {
          if (sighting._tag === "Seen" && wouldCredit(known, sighting.observation, rules(key.asset))) needed.add(key.asset)
        }
        const rates = yield* pricesFor(needed)
        const at = yield* now
        const window = new Date(at.getTime() + Duration.toMillis(config.chain.watchWindow))
        // Notices are collected per attempt and published once it has committed: a transaction run again
        // (PostgreSQL) tells each buyer once, and one rolled back tells nobody.
        const { changed, events } = yield* tx.withTransaction(Effect.gen(function*() {
          const out: Array<ChainDeposit> = []
          const events: Array<DomainEvent> = []
          for (const { key, owner, replays, sighting } of items) {
            const current = Option.getOrNull(yield* repo.get(key))
            if (replays !== undefined && !unchanged(replays, current)) continue
            const rate = rates.get(key.asset) ?? null
            const s = step(current, sighting, { ...rules(key.asset), priced: rate !== null })
            if (s.next === null || (current === null && owner === null)) continue
            const o = sighting._tag === "Seen" ? sighting.observation : null
            const base = current ?? {
              asset: key.asset, txid: key.txid, index: key.index, user: owner!.user, address: o!.address, units: o!.units,
              depositId: null, firstSeenAt: at
            }
            const ledger = yield* applyLedger(s.action, { ...base, holds: s.next.holds }, rate, at)
            // a step that changes nothing keeps the record as it is, its updatedAt included (see HELD_RECHECK_FOR)
            const stored = changesNothing(current, s) ? current! : yield* repo.put({ ...base, ...s.next, depositId: ledger.depositId ?? base.depositId, updatedAt: at })
            if (!stored.settled && stored.status !== "vanished") yield* addresses.watch(stored.user, window)
            if (s.notice !== null && (s.action === "none" || ledger.fresh)) events.push(noticeEvent(s.notice, stored, ledger, required(key.asset), minimum(key.asset)))
            out.push(stored)
          }
          for (const m of report.marks ?? []) yield* addresses.setMark(m.network, m.address, m.mark)
          if (report.cursor !== undefined) yield* watchers.saveCursor(report.watcher, report.cursor.value, report.cursor.height, at)
          return { changed: out, events }
        }).pipe(Effect.provide(storage)))
        yield* Effect.forEach(events, notifier.publish, { discard: true })
        return changed
      })

    const observe = Effect.fn("ChainDeposits.observe")(function*(report: ChainReport) {
      const latest = new Map<string, Item>()
      for (const o of report.seen) {
        const problem = checkObservation(o) ?? (config.chain.assets.includes(o.asset) ? null : `${o.asset} is not taken on own addresses here`)
        if (problem !== null) {
          yield* Effect.logWarning(`${report.watcher}: skipped a sighting of ${o.txid}: ${problem}`)
          continue
        }
        const owner = yield* addresses.byAddress(assetInfo(o.asset).network, o.address)
        if (Option.isNone(owner)) {
          yield* Effect.logWarning(`${report.watcher}: ${o.address} is not a deposit address of this shop`)
          continue
        }
        const known = yield* repo.get(o)
        if (Option.isSome(known) && (known.value.units !== o.units || known.value.address !== owner.value.address)) {
          // The transaction no longer makes the payment recorded under this key (executed again otherwise
          // after a reorganisation): the recorded one is taken as gone (held when credited); the new one
          // is not credited under the old one's key, and the admins see it held.
          yield* Effect.logWarning(`${report.watcher}: ${chainKeyText(o)} was reported with another amount or address; the recorded payment is taken as gone`)
          latest.set(chainKeyText(o), { key: o, owner: null, known: known.value, sighting: { _tag: "Vanished" } })
          continue
        }
        latest.set(chainKeyText(o), { key: o, owner: owner.value, known: Option.getOrNull(known), sighting: { _tag: "Seen", observation: { ...o, address: owner.value.address } } })
      }
      for (const key of report.vanished) {
        if (!latest.has(chainKeyText(key))) latest.set(chainKeyText(key), { key, owner: null, known: null, sighting: { _tag: "Vanished" } })
      }
      return yield* apply([...latest.values()], report)
    })

    const asObservation = (d: ChainDeposit): ChainObservation => ({
      asset: d.asset, txid: d.txid, index: d.index, address: d.address, units: d.units, confirmations: d.confirmations, final: d.final,
      block: d.blockHeight === null || d.blockHash === null ? null : { height: d.blockHeight, hash: d.blockHash }
    })

    return ChainDeposits.of({
      observe,
      retryWaiting: Effect.gen(function*() {
        const waiting = yield* repo.withStatus("waiting_price", 500)
        if (waiting.length === 0) return 0
        const items = waiting.map((d): Item => ({ key: d, owner: null, known: d, replays: d, sighting: { _tag: "Seen", observation: asObservation(d) } }))
        const done = yield* apply(items, { watcher: "prices" })
        return done.filter((d) => d.status === "credited").length
      }),
      recordError: (watcher, error) => Effect.flatMap(now, (at) => watchers.recordError(watcher, error === null ? null : error.slice(0, 500), at)),
      cursor: (watcher) => Effect.map(watchers.get(watcher), Option.flatMap((w) => Option.fromNullable(w.cursor))),
      open: (asset, after, limit) => Effect.flatMap(now, (at) => repo.open(asset, { after, limit, heldSince: new Date(at.getTime() - Duration.toMillis(HELD_RECHECK_FOR)) })),
      inBlocksFrom: repo.inBlocksFrom,
      required,
      minimum,
      watchedAddresses: (network) => Effect.flatMap(now, (at) => addresses.watched(network, at)),
      addresses: addresses.list,
      addressCount: addresses.count,
      mine: (user, asset, page) =>
        Effect.flatMap(repo.byUser(user, asset, page), (found) =>
          Effect.map(Effect.forEach(found.items, (d) =>
            d.depositId === null ? Effect.succeed({ ...d, fiat: null }) : Effect.map(
              depositRepo.findBySource({ kind: "chain", asset: d.asset, txid: d.txid, index: d.index }),
              (c) => ({ ...d, fiat: Option.getOrNull(Option.map(c, (x) => x.fiat)) })
            )), (items) => ({ ...found, items }))),
      overview: Effect.fn("ChainDeposits.overview")(function*(admin: AdminRef, recent: PageRequest) {
        yield* users.ensureAdmin(admin)
        const networks = [...new Set(config.chain.assets.map((a) => assetInfo(a).network))].filter((n) => pooledNetworks.includes(n))
        return {
          recent: yield* repo.recent(recent),
          pending: yield* repo.withStatus("pending", 20),
          waiting: yield* repo.withStatus("waiting_price", 20),
          held: yield* repo.withStatus("held", 20),
          watchers: yield* watchers.list,
          pools: yield* Effect.forEach(networks, (network) => Effect.map(addresses.poolLeft(network), (left) => ({ network, left })))
        }
      })
    })
  }))
}
