/** Adding items to the in-memory catalog, at once or staged under an import's key and published in one step. */
import * as HashMap from "effect/HashMap"
import * as Option from "effect/Option"
import type { CatalogRepo, Item, NewItem } from "../Catalog.js"
import { ItemId } from "../Ids.js"
import { type MemoryState, type MemoryStore, nextId } from "./MemoryStore.js"

/** Adds items new and unsold, oldest first by id. */
export const addAll = (s: MemoryState, newItems: ReadonlyArray<NewItem>, now: Date): readonly [number, MemoryState] => {
  let state = s
  let items = s.items
  let itemsBySub = s.itemsBySub
  for (const n of newItems) {
    const [id, next] = nextId(state, "items")
    state = next
    const item: Item = { ...n, id: ItemId.make(id), sold: false, isNew: true, createdAt: now }
    items = HashMap.set(items, item.id, item)
    itemsBySub = HashMap.set(itemsBySub, n.subcategoryId, [...Option.getOrElse(HashMap.get(itemsBySub, n.subcategoryId), () => []), item.id])
  }
  return [newItems.length, { ...state, items, itemsBySub }] as const
}

/** Staged items wait apart from the catalog, so nothing can see them before they are published. */
export const stagingMemory = (
  store: MemoryStore["Type"]
): Pick<CatalogRepo["Type"], "stageItems" | "publishStaged" | "dropStaged" | "unsoldMatching" | "removeUnsold"> => ({
  removeUnsold: (target) =>
    store.modify((s) => {
      const ids = target._tag === "Items"
        ? target.ids
        : Option.getOrElse(HashMap.get(s.itemsBySub, target.id), () => [])
      const gone = new Set<number>()
      const removed = ids.filter((id) => !gone.has(id) && Option.exists(HashMap.get(s.items, id), (item) => !item.sold) && gone.add(id) !== undefined)
      let items = s.items
      let itemsBySub = s.itemsBySub
      for (const id of removed) {
        const sub = HashMap.unsafeGet(s.items, id).subcategoryId
        items = HashMap.remove(items, id)
        itemsBySub = HashMap.set(itemsBySub, sub, Option.getOrElse(HashMap.get(itemsBySub, sub), () => []).filter((i) => !gone.has(i)))
      }
      return [removed, { ...s, items, itemsBySub }] as const
    }),
  unsoldMatching: (privateData) =>
    store.read((s): ReadonlySet<string> => {
      const wanted = new Set(privateData)
      const held = new Set<string>()
      for (const item of HashMap.values(s.items)) if (!item.sold && wanted.has(item.privateData)) held.add(item.privateData)
      return held
    }),
  stageItems: (key, items, now) =>
    store.modify((s) => {
      const staged = Option.getOrElse(HashMap.get(s.staged, key), () => [])
      return [items.length, { ...s, staged: HashMap.set(s.staged, key, [...staged, ...items.map((item) => ({ item, now }))]) }] as const
    }),
  publishStaged: (key) =>
    store.modify((s) => {
      let state: MemoryState = { ...s, staged: HashMap.remove(s.staged, key) }
      const staged = Option.getOrElse(HashMap.get(s.staged, key), () => [])
      for (const { item, now } of staged) state = addAll(state, [item], now)[1]
      return [staged.length, state] as const
    }),
  dropStaged: (key) => store.modify((s) => [undefined, { ...s, staged: HashMap.remove(s.staged, key) }] as const)
})
