import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as TestClock from "effect/TestClock"
import { Cart, Catalog, Checkout, Ledger, Users } from "../src/index.js"
import { EventLog } from "../src/testing/memory.js"
import { admin, buyer, fund, key, shop, stock, usd } from "./support.js"

const inventory = [
  "Games;Steam;Old key;5.00;STEAM-1",
  "Games;Steam;Newer key;7.00;STEAM-2",
  "Games;Steam;Newest key;9.00;STEAM-3",
  "Software;Office;Licence;20;OFFICE-1"
]

describe("cart", () => {
  it.effect("adds within stock and shows unit prices, line totals at each item's own price, and stock", () =>
    Effect.gen(function*() {
      const sub = yield* stock(inventory)
      const user = yield* buyer()
      const cart = yield* Cart
      yield* cart.add(user, sub("Games/Steam"), 1)
      const view = yield* cart.add(user, sub("Games/Steam"), 1)
      expect(view.lines).toEqual([{
        subcategoryId: sub("Games/Steam"),
        categoryName: "Games",
        subcategoryName: "Steam",
        quantity: 2,
        stock: 3,
        unitPrice: usd(500n),
        lineTotal: usd(1200n),
        available: true
      }])
      expect(view.total).toEqual(usd(1200n))
      expect(view.ready).toBe(true)
    }).pipe(Effect.provide(shop())))

  it.effect("refuses more than the stock with the numbers, and bad quantities", () =>
    Effect.gen(function*() {
      const sub = yield* stock(inventory)
      const user = yield* buyer()
      const cart = yield* Cart
      yield* cart.add(user, sub("Games/Steam"), 2)
      expect(yield* Effect.flip(cart.add(user, sub("Games/Steam"), 2))).toMatchObject({
        _tag: "OutOfStock", subcategory: sub("Games/Steam"), requested: 4, available: 3
      })
      expect((yield* Effect.flip(cart.add(user, sub("Games/Steam"), 0)))._tag).toBe("InvalidInput")
      expect((yield* Effect.flip(cart.add(user, sub("Games/Steam"), 1.5)))._tag).toBe("InvalidInput")
      expect((yield* cart.view(user)).lines[0]?.quantity).toBe(2)
      expect((yield* cart.setQuantity(user, sub("Games/Steam"), 0)).lines).toEqual([])
    }).pipe(Effect.provide(shop())))

  it.effect("shows a line whose subcategory was deleted as unavailable", () =>
    Effect.gen(function*() {
      const sub = yield* stock(inventory)
      const user = yield* buyer()
      yield* (yield* Cart).add(user, sub("Software/Office"), 1)
      yield* (yield* Catalog).deleteSubcategory(admin, sub("Software/Office"))
      const view = yield* (yield* Cart).view(user)
      expect(view.lines[0]).toMatchObject({ subcategoryName: null, stock: 0, unitPrice: null, available: false })
      expect(view.ready).toBe(false)
    }).pipe(Effect.provide(shop())))
})

