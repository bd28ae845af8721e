import * as Effect from "effect/Effect"
import * as HashMap from "effect/HashMap"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type { Network } from "../Currency.js"
import { type DepositAddress, DepositAddressRepo, type NewDepositAddress } from "../DepositAddresses.js"
import type { TelegramId } from "../Ids.js"
import { type MemoryState, MemoryStore, nextId } from "./MemoryStore.js"

const at = (network: Network, address: string) => `${network}:${address}`
const ofNetwork = (s: MemoryState, network: Network) =>
  [...HashMap.values(s.depositAddresses)].filter((a) => a.network === network).sort((a, b) => a.id - b.id)
const findOf = (s: MemoryState, user: TelegramId, network: Network) =>
  Option.fromNullable([...HashMap.values(s.depositAddresses)].find((a) => a.user === user && a.network === network))

const insert = (s: MemoryState, draft: NewDepositAddress): readonly [DepositAddress, MemoryState] => {
  const existing = findOf(s, draft.user, draft.network)
  if (Option.isSome(existing)) return [existing.value, s]
  if (HashMap.has(s.depositAddresses, at(draft.network, draft.address))) {
    throw new Error(`deposit address ${draft.address} belongs to another user`)
  }
  const [id, next] = nextId(s, "deposit_addresses")
  const address: DepositAddress = { ...draft, id, mark: null }
  return [address, { ...next, depositAddresses: HashMap.set(next.depositAddresses, at(draft.network, draft.address), address) }]
}

export const DepositAddressRepoMemory: Layer.Layer<DepositAddressRepo, never, MemoryStore> = Layer.effect(DepositAddressRepo, Effect.gen(function*() {
  const store = yield* MemoryStore
  const update = (f: (a: DepositAddress) => DepositAddress | null) =>
    store.modify((s) => {
      let addresses = s.depositAddresses
      for (const [key, a] of HashMap.entries(s.depositAddresses)) {
        const changed = f(a)
        if (changed !== null) addresses = HashMap.set(addresses, key, changed)
      }
      return [undefined, { ...s, depositAddresses: addresses }] as const
    })
  return DepositAddressRepo.of({
    indexOf: (user) =>
      store.modify((s) => {
        const known = HashMap.get(s.depositIndexes, user)
        if (Option.isSome(known)) return [known.value, s] as const
        const index = HashMap.size(s.depositIndexes)
        return [index, { ...s, depositIndexes: HashMap.set(s.depositIndexes, user, index) }] as const
      }),
    find: (user, network) => store.read((s) => findOf(s, user, network)),
    forUser: (user) => store.read((s) => [...HashMap.values(s.depositAddresses)].filter((a) => a.user === user).sort((a, b) => a.id - b.id)),
    save: (draft) => store.modify((s) => insert(s, draft)),
    byAddress: (network, address) => store.read((s) => HashMap.get(s.depositAddresses, at(network, address))),
    watch: (user, until) => update((a) => a.user === user && a.watchUntil < until ? { ...a, watchUntil: until } : null),
    watched: (network, now) => store.read((s) => ofNetwork(s, network).filter((a) => a.watchUntil > now)),
    list: (network, after, limit) => store.read((s) => ofNetwork(s, network).filter((a) => a.id > after).slice(0, limit)),
    count: (network) => store.read((s) => ofNetwork(s, network).length),
    setMark: (network, address, mark) => update((a) => a.network === network && a.address === address ? { ...a, mark } : null),
    addToPool: (network, addresses) =>
      store.modify((s) => {
        let pool = s.addressPool
        let state = s
        let added = 0
        for (const address of addresses) {
          const key = at(network, address)
          if (HashMap.has(pool, key) || HashMap.has(s.depositAddresses, key)) continue
          const [id, next] = nextId(state, "address_pool")
          state = next
          pool = HashMap.set(pool, key, { id, user: null })
          added++
        }
        return [{ added, skipped: addresses.length - added }, { ...state, addressPool: pool }] as const
      }),
    takeFromPool: (user, network, now, watchUntil) =>
      store.modify((s) => {
        const existing = findOf(s, user, network)
        if (Option.isSome(existing)) return [existing, s] as const
        const free = [...HashMap.entries(s.addressPool)]
          .filter(([key, e]) => e.user === null && key.startsWith(`${network}:`))
          .sort(([, a], [, b]) => a.id - b.id)[0]
        if (free === undefined) return [Option.none<DepositAddress>(), s] as const
        const [key, entry] = free
        const taken = { ...s, addressPool: HashMap.set(s.addressPool, key, { ...entry, user }) }
        const [address, next] = insert(taken, { user, network, index: entry.id, address: key.slice(network.length + 1), createdAt: now, watchUntil })
        return [Option.some(address), next] as const
      }),
    poolLeft: (network) =>
      store.read((s) => [...HashMap.entries(s.addressPool)].filter(([key, e]) => e.user === null && key.startsWith(`${network}:`)).length)
  })
}))
