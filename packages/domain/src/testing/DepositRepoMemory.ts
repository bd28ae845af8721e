import * as Effect from "effect/Effect"
import * as HashMap from "effect/HashMap"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type { Asset } from "../Currency.js"
import { DepositId } from "../Ids.js"
import { crypto, money } from "../Money.js"
import { slice, within } from "../Paging.js"
import { type Deposit, DepositRepo, sourceKey } from "../Deposits.js"
import { MemoryStore, nextId } from "./MemoryStore.js"

export const DepositRepoMemory: Layer.Layer<DepositRepo, never, MemoryStore> = Layer.effect(DepositRepo, Effect.gen(function*() {
  const store = yield* MemoryStore
  return DepositRepo.of({
    record: (draft) =>
      store.modify<{ readonly deposit: Deposit; readonly created: boolean }>((s) => {
        const key = sourceKey(draft.source)
        const existing = HashMap.get(s.deposits, key)
        if (Option.isSome(existing)) return [{ deposit: existing.value, created: false }, s] as const
        const [id, next] = nextId(s, "deposits")
        const deposit: Deposit = { ...draft, id: DepositId.make(id) }
        return [{ deposit, created: true }, { ...next, deposits: HashMap.set(next.deposits, key, deposit) }] as const
      }),
    findBySource: (source) => store.read((s) => HashMap.get(s.deposits, sourceKey(source))),
    listByUser: (user, page) =>
      store.read((s) => slice([...HashMap.values(s.deposits)].filter((d) => d.user === user).sort((a, b) => b.id - a.id), page)),
    summarize: (window, currency) =>
      store.read((s) => {
        let count = 0
        let total = 0n
        const byAsset = new Map<Asset, bigint>()
        for (const d of HashMap.values(s.deposits)) {
          if (!within(d.createdAt, window) || d.fiat.currency !== currency) continue
          count++
          total += d.fiat.amount
          byAsset.set(d.amount.asset, (byAsset.get(d.amount.asset) ?? 0n) + d.amount.units)
        }
        return {
          count,
          total: money(total, currency),
          byAsset: [...byAsset].sort(([a], [b]) => a < b ? -1 : 1).map(([asset, units]) => crypto(units, asset))
        }
      })
  })
}))