describe("checkout", () => {
  it.effect("fails on an empty cart", () =>
    Effect.gen(function*() {
      const user = yield* buyer()
      expect((yield* Effect.flip((yield* Checkout).checkout(user, key("k"))))._tag).toBe("EmptyCart")
    }).pipe(Effect.provide(shop())))

  it.effect("fails with InsufficientFunds {needed, available} and changes nothing", () =>
    Effect.gen(function*() {
      const sub = yield* stock(inventory)
      const user = yield* buyer()
      yield* fund(user, 1000n)
      yield* (yield* Cart).add(user, sub("Games/Steam"), 2)
      const error = yield* Effect.flip((yield* Checkout).checkout(user, key("k")))
      expect(error).toMatchObject({ _tag: "InsufficientFunds", needed: usd(1200n), available: usd(1000n) })
      expect((yield* (yield* Cart).view(user)).lines[0]?.quantity).toBe(2)
      expect((yield* (yield* Catalog).subcategory(sub("Games/Steam"))).stock).toBe(3)
      expect((yield* (yield* Ledger).balance(user)).available).toEqual(usd(1000n))
    }).pipe(Effect.provide(shop())))

  it.effect("takes the oldest items, charges each its own price, delivers, empties the cart, and announces", () =>
    Effect.gen(function*() {
      const sub = yield* stock(inventory)
      const user = yield* buyer()
      yield* fund(user, 5000n)
      yield* (yield* Cart).add(user, sub("Games/Steam"), 2)
      yield* (yield* Cart).add(user, sub("Software/Office"), 1)
      const result = yield* (yield* Checkout).checkout(user, key("k"))
      expect(result.replayed).toBe(false)
      expect(result.buy.total).toEqual(usd(3200n))
      expect(result.buy.items.map((i) => [i.privateData, i.price.amount])).toEqual([["STEAM-1", 500n], ["STEAM-2", 700n], ["OFFICE-1", 2000n]])
      expect(result.balance).toEqual({ topUp: usd(5000n), consumed: usd(3200n), available: usd(1800n) })
      expect((yield* (yield* Cart).view(user)).lines).toEqual([])
      expect((yield* (yield* Catalog).subcategory(sub("Games/Steam"))).unitPrice).toEqual(usd(900n))
      const events = yield* (yield* EventLog).ofTag("BuyCompleted")
      expect(events.length).toBe(1)
      expect(events[0]!.lines).toEqual([
        { categoryName: "Games", subcategoryName: "Steam", quantity: 2, total: usd(1200n) },
        { categoryName: "Software", subcategoryName: "Office", quantity: 1, total: usd(2000n) }
      ])
      expect(JSON.stringify(events[0], (_, v) => typeof v === "bigint" ? v.toString() : v)).not.toContain("STEAM-1")
    }).pipe(Effect.provide(shop())))

  it.effect("a double tap with the same key buys and announces once", () =>
    Effect.gen(function*() {
      const sub = yield* stock(inventory)
      const user = yield* buyer()
      yield* fund(user, 5000n)
      yield* (yield* Cart).add(user, sub("Games/Steam"), 1)
      const checkout = yield* Checkout
      const [a, b] = yield* Effect.all([checkout.checkout(user, key("tap")), checkout.checkout(user, key("tap"))], { concurrency: 2 })
      expect([a.replayed, b.replayed].sort()).toEqual([false, true])
      expect(a.buy.id).toBe(b.buy.id)
      expect((yield* (yield* Ledger).balance(user)).consumed).toEqual(usd(500n))
      expect((yield* (yield* EventLog).ofTag("BuyCompleted")).length).toBe(1)
      // a new key on the emptied cart is an empty cart, not a second purchase
      expect((yield* Effect.flip(checkout.checkout(user, key("tap2"))))._tag).toBe("EmptyCart")
    }).pipe(Effect.provide(shop())))

  it.effect("keys are per user: another user's key never returns their purchase", () =>
    Effect.gen(function*() {
      const sub = yield* stock(inventory)
      const alice = yield* buyer()
      const bob = yield* buyer()
      yield* fund(alice, 5000n)
      yield* (yield* Cart).add(alice, sub("Games/Steam"), 1)
      yield* (yield* Checkout).checkout(alice, key("same"))
      expect((yield* Effect.flip((yield* Checkout).checkout(bob, key("same"))))._tag).toBe("EmptyCart")
    }).pipe(Effect.provide(shop())))

  it.effect("a second buyer cannot get the item the first one bought", () =>
    Effect.gen(function*() {
      const sub = yield* stock(inventory)
      const [alice, bob] = [yield* buyer(), yield* buyer()]
      for (const u of [alice, bob]) {
        yield* fund(u, 5000n)
        yield* (yield* Cart).add(u, sub("Software/Office"), 1)
      }
      const checkout = yield* Checkout
      const results = yield* Effect.all([alice, bob].map((u) => Effect.either(checkout.checkout(u, key("c")))), {
        concurrency: "unbounded"
      })
      expect(results.filter((r) => r._tag === "Right").length).toBe(1)
      const failure = results.find((r) => r._tag === "Left")
      expect(failure?._tag === "Left" && failure.left).toMatchObject({ _tag: "OutOfStock", requested: 1, available: 0 })
    }).pipe(Effect.provide(shop())))

  it.effect("a banned user cannot add or buy", () =>
    Effect.gen(function*() {
      const sub = yield* stock(inventory)
      const user = yield* buyer()
      yield* fund(user, 5000n)
      yield* (yield* Cart).add(user, sub("Games/Steam"), 1)
      yield* (yield* Users).setBanned(admin, user, true)
      expect((yield* Effect.flip((yield* Cart).add(user, sub("Games/Steam"), 1)))._tag).toBe("UserBanned")
      expect((yield* Effect.flip((yield* Checkout).checkout(user, key("k"))))._tag).toBe("UserBanned")
    }).pipe(Effect.provide(shop())))

  it.effect("a confirmation buys what it showed or nothing: a changed cart or price, or one older than 10 minutes, is refused", () =>
    Effect.gen(function*() {
      const user = yield* buyer()
      yield* fund(user, 10_000n)
      const sub = yield* stock(["Games;A;key;5.00;A1", "Games;A;key;5.00;A2", "Games;A;key;5.00;A3", "Games;B;key;2.00;B1"])
      const cart = yield* Cart
      const checkout = yield* Checkout
      yield* cart.add(user, sub("Games/A"), 2)
      const shown = yield* cart.view(user)
      const confirmation = { fingerprint: shown.fingerprint, shownAt: new Date(0) }
      yield* cart.add(user, sub("Games/B"), 1) // the cart changed after the confirmation was shown
      const changed = yield* Effect.flip(checkout.checkout(user, key("c1"), confirmation))
      expect(changed).toMatchObject({ _tag: "CheckoutStale", reason: "changed" })
      expect((yield* (yield* Ledger).balance(user)).available.amount).toBe(10_000n)
      expect((yield* cart.view(user)).lines).toHaveLength(2)
      const again = yield* cart.view(user)
      yield* TestClock.adjust("11 minutes")
      expect(yield* Effect.flip(checkout.checkout(user, key("c2"), { fingerprint: again.fingerprint, shownAt: new Date(0) })))
        .toMatchObject({ _tag: "CheckoutStale", reason: "expired" })
      const fresh = yield* cart.view(user)
      const bought = yield* checkout.checkout(user, key("c3"), { fingerprint: fresh.fingerprint, shownAt: new Date(11 * 60_000) })
      expect(bought.buy.total).toEqual(usd(1_200n))
      // the same Confirm again, even late, shows the purchase it made and buys nothing
      yield* TestClock.adjust("1 hour")
      expect((yield* checkout.checkout(user, key("c3"), { fingerprint: fresh.fingerprint, shownAt: new Date(11 * 60_000) })).replayed).toBe(true)
    }).pipe(Effect.provide(shop())))
})
