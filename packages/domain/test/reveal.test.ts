import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { Audits, Buys, Cart, Checkout, idempotencyKey, TelegramId } from "../src/index.js"
import { admin, buyer, cli, fund, shop, stock } from "./support.js"

describe("admins and a buyer's delivered goods", () => {
  it.effect("an admin sees names and prices; the goods only through reveal, which is sealed into the money log first", () =>
    Effect.gen(function*() {
      const sub = yield* stock(["Games;Steam;k;5;KEY-SECRET-A"])
      const user = yield* buyer()
      yield* fund(user, 500n)
      yield* (yield* Cart).add(user, sub("Games/Steam"), 1)
      const { buy } = yield* (yield* Checkout).checkout(user, idempotencyKey("reveal", 1))
      const buys = yield* Buys
      const audits = yield* Audits
      const before = yield* audits.verify(cli)

      const sealed = yield* buys.get(admin, buy.id)
      expect(JSON.stringify(sealed, (_, v) => typeof v === "bigint" ? `${v}` : v)).not.toContain("KEY-SECRET-A")
      expect(sealed.items[0]).toMatchObject({ categoryName: "Games", subcategoryName: "Steam" })
      expect((yield* audits.verify(cli)).sealed).toBe(before.sealed) // looking at names logs nothing

      const stranger = { kind: "telegram", id: TelegramId.make(4242) } as const
      expect((yield* Effect.flip(buys.reveal(stranger, buy.id)))._tag).toBe("NotAdmin")
      expect((yield* buys.reveal(admin, buy.id)).items[0]!.privateData).toBe("KEY-SECRET-A")
      const after = yield* audits.verify(cli)
      expect(after.sealed).toBe(before.sealed + 1)
      expect(after.problems).toEqual([])
      expect((yield* buys.mine(user, buy.id)).items[0]!.privateData).toBe("KEY-SECRET-A") // the buyer's own: not logged
      expect((yield* audits.verify(cli)).sealed).toBe(after.sealed)
    }).pipe(Effect.provide(shop())))
})
