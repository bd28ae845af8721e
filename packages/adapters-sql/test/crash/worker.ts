/**
 * A shop process that works until it is killed: deposits, checkouts and refunds against one
 * SQLite file, printing each one on stdout only after it has committed.
 * Usage: vite-node test/crash/worker.ts -- FILE SEED
 */
import { type BuyId, Cart, Catalog, Checkout, idempotencyKey, money, operator, page, Payments, Refunds, TelegramId } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { SqliteStorage } from "../../src/index.js"

const [file, seedText] = process.argv.slice(-2)
let seed = Number.parseInt(seedText ?? "1", 10)
const random = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n
}
const say = (line: string) => Effect.sync(() => process.stdout.write(`${line}\n`))

const work = Effect.gen(function*() {
  const catalog = yield* Catalog
  const [category] = (yield* catalog.categories(page(0, 1))).items
  const subs = (yield* catalog.subcategories(category!.id, page(0, 10))).items.map((s) => s.id)
  const bought: Array<BuyId> = []
  yield* say("READY")
  for (let step = 0; ; step++) {
    const user = TelegramId.make(1 + random(20))
    const op = random(10)
    if (op < 3) {
      const source = `${seedText}-${step}`
      yield* (yield* Payments).credit({
        user,
        source: { kind: "processor", provider: "crash", externalId: source },
        amount: { units: BigInt(1 + random(5_000)) * 10_000n, asset: "USDT_TRC20" },
        valuation: { fiat: money(BigInt(1 + random(5_000)), "USD") }
      })
      yield* say(`DEP ${source}`)
    } else if (op < 9) {
      const added = yield* Effect.either((yield* Cart).add(user, subs[random(subs.length)]!, 1 + random(2)))
      if (added._tag === "Left") continue
      const result = yield* Effect.either((yield* Checkout).checkout(user, idempotencyKey("crash", seedText ?? "", step)))
      if (result._tag === "Right") {
        bought.push(result.right.buy.id)
        yield* say(`BUY ${result.right.buy.id} ${result.right.buy.total.amount}`)
      } else {
        yield* (yield* Cart).clear(user)
      }
    } else if (bought.length > 0) {
      const id = bought[random(bought.length)]!
      const refunded = yield* Effect.either((yield* Refunds).refund(operator("crash"), id))
      if (refunded._tag === "Right") yield* say(`REF ${id}`)
    }
  }
})

Effect.runPromise(work.pipe(Effect.provide(ShopMemory({}, { storage: SqliteStorage({ filename: file!, encryptionKey: process.env["CRASH_KEY"] === undefined ? undefined : Redacted.make(process.env["CRASH_KEY"]) }) }))))
  .catch((e: unknown) => {
    console.error(e)
    process.exit(1)
  })
