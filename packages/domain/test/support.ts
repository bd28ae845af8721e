import * as Effect from "effect/Effect"
import {
  Catalog, idempotencyKey, money, operator, Payments, TelegramId, Users
} from "../src/index.js"
import { ShopMemory } from "../src/testing/memory.js"

export const ADMIN = TelegramId.make(999)
export const admin = { kind: "telegram", id: ADMIN } as const
export const cli = operator("test")
export const usd = (cents: bigint) => money(cents, "USD")

/** A fresh shop in memory, with one admin. */
export const shop = () => ShopMemory({ admins: new Set([ADMIN]) })

let n = 0
export const buyer = (id?: number) =>
  Effect.flatMap(Users, (users) =>
    users.register({ id: TelegramId.make(id ?? 1000 + ++n), username: `buyer${n}`, language: "en" })).pipe(Effect.map((u) => u.id))

/** Imports a TXT inventory and returns the subcategory ids by "Category/Subcategory". */
export const stock = (lines: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    const catalog = yield* Catalog
    yield* catalog.importFile(cli, "txt", lines.join("\n"))
    const ids = new Map<string, Parameters<typeof catalog.subcategory>[0]>()
    for (const c of (yield* catalog.categories({ offset: 0, limit: 100 })).items) {
      for (const s of (yield* catalog.subcategories(c.id, { offset: 0, limit: 100 })).items) ids.set(`${c.name}/${s.name}`, s.id)
    }
    return (name: string) => {
      const id = ids.get(name)
      if (id === undefined) throw new Error(`no subcategory ${name}`)
      return id
    }
  })

/** Credits a user as a confirmed processor payment of `cents` would. */
export const fund = (user: TelegramId, cents: bigint, tag = `${user}-${++n}`) =>
  Effect.flatMap(Payments, (p) =>
    p.credit({
      user,
      source: { kind: "processor", provider: "test", externalId: tag },
      amount: { units: cents * 10_000n, asset: "USDT_TRC20" },
      valuation: { fiat: usd(cents) }
    }))

export const key = (s: string) => idempotencyKey(s)
