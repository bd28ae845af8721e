import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { BuyId, Buys, Cart, Checkout, idempotencyKey, Ledger, refundKey, Refunds } from "../src/index.js"
import { admin, buyer, shop, stock, usd } from "./support.js"

describe("the ledger's guards", () => {
  it.effect("a refund marks the purchase refunded only when it wrote its own entry: another entry under its key stops it", () =>
    Effect.gen(function*() {
      const sub = yield* stock(["Games;Steam;k;5.00;S1", "Games;Steam;k;5.00;S2"])
      const [alice, mallory] = [yield* buyer(), yield* buyer()]
      const ledger = yield* Ledger
      yield* ledger.adjust(admin, { user: alice, direction: "credit", amount: usd(1_000n), reason: "t", key: idempotencyKey("t", alice) })
      yield* (yield* Cart).add(alice, sub("Games/Steam"), 1)
      yield* (yield* Checkout).checkout(alice, idempotencyKey("buy", 1))
      // an admin credit to someone else that happens to use the refund's key
      yield* ledger.adjust(admin, { user: mallory, direction: "credit", amount: usd(500n), reason: "mistyped key", key: refundKey(BuyId.make(1)) })
      const exit = yield* Effect.exit((yield* Refunds).refund(admin, BuyId.make(1)))
      expect(Exit.isFailure(exit)).toBe(true)
      expect((yield* (yield* Buys).get(admin, BuyId.make(1))).refundedAt).toBeNull()
      expect((yield* ledger.balance(alice)).available).toEqual(usd(500n))
      expect((yield* ledger.balance(mallory)).available).toEqual(usd(500n))
    }).pipe(Effect.provide(shop())))

  it.effect("an admin adjustment repeated with the same key but another amount is refused, not taken as done", () =>
    Effect.gen(function*() {
      const user = yield* buyer()
      const ledger = yield* Ledger
      const key = idempotencyKey("cli", "once")
      yield* ledger.adjust(admin, { user, direction: "credit", amount: usd(1_000n), reason: "t", key })
      expect(yield* ledger.adjust(admin, { user, direction: "credit", amount: usd(1_000n), reason: "t", key })).toMatchObject({ balance: { available: usd(1_000n) }, replayed: true })
      expect(yield* Effect.flip(ledger.adjust(admin, { user, direction: "credit", amount: usd(5_000n), reason: "t", key }))).toMatchObject({ _tag: "LedgerConflict" })
      expect((yield* ledger.balance(user)).available).toEqual(usd(1_000n))
    }).pipe(Effect.provide(shop())))
})
