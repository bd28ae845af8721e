import * as Effect from "effect/Effect"
import {
  Cart, Catalog, Checkout, crypto, formatMoney, idempotencyKey, money, operator, page, Payments, TelegramId, Users
} from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"

/** An owner stocks the shop, a buyer tops up, buys two keys and receives them. */
export const quickstart = Effect.gen(function*() {
  const owner = operator("quickstart")

  // The owner imports stock in the TXT format of the bot tokenshop replaces.
  yield* (yield* Catalog).importFile(owner, "txt", [
    "Games;Steam;Random Steam key;4.99;AAAA-BBBB-CCCC",
    "Games;Steam;Random Steam key;4.99;DDDD-EEEE-FFFF",
    "Games;Steam;Random Steam key;4.99;GGGG-HHHH-IIII"
  ].join("\n"))

  // A buyer appears (registration is idempotent) and tops up: a confirmed
  // payment is credited exactly once per source, however often it is reported.
  const buyer = (yield* (yield* Users).register({ id: TelegramId.make(42), username: "alice", language: "en" })).id
  const payments = yield* Payments
  const deposit = {
    user: buyer,
    source: { kind: "processor", provider: "example", externalId: "payment-1" },
    amount: crypto(10_000_000n, "USDT_TRC20"), // 10 USDT in base units
    valuation: { fiat: money(10_00n, "USD") } // worth 10.00 USD, as the processor quoted
  } as const
  yield* payments.credit(deposit)
  yield* payments.credit(deposit) // a duplicate callback: nothing happens

  // Browse, fill the cart and check out; the key makes a double tap harmless.
  const catalog = yield* Catalog
  const [games] = (yield* catalog.categories(page(0, 10))).items
  const [steam] = (yield* catalog.subcategories(games!.id, page(0, 10))).items
  yield* (yield* Cart).add(buyer, steam!.id, 2)
  const { balance, buy } = yield* (yield* Checkout).checkout(buyer, idempotencyKey("confirm", 1))

  return {
    delivered: buy.items.map((item) => item.privateData),
    paid: formatMoney(buy.total),
    left: formatMoney(balance.available),
    stock: (yield* catalog.subcategory(steam!.id)).stock
  }
})

/** Runs the quickstart on a fresh in-memory shop. */
export const runQuickstart = () => Effect.runPromise(quickstart.pipe(Effect.provide(ShopMemory())))
