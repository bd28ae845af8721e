import * as Effect from "effect/Effect"
import * as HashMap from "effect/HashMap"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { type ChainDeposit, ChainDepositRepo, chainKeyText, type WatcherState, WatcherRepo } from "../ChainDepositRepo.js"
import { slice } from "../Paging.js"
import { type MemoryState, MemoryStore, nextId } from "./MemoryStore.js"

const all = (s: MemoryState) => [...HashMap.values(s.chainDeposits)].sort((a, b) => a.id - b.id)
const newestFirst = (list: ReadonlyArray<ChainDeposit>) => [...list].reverse()

export const ChainDepositRepoMemory: Layer.Layer<ChainDepositRepo, never, MemoryStore> = Layer.effect(ChainDepositRepo, Effect.gen(function*() {
  const store = yield* MemoryStore
  return ChainDepositRepo.of({
    get: (key) => store.read((s) => HashMap.get(s.chainDeposits, chainKeyText(key))),
    put: (draft) =>
      store.modify((s) => {
        const key = chainKeyText(draft)
        const existing = HashMap.get(s.chainDeposits, key)
        const [id, next] = Option.isSome(existing) ? [existing.value.id, s] as const : nextId(s, "chain_deposits")
        const stored: ChainDeposit = { ...draft, id }
        return [stored, { ...next, chainDeposits: HashMap.set(next.chainDeposits, key, stored) }] as const
      }),
    open: (asset, page) =>
      store.read((s) =>
        all(s).filter((d) =>
          d.asset === asset && d.id > page.after &&
          (d.status === "pending" || d.status === "waiting_price" || d.status === "held" || (d.status === "credited" && !d.settled)) &&
          !(d.status === "held" && d.blockHeight === null && d.updatedAt.getTime() < page.heldSince.getTime())
        ).slice(0, page.limit)),
    inBlocksFrom: (asset, height) =>
      store.read((s) => all(s).filter((d) => d.asset === asset && d.blockHeight !== null && d.blockHeight >= height)),
    withStatus: (status, limit) => store.read((s) => all(s).filter((d) => d.status === status).slice(0, limit)),
    byUser: (user, asset, page) =>
      store.read((s) => slice(newestFirst(all(s).filter((d) => d.user === user && (asset === null || d.asset === asset))), page)),
    recent: (page) => store.read((s) => slice(newestFirst(all(s)), page))
  })
}))

export const WatcherRepoMemory: Layer.Layer<WatcherRepo, never, MemoryStore> = Layer.effect(WatcherRepo, Effect.gen(function*() {
  const store = yield* MemoryStore
  const change = (name: string, at: Date, f: (w: WatcherState) => WatcherState) =>
    store.modify((s) => {
      const current = Option.getOrElse(HashMap.get(s.watchers, name), (): WatcherState => ({
        name, cursor: null, height: null, lastError: null, lastErrorAt: null, updatedAt: at
      }))
      return [undefined, { ...s, watchers: HashMap.set(s.watchers, name, { ...f(current), updatedAt: at }) }] as const
    })
  return WatcherRepo.of({
    get: (name) => store.read((s) => HashMap.get(s.watchers, name)),
    saveCursor: (name, cursor, height, at) => change(name, at, (w) => ({ ...w, cursor, height: height ?? w.height })),
    recordError: (name, error, at) => change(name, at, (w) => ({ ...w, lastError: error, lastErrorAt: error === null ? w.lastErrorAt : at })),
    list: store.read((s) => [...HashMap.values(s.watchers)].sort((a, b) => a.name < b.name ? -1 : 1))
  })
}))
