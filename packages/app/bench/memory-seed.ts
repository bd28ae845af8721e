/** Registers and funds USERS buyers in an existing database (a child process of the memory benchmark). */
import { SqliteStorage } from "@tokenshop/adapters-sql"
import { idempotencyKey, Ledger, money, operator, TelegramId, Transactor, Users } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Layer from "effect/Layer"
import { LogNotifier, PaymentsNotConfigured } from "../src/Services.js"
import { benchGoodsKeys } from "./child.js"
import * as Effect from "effect/Effect"

const [file, usersText] = process.argv.slice(2)
const seed = Effect.gen(function*() {
  const users = yield* Users
  const ledger = yield* Ledger
  const tx = yield* Transactor
  const total = Number(usersText)
  for (let first = 1; first <= total; first += 1000) {
    yield* tx.withTransaction(Effect.gen(function*() {
      for (let u = first; u < Math.min(total + 1, first + 1000); u++) {
        yield* users.register({ id: TelegramId.make(u), username: `user${u}`, language: "en" })
        yield* ledger.adjust(operator("bench"), {
          user: TelegramId.make(u),
          direction: "credit",
          amount: money(1_000_000n, "USD"),
          reason: "bench",
          key: idempotencyKey("bench", u)
        })
      }
    }))
  }
})
Effect.runPromise(seed.pipe(Effect.provide(ShopMemory({}, { services: Layer.merge(LogNotifier, PaymentsNotConfigured), storage: SqliteStorage({ filename: file!, goodsKeys: benchGoodsKeys }) })))).catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
