/**
 * Property: whatever the processor does (duplicates, any order, paid and unpaid events mixed,
 * forgeries in between, several payments at once) each paid payment is credited exactly once,
 * and nothing else is credited.
 */
import { DepositRepo, Ledger, PaymentRepo, TelegramId, Users } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Redacted from "effect/Redacted"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { CallbackKey } from "../src/CallbackKey.js"
import { handleCallback } from "../src/Callback.js"
import { PROVIDER } from "../src/Gateway.js"
import { sign } from "../src/Signature.js"

const user = TelegramId.make(7)
const hashOf = (i: number) => i.toString(16).padStart(64, "a")
const secretOf = (i: number) => `secret-${i}`
const cents = (i: number) => BigInt(100 * (i + 1))

const event = (i: number, isPaid: boolean) =>
  `{"id":${700 + i},"paymentType":"DEPOSIT","fiatCurrency":"USD",${isPaid ? `"fiatAmount":${i + 1}.0,"cryptoAmount":0.0001,` : ""}"cryptoCurrency":"BTC","expireDatetime":${Date.now() + 3_600_000},"createDatetime":1,"address":"addr-${i}","isPaid":${isPaid},"isWithdrawn":false,"hash":"${hashOf(i)}","callbackUrl":"http://x"}`

type Delivery = { readonly payment: number; readonly kind: "paid" | "unpaid" | "forged" | "foreign-secret" }

const deliveryOf = ({ payment, kind }: Delivery) => {
  const body = event(payment, kind !== "unpaid")
  const signature = kind === "forged" ? sign("guess", body) : kind === "foreign-secret" ? sign(secretOf(payment + 1), body) : sign(secretOf(payment), body)
  return { body: new TextEncoder().encode(body), contentType: "application/json", signature }
}

describe("callback interleavings", () => {
  it("credit each paid payment exactly once, whatever arrives in whatever order", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.record({
              payment: fc.integer({ min: 0, max: n - 1 }),
              kind: fc.constantFrom<Delivery["kind"]>("paid", "paid", "unpaid", "forged", "foreign-secret")
            }), { minLength: 1, maxLength: 30 }),
            fc.scheduler()
          )),
        async ([n, deliveries, s]) => {
          const runtime = ManagedRuntime.make(ShopMemory())
          try {
            await runtime.runPromise(Effect.gen(function*() {
              yield* (yield* Users).register({ id: user, username: null, language: null })
              const repo = yield* PaymentRepo
              for (let i = 0; i < n; i++) {
                yield* repo.create({
                  user, asset: "BTC", address: `addr-${i}`, fiatAmount: null, cryptoAmount: null, provider: PROVIDER,
                  externalId: hashOf(i), secret: Redacted.make(secretOf(i)), createdAt: new Date(), expiresAt: new Date(Date.now() + 3_600_000)
                }, 100)
              }
            }))
            const answers = deliveries.map((d) =>
              s.schedule(Promise.resolve(d)).then((x) =>
                runtime.runPromise(handleCallback(deliveryOf(x)).pipe(Effect.provideService(CallbackKey, Redacted.make("unused: stored secrets"))))))
            await s.waitAll()
            const statuses = await Promise.all(answers)
            deliveries.forEach((d, i) => {
              const expected = d.kind === "forged" || d.kind === "foreign-secret" ? 403 : 200
              expect(statuses[i]!.status).toBe(expected)
            })
            const paid = new Set(deliveries.filter((d) => d.kind === "paid").map((d) => d.payment))
            const expectedBalance = [...paid].reduce((sum, i) => sum + cents(i), 0n)
            const { available, deposits } = await runtime.runPromise(Effect.gen(function*() {
              const balance = yield* (yield* Ledger).balance(user)
              const page = yield* (yield* DepositRepo).listByUser(user, { offset: 0, limit: 100 })
              return { available: balance.available.amount, deposits: page.items }
            }))
            expect(available).toBe(expectedBalance)
            expect(deposits.length).toBe(paid.size)
            for (let i = 0; i < n; i++) {
              const p = await runtime.runPromise(Effect.flatMap(PaymentRepo, (r) => r.findByExternalId(PROVIDER, hashOf(i))))
              expect(p._tag === "Some" && p.value.status).toBe(paid.has(i) ? "paid" : "pending")
            }
          } finally {
            await runtime.dispose()
          }
        }
      ),
      { numRuns: 150 }
    )
  })
})
