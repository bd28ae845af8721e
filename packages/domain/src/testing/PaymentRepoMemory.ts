import * as Effect from "effect/Effect"
import * as HashMap from "effect/HashMap"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { TooManyPendingPayments } from "../Errors.js"
import { PaymentId } from "../Ids.js"
import { type PaymentRequest, PaymentRepo } from "../PaymentRequests.js"
import { MemoryStore, type MemoryState, nextId } from "./MemoryStore.js"

const pendingOf = (s: MemoryState, user: PaymentRequest["user"], now: Date) =>
  [...HashMap.values(s.payments)]
    .filter((p) => p.user === user && p.status === "pending" && p.expiresAt > now)
    .sort((a, b) => b.id - a.id)

export const PaymentRepoMemory: Layer.Layer<PaymentRepo, never, MemoryStore> = Layer.effect(PaymentRepo, Effect.gen(function*() {
  const store = yield* MemoryStore
  const transition = (id: PaymentId, at: Date, from: ReadonlyArray<PaymentRequest["status"]>, to: PaymentRequest["status"]) =>
    store.modify((s) => {
      const found = HashMap.get(s.payments, id)
      if (Option.isNone(found) || !from.includes(found.value.status)) return [false, s] as const
      return [true, { ...s, payments: HashMap.set(s.payments, id, { ...found.value, status: to, settledAt: at }) }] as const
    })

  return PaymentRepo.of({
    create: (draft, limit) =>
      store.modify<Effect.Effect<PaymentRequest, TooManyPendingPayments>>((s) => {
        if (pendingOf(s, draft.user, draft.createdAt).length >= limit) {
          return [Effect.fail(new TooManyPendingPayments({ user: draft.user, limit })), s] as const
        }
        const [id, next] = nextId(s, "payments")
        const payment: PaymentRequest = { ...draft, id: PaymentId.make(id), status: "pending", settledAt: null }
        return [Effect.succeed(payment), { ...next, payments: HashMap.set(next.payments, payment.id, payment) }] as const
      }).pipe(Effect.flatten),
    get: (id) => store.read((s) => HashMap.get(s.payments, id)),
    findByExternalId: (provider, externalId) =>
      store.read((s) =>
        Option.fromNullable([...HashMap.values(s.payments)].find((p) => p.provider === provider && p.externalId === externalId))
      ),
    pending: (user, now) => store.read((s) => pendingOf(s, user, now)),
    markPaid: (id, at) => transition(id, at, ["pending", "expired"], "paid"),
    markExpired: (id, at) => transition(id, at, ["pending"], "expired"),
    expireDue: (now) =>
      store.modify((s) => {
        const due = [...HashMap.values(s.payments)]
          .filter((p) => p.status === "pending" && p.expiresAt <= now)
          .sort((a, b) => a.id - b.id)
          .map((p): PaymentRequest => ({ ...p, status: "expired", settledAt: now }))
        let payments = s.payments
        for (const p of due) payments = HashMap.set(payments, p.id, p)
        return [due, { ...s, payments }] as const
      }),
    paidSince: (since) =>
      store.read((s) =>
        [...HashMap.values(s.payments)]
          .filter((p) => p.status === "paid" && p.settledAt !== null && p.settledAt >= since)
          .sort((a, b) => a.id - b.id))
  })
}))
