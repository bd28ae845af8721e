/**
 * `npm run demo`: a scripted shop session on the in-memory adapters, printed as a transcript.
 * Needs no token, no database and no network.
 */
import * as Effect from "effect/Effect"
import {
  Cart, Catalog, Checkout, crypto, formatMoney, idempotencyKey, Ledger, money, operator, page, Payments, Refunds,
  TelegramId, Users
} from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"

const say = (who: string, text: string) => Effect.sync(() => console.log(`${who.padEnd(7)} ${text}`))

const session = Effect.gen(function*() {
  const owner = operator("demo")
  const catalog = yield* Catalog
  const report = yield* catalog.importFile(owner, "txt", [
    "Games;Steam;Random Steam key;4.99;STEAM-AAAA-BBBB",
    "Games;Steam;Random Steam key;4.99;STEAM-CCCC-DDDD",
    "Games;Steam;Random Steam key;4.99;STEAM-EEEE-FFFF",
    "Software;Office;Office licence;19.90;OFFICE-1111-2222"
  ].join("\n"))
  yield* say("owner", `imports ${report.imported} items: ${report.lines.map((l) => `${l.category}/${l.subcategory} x${l.count}`).join(", ")}`)

  const alice = (yield* (yield* Users).register({ id: TelegramId.make(1001), username: "alice", language: "en" })).id
  yield* say("alice", "/start -> registered")
  const categories = (yield* catalog.categories(page(0, 10))).items
  yield* say("alice", `browses: ${categories.map((c) => `${c.name} (${c.stock} in stock)`).join(", ")}`)
  const steam = (yield* catalog.subcategories(categories[0]!.id, page(0, 10))).items[0]!
  const cart = yield* (yield* Cart).add(alice, steam.id, 2)
  yield* say("alice", `adds 2 x ${steam.categoryName}/${steam.name} to the cart: total ${formatMoney(cart.total)}`)

  const checkout = yield* Checkout
  const refused = yield* Effect.flip(checkout.checkout(alice, idempotencyKey("demo", 1)))
  yield* say("alice", `checks out -> refused: ${refused.message}${refused._tag === "InsufficientFunds" ? ` (needs ${formatMoney(refused.needed)}, has ${formatMoney(refused.available)})` : ""}`)

  const payments = yield* Payments
  const deposit = {
    user: alice,
    source: { kind: "processor", provider: "demo", externalId: "payment-1" },
    amount: crypto(10_000_000n, "USDT_TRC20"),
    valuation: { fiat: money(10_00n, "USD") }
  } as const
  const credited = yield* payments.credit(deposit)
  yield* say("system", `deposit of 10 USDT credited: balance ${formatMoney(credited.balance.available)}`)
  const again = yield* payments.credit(deposit)
  yield* say("system", `the same deposit reported again -> ${again.replayed ? "ignored" : "CREDITED TWICE"}`)

  const { balance, buy } = yield* checkout.checkout(alice, idempotencyKey("demo", 2))
  yield* say("alice", `checks out -> purchase #${buy.id} for ${formatMoney(buy.total)}, balance ${formatMoney(balance.available)}`)
  yield* say("bot", `delivers: ${buy.items.map((i) => i.privateData).join(", ")}`)
  const tap = yield* checkout.checkout(alice, idempotencyKey("demo", 2))
  yield* say("alice", `taps Confirm again -> ${tap.replayed ? "already delivered, nothing charged" : "CHARGED TWICE"}`)

  const refund = yield* (yield* Refunds).refund(owner, buy.id)
  yield* say("owner", `refunds #${buy.id} -> alice's balance ${formatMoney(refund.balance.available)}`)
  const second = yield* Effect.flip((yield* Refunds).refund(owner, buy.id))
  yield* say("owner", `refunds #${buy.id} again -> refused: ${second.message}`)
  const final = yield* (yield* Ledger).balance(alice)
  yield* say("system", `alice: top-up ${formatMoney(final.topUp)}, consumed ${formatMoney(final.consumed)}, available ${formatMoney(final.available)}`)
})

console.log("tokenshop demo: a scripted session on the in-memory shop\n")
Effect.runPromise(session.pipe(Effect.provide(ShopMemory()))).then(
  () => console.log("\ndemo finished"),
  (error: unknown) => {
    console.error("demo failed:", error)
    process.exitCode = 1
  }
)
