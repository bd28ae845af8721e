import * as Effect from "effect/Effect"
import * as HashMap from "effect/HashMap"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { type Buy, BuyRepo, summarizeBuy } from "../BuyRepo.js"
import { BuyId } from "../Ids.js"
import { money } from "../Money.js"
import { slice, within } from "../Paging.js"
import { MemoryStore, nextId } from "./MemoryStore.js"

export const BuyRepoMemory: Layer.Layer<BuyRepo, never, MemoryStore> = Layer.effect(BuyRepo, Effect.gen(function*() {
  const store = yield* MemoryStore
  return BuyRepo.of({
    create: (draft) =>
      store.modify((s) => {
        const [id, next] = nextId(s, "buys")
        const buy: Buy = { ...draft, id: BuyId.make(id), refundedAt: null }
        return [buy, {
          ...next,
          buys: HashMap.set(next.buys, buy.id, buy),
          buyKeys: HashMap.set(next.buyKeys, buy.checkoutKey, buy.id),
          buysByUser: HashMap.set(next.buysByUser, buy.user, [...Option.getOrElse(HashMap.get(next.buysByUser, buy.user), () => []), buy.id])
        }] as const
      }),
    get: (id) => store.read((s) => HashMap.get(s.buys, id)),
    findByCheckoutKey: (key) => store.read((s) => HashMap.get(s.buyKeys, key).pipe(Option.flatMap((id) => HashMap.get(s.buys, id)))),
    listByUser: (user, page) =>
      store.read((s) => {
        const ids = Option.getOrElse(HashMap.get(s.buysByUser, user), () => [] as ReadonlyArray<BuyId>)
        return slice([...ids].reverse().map((id) => summarizeBuy(HashMap.unsafeGet(s.buys, id))), page)
      }),
    listBetween: (window, page) =>
      store.read((s) =>
        slice([...HashMap.values(s.buys)].filter((b) => within(b.createdAt, window)).sort((a, b) => a.id - b.id).map(summarizeBuy), page)
      ),
    markRefunded: (id, at) =>
      store.modify((s) => {
        const found = HashMap.get(s.buys, id)
        if (Option.isNone(found) || found.value.refundedAt !== null) return [false, s] as const
        return [true, { ...s, buys: HashMap.set(s.buys, id, { ...found.value, refundedAt: at }) }] as const
      }),
    summarize: (window, currency) =>
      store.read((s) => {
        let count = 0, items = 0, total = 0n, refundedCount = 0, refundedTotal = 0n
        for (const b of HashMap.values(s.buys)) {
          if (!within(b.createdAt, window) || b.total.currency !== currency) continue
          count++
          items += b.items.length
          total += b.total.amount
          if (b.refundedAt !== null) {
            refundedCount++
            refundedTotal += b.total.amount
          }
        }
        return { count, items, total: money(total, currency), refundedCount, refundedTotal: money(refundedTotal, currency) }
      })
  })
}))
