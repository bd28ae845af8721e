/**
 * The money log in memory: the same chain as the SQL adapters', over Effect's (non-cryptographic) string
 * hash, without a key. Balances are always their entries' sum here and purchases cannot be edited
 * past the shop, so there is nothing else to check.
 */
import * as Effect from "effect/Effect"
import * as Hash from "effect/Hash"
import * as HashMap from "effect/HashMap"
import * as Layer from "effect/Layer"
import { AuditLog, type AuditProblem } from "../AuditLog.js"
import { MemoryStore, type MemoryState, nextId } from "./MemoryStore.js"

/** Every record with its name and content, ledger entries, withdrawals then reveals, each by id. */
const records = (s: MemoryState): Array<{ readonly record: string; readonly content: string }> => [
  ...[...HashMap.values(s.ledger)].flat().sort((a, b) => a.id - b.id).map((e) => ({
    record: `ledger entry ${e.id}`,
    content: [e.user, e.kind, e.amount.amount, e.amount.currency, e.key, e.reason, e.actor, e.ref, e.createdAt.getTime()].join("\u001f")
  })),
  ...[...s.withdrawals].sort((a, b) => a.id - b.id).map((w) => ({
    record: `withdrawal ${w.id}`,
    content: [w.key, w.asset, w.destination, w.total.units, w.networkFee.units, w.serviceFee.units, w.receiving.units, w.txIds.join(","), w.admin, w.createdAt.getTime()].join("\u001f")
  })),
  ...s.reveals.map((r) => ({ record: `goods reveal ${r.id}`, content: [r.admin, r.buy, r.user, r.items, r.at.getTime()].join("\u001f") }))
]

const link = (previous: number, content: string) => Hash.combine(previous)(Hash.string(content))
const hex = (digest: number) => (digest >>> 0).toString(16)

export const AuditLogMemory: Layer.Layer<AuditLog, never, MemoryStore> = Layer.effect(AuditLog, Effect.gen(function*() {
  const store = yield* MemoryStore
  return AuditLog.of({
    reveal: (reveal) =>
      store.modify((s) => {
        const [id, next] = nextId(s, "reveals")
        return [undefined, { ...next, reveals: [...next.reveals, { ...reveal, id }] }] as const
      }),
    seal: (limit) =>
      store.modify((s) => {
        const sealed = new Set(s.audit.map((a) => a.record))
        const fresh = records(s).filter((r) => !sealed.has(r.record)).slice(0, Math.max(0, limit))
        const audit = [...s.audit]
        for (const r of fresh) audit.push({ record: r.record, digest: link(audit.at(-1)?.digest ?? 0, r.content) })
        return [fresh.length, { ...s, audit }] as const
      }),
    verify: store.read((s) => {
      const current = new Map(records(s).map((r) => [r.record, r.content]))
      const problems: Array<AuditProblem> = []
      s.audit.forEach((a, i) => {
        const content = current.get(a.record)
        if (content === undefined) problems.push({ seq: i + 1, record: a.record, problem: "missing" })
        else if (link(s.audit[i - 1]?.digest ?? 0, content) !== a.digest) problems.push({ seq: i + 1, record: a.record, problem: "edited" })
      })
      return {
        sealed: s.audit.length,
        head: s.audit.length === 0 ? null : hex(s.audit.at(-1)!.digest),
        unsealed: current.size - s.audit.length,
        problems,
        keying: { key: false, from: null, unchecked: 0 },
        balances: [],
        purchases: []
      }
    }),
    head: store.read((s) => (s.audit.length === 0 ? null : { seq: s.audit.length, hash: hex(s.audit.at(-1)!.digest) })),
    hashAt: (seq) => store.read((s) => {
      const a = s.audit[seq - 1]
      return a === undefined ? null : hex(a.digest)
    }),
    keyed: false
  })
}))
