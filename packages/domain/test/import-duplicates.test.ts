import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { Cart, Catalog, Checkout, describeProblem, fingerprint, type ImportRejected } from "../src/index.js"
import { buyer, cli, fund, key, shop, stock } from "./support.js"

const txt = (lines: ReadonlyArray<string>) => lines.join("\n")
const problems = (e: { readonly _tag: string }) => "problems" in e ? (e as ImportRejected).problems.map(describeProblem) : [e._tag]

describe("an import never puts a key on sale twice", () => {
  it.effect("refuses private data repeated in the file or already unsold in the shop, naming the lines; allowDuplicates overrides", () =>
    Effect.gen(function*() {
      const catalog = yield* Catalog
      const first = txt(["Games;Steam;k;5.00;KEY-1", "Games;Steam;k;5.00;KEY-2", "Games;Steam;k;5.00;KEY-1", "", "Games;Epic;k;5.00;KEY-2"])
      const repeated = yield* Effect.flip(catalog.importFile(cli, "txt", first))
      expect(repeated._tag).toBe("ImportRejected")
      expect(problems(repeated)).toEqual(["line 3: private_data: repeats line 1", "line 5: private_data: repeats line 2"])
      expect((repeated as ImportRejected).duplicates).toBe(true)
      expect((yield* catalog.categories({ offset: 0, limit: 10 })).total).toBe(0)

      expect((yield* catalog.importFile(cli, "txt", txt(["Games;Steam;k;5.00;KEY-1", "Games;Steam;k;5.00;KEY-2"]))).imported).toBe(2)
      // the same file again: both are unsold already
      const again = yield* Effect.flip(catalog.importText(cli, Stream.make("Games;Steam;k;5.00;KEY-1\nGames;Steam;k;5.00;KEY-3\n", "Games;Steam;k;5.00;KEY-2")))
      expect(problems(again)).toEqual(["line 1: private_data: already in stock, unsold", "line 3: private_data: already in stock, unsold"])
      const json = yield* Effect.flip(catalog.importFile(cli, "json", JSON.stringify([
        { category: "Games", subcategory: "Steam", price: "5.00", description: "k", private_data: "KEY-9" },
        { category: "Games", subcategory: "Steam", price: "5.00", description: "k", private_data: "KEY-2" }
      ])))
      expect(problems(json)).toEqual(["index 1: private_data: already in stock, unsold"])
      expect((yield* catalog.subcategory((yield* catalog.categories({ offset: 0, limit: 1 })).items[0]!.id as never)).stock).toBe(2)

      const allowed = yield* catalog.importFile(cli, "txt", first, { allowDuplicates: true })
      expect(allowed.imported).toBe(4)
    }).pipe(Effect.provide(shop())))

  it.effect("a sold key may be imported again (it is no longer in stock)", () =>
    Effect.gen(function*() {
      const catalog = yield* Catalog
      const sub = yield* stock(["Games;Steam;k;5.00;ONLY-1"])
      const user = yield* buyer()
      yield* fund(user, 500n)
      yield* (yield* Cart).add(user, sub("Games/Steam"), 1)
      yield* (yield* Checkout).checkout(user, key("checkout-1"))
      expect(problems(yield* Effect.flip(catalog.importFile(cli, "txt", "Games;Steam;k;5.00;OTHER\nGames;Steam;k;5.00;OTHER")))).toEqual(["line 2: private_data: repeats line 1"])
      expect((yield* catalog.importFile(cli, "txt", "Games;Steam;k;5.00;ONLY-1")).imported).toBe(1)
    }).pipe(Effect.provide(shop())))

  it("fingerprints are 53-bit integers, different for near texts", () => {
    const seen = new Set<number>()
    for (let i = 0; i < 20_000; i++) {
      const f = fingerprint(`KEY-${i}`)
      expect(Number.isSafeInteger(f) && f >= 0).toBe(true)
      seen.add(f)
    }
    expect(seen.size).toBe(20_000)
    expect(fingerprint("ab")).not.toBe(fingerprint("ba"))
  })
})
