import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type { TelegramId } from "../../Ids.js"
import { crypto } from "../../Money.js"
import { type NewPaymentRequest, PaymentRepo } from "../../PaymentRequests.js"
import type { UserRepo } from "../../Users.js"
import { type ContractLayer, freshName, freshTime, plus, registered, usd } from "./support.js"

const request = (user: TelegramId, at: Date, ttlMs = 3_600_000): NewPaymentRequest => ({
  user,
  asset: "USDT_TRC20",
  address: "TXYZ",
  fiatAmount: usd(2_500n),
  cryptoAmount: crypto(25_000_000n, "USDT_TRC20"),
  provider: "contract",
  externalId: freshName("ext"),
  secret: Redacted.make("s3cret"),
  createdAt: at,
  expiresAt: plus(at, ttlMs)
})

/** The PaymentRepo contract: the pending limit, lookups, and the pending/paid/expired transitions. */
export const paymentRepoContract = (name: string, layer: ContractLayer<PaymentRepo | UserRepo>) =>
  describe(`PaymentRepo contract: ${name}`, () => {
    const run = <A, E>(self: Effect.Effect<A, E, PaymentRepo | UserRepo>) => Effect.provide(self, layer)

    it.live("create stores a pending request that get and findByExternalId return", () =>
      run(Effect.gen(function*() {
        const repo = yield* PaymentRepo
        const user = yield* registered()
        const r = request(user, freshTime())
        const p = yield* repo.create(r, 5)
        expect(p).toMatchObject({ user, asset: "USDT_TRC20", address: "TXYZ", status: "pending", settledAt: null, provider: "contract" })
        expect(p.fiatAmount).toEqual(usd(2_500n))
        expect(p.cryptoAmount).toEqual(crypto(25_000_000n, "USDT_TRC20"))
        expect(Redacted.value(p.secret!)).toBe("s3cret")
        const got = Option.getOrThrow(yield* repo.get(p.id))
        expect({ ...got, secret: null }).toEqual({ ...p, secret: null })
        expect(Option.getOrThrow(yield* repo.findByExternalId("contract", r.externalId!)).id).toBe(p.id)
        expect(Option.isNone(yield* repo.findByExternalId("other", r.externalId!))).toBe(true)
        const open = yield* repo.create({ ...request(user, freshTime()), fiatAmount: null, cryptoAmount: null, externalId: null, secret: null }, 5)
        expect(Option.getOrThrow(yield* repo.get(open.id))).toMatchObject({ fiatAmount: null, cryptoAmount: null, externalId: null, secret: null })
      })))

    it.live("at most `limit` pending unexpired requests per user", () =>
      run(Effect.gen(function*() {
        const repo = yield* PaymentRepo
        const user = yield* registered()
        const other = yield* registered()
        const t = freshTime()
        yield* repo.create(request(user, t, 1_000), 3) // expires at t+1s
        yield* repo.create(request(user, t), 3)
        yield* repo.create(request(user, t), 3)
        const later = plus(t, 2_000)
        yield* repo.create(request(user, later), 3) // the first one has expired by now
        const error = yield* Effect.flip(repo.create(request(user, later), 3))
        expect(error).toMatchObject({ _tag: "TooManyPendingPayments", user, limit: 3 })
        expect((yield* repo.pending(user, later)).length).toBe(3)
        yield* repo.create(request(other, later), 3)
      })))

    it.live("concurrent creates respect the limit", () =>
      run(Effect.gen(function*() {
        const repo = yield* PaymentRepo
        const user = yield* registered()
        const t = freshTime()
        const results = yield* Effect.all(Array.from({ length: 12 }, () => Effect.either(repo.create(request(user, t), 5))), {
          concurrency: "unbounded"
        })
        expect(results.filter((r) => r._tag === "Right").length).toBe(5)
      })))

    it.live("markPaid works once, also after expiry; markExpired only from pending", () =>
      run(Effect.gen(function*() {
        const repo = yield* PaymentRepo
        const user = yield* registered()
        const t = freshTime()
        const a = yield* repo.create(request(user, t), 5)
        expect(yield* repo.markPaid(a.id, plus(t, 10))).toBe(true)
        expect(yield* repo.markPaid(a.id, plus(t, 20))).toBe(false)
        expect(yield* repo.markExpired(a.id, plus(t, 30))).toBe(false)
        expect(Option.getOrThrow(yield* repo.get(a.id))).toMatchObject({ status: "paid" })
        const b = yield* repo.create(request(user, t), 5)
        expect(yield* repo.markExpired(b.id, plus(t, 10))).toBe(true)
        expect(yield* repo.markExpired(b.id, plus(t, 10))).toBe(false)
        expect(yield* repo.markPaid(b.id, plus(t, 20))).toBe(true)
        expect(Option.getOrThrow(yield* repo.get(b.id)).status).toBe("paid")
      })))

    it.live("expireDue expires what is due and returns exactly those", () =>
      run(Effect.gen(function*() {
        const repo = yield* PaymentRepo
        const user = yield* registered()
        const t = freshTime()
        const due = yield* repo.create(request(user, t, 1_000), 5)
        const paid = yield* repo.create(request(user, t, 1_000), 5)
        const notDue = yield* repo.create(request(user, t, 10_000), 5)
        yield* repo.markPaid(paid.id, plus(t, 500))
        const expired = yield* repo.expireDue(plus(t, 1_000))
        const mine = expired.filter((p) => p.user === user)
        expect(mine.map((p) => p.id)).toEqual([due.id])
        expect(mine[0]!.status).toBe("expired")
        expect(Option.getOrThrow(yield* repo.get(notDue.id)).status).toBe("pending")
        expect((yield* repo.expireDue(plus(t, 1_000))).filter((p) => p.user === user)).toEqual([])
        expect((yield* repo.pending(user, plus(t, 1_000))).map((p) => p.id)).toEqual([notDue.id])
      })))

    it.live("paidSince lists the payments paid from that time on, oldest first, and nothing else", () =>
      run(Effect.gen(function*() {
        const repo = yield* PaymentRepo
        const user = yield* registered()
        const t = freshTime()
        const early = yield* repo.create(request(user, t, 10_000), 5)
        const late = yield* repo.create(request(user, t, 10_000), 5)
        const later = yield* repo.create(request(user, t, 10_000), 5)
        const unpaid = yield* repo.create(request(user, t, 10_000), 5)
        yield* repo.markPaid(early.id, plus(t, 100))
        yield* repo.markPaid(later.id, plus(t, 300))
        yield* repo.markPaid(late.id, plus(t, 200))
        yield* repo.markExpired(unpaid.id, plus(t, 400))
        const mine = (since: number) => Effect.map(repo.paidSince(plus(t, since)), (ps) => ps.filter((p) => p.user === user).map((p) => p.id))
        expect(yield* mine(200)).toEqual([late.id, later.id])
        expect(yield* mine(0)).toEqual([early.id, late.id, later.id])
        expect(yield* mine(301)).toEqual([])
      })))
  })
