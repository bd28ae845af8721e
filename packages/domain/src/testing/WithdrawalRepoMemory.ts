import * as Effect from "effect/Effect"
import * as HashMap from "effect/HashMap"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { IdempotencyKey, WithdrawalId } from "../Ids.js"
import { slice } from "../Paging.js"
import { type CountedClaim, type Withdrawal, WithdrawalRepo } from "../Withdrawals.js"
import { MemoryStore, nextId } from "./MemoryStore.js"

export const WithdrawalRepoMemory: Layer.Layer<WithdrawalRepo, never, MemoryStore> = Layer.effect(WithdrawalRepo, Effect.gen(function*() {
  const store = yield* MemoryStore
  return WithdrawalRepo.of({
    record: (draft) =>
      store.modify<{ readonly withdrawal: Withdrawal; readonly created: boolean }>((s) => {
        const existing = s.withdrawals.find((w) => w.key === draft.key)
        if (existing !== undefined) return [{ withdrawal: existing, created: false }, s] as const
        const [id, next] = nextId(s, "withdrawals")
        const withdrawal: Withdrawal = { ...draft, id: WithdrawalId.make(id) }
        return [{ withdrawal, created: true }, { ...next, withdrawals: [...next.withdrawals, withdrawal] }] as const
      }),
    findByKey: (key) => store.read((s) => Option.fromNullable(s.withdrawals.find((w) => w.key === key))),
    claim: (key, at, share) =>
      store.modify((s) =>
        HashMap.has(s.withdrawalClaims, key)
          ? [false, s] as const
          : [true, { ...s, withdrawalClaims: HashMap.set(s.withdrawalClaims, key, { at, share: share ?? null }) }] as const),
    release: (key) => store.modify((s) => [undefined, { ...s, withdrawalClaims: HashMap.remove(s.withdrawalClaims, key) }] as const),
    countedAfter: (after) =>
      store.read((s) => {
        const counted: Array<CountedClaim> = []
        for (const [key, { at, share }] of s.withdrawalClaims) {
          if (share !== null && at.getTime() > after.getTime()) counted.push({ key: IdempotencyKey.make(key), at, value: share.value })
        }
        return counted.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.key < b.key ? -1 : 1))
      }),
    list: (page) => store.read((s) => slice([...s.withdrawals].reverse(), page))
  })
}))
