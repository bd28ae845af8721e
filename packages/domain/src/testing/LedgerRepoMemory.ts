import * as Effect from "effect/Effect"
import * as HashMap from "effect/HashMap"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { InsufficientFunds, type InvalidAmount, type LedgerConflict } from "../Errors.js"
import { LedgerEntryId } from "../Ids.js"
import { appendCheck, type Balance, balanceOf, isDebit, type LedgerEntry, LedgerRepo } from "../Ledger.js"
import { slice } from "../Paging.js"
import { MemoryStore, nextId } from "./MemoryStore.js"

export const LedgerRepoMemory: Layer.Layer<LedgerRepo, never, MemoryStore> = Layer.effect(LedgerRepo, Effect.gen(function*() {
  const store = yield* MemoryStore
  const entriesOf = (s: Parameters<Parameters<typeof store.read>[0]>[0], user: LedgerEntry["user"]) =>
    Option.getOrElse(HashMap.get(s.ledger, user), () => [] as ReadonlyArray<LedgerEntry>)

  return LedgerRepo.of({
    append: (entry) =>
      store.modify<Effect.Effect<{ readonly entry: LedgerEntry; readonly replayed: boolean; readonly balance: Balance }, InsufficientFunds | LedgerConflict | InvalidAmount>>((s) => {
        const previous = HashMap.get(s.ledgerKeys, entry.key)
        const refused = appendCheck(entry, Option.getOrUndefined(previous))
        if (refused !== undefined) return [Effect.fail(refused), s] as const
        const entries = entriesOf(s, entry.user)
        const before = balanceOf(entry.amount.currency, entries)
        if (Option.isSome(previous)) return [Effect.succeed({ entry: previous.value, replayed: true, balance: before }), s] as const
        if (isDebit(entry.kind)) {
          const { available } = before
          if (available.amount < entry.amount.amount) {
            return [Effect.fail(new InsufficientFunds({ needed: entry.amount, available })), s] as const
          }
        }
        const [id, next] = nextId(s, "ledger")
        const stored: LedgerEntry = { ...entry, id: LedgerEntryId.make(id) }
        const after = balanceOf(entry.amount.currency, [...entries, stored])
        return [Effect.succeed({ entry: stored, replayed: false, balance: after }), {
          ...next,
          ledger: HashMap.set(next.ledger, entry.user, [...entries, stored]),
          ledgerKeys: HashMap.set(next.ledgerKeys, entry.key, stored)
        }] as const
      }).pipe(Effect.flatten),
    balance: (user, currency) => store.read((s) => balanceOf(currency, entriesOf(s, user))),
    // In memory the balance is always its entries' sum: there is nothing stored apart to disagree.
    reconcile: (user, currency) => store.read((s) => {
      const balance = balanceOf(currency, entriesOf(s, user))
      return { stored: balance, entries: balance }
    }),
    findByKey: (key) => store.read((s) => HashMap.get(s.ledgerKeys, key)),
    history: (user, page) => store.read((s) => slice([...entriesOf(s, user)].reverse(), page)),
    foreignEntries: (currency) =>
      store.read((s) => {
        const counts = new Map<LedgerEntry["amount"]["currency"], number>()
        for (const entries of HashMap.values(s.ledger)) {
          for (const e of entries) if (e.amount.currency !== currency) counts.set(e.amount.currency, (counts.get(e.amount.currency) ?? 0) + 1)
        }
        return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([c, entries]) => ({ currency: c, entries }))
      })
  })
}))

