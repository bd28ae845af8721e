/**
 * Moving in from AiogramShopBot (`tokenshop migrate-from aiogramshopbot SOURCE`): reads its database
 * (either era, see AnchorSchema), plans what to carry over (MovePlan), and either only reports it or
 * writes it all in one transaction (MoveInWriter). Its float amounts are converted once each by the
 * rule in FloatMoney. Running it again finds everything moved in already and writes nothing.
 * The report names what is left behind: the source's tables and values it does not carry (Uncarried),
 * and the physical units moved in out of stock (MoveInWriter).
 *
 * A dry run only reads the shop over the SqlClient it is given: give it a read-only one (SqlReadView),
 * so that it creates and changes nothing.
 */
import * as SqlClient from "@effect/sql/SqlClient"
import { digitsOf, type FiatCurrency } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import { GoodsCipher, GoodsCipherLive, type GoodsKeys } from "../GoodsCipher.js"
import { makeTransaction } from "../internal/transaction.js"
import { readAnchor } from "./AnchorReader.js"
import { type AnchorData, MoveInFailed, type Uncarried } from "./AnchorSchema.js"
import { describeSource, openAnchorSource } from "./AnchorSource.js"
import { CONVERSION_RULE } from "./FloatMoney.js"
import { isEmpty, makePlan, type Plan } from "./MovePlan.js"
import { readShopState, writePlan } from "./MoveInWriter.js"

export interface MoveInOptions {
  /** An SQLite file (plain or SQLCipher) or a postgres:// URL. */
  readonly source: string
  /** The SQLCipher key of an encrypted SQLite source. */
  readonly key?: Redacted.Redacted<string> | undefined
  /** Writes when true; only reports otherwise. */
  readonly apply: boolean
  /** The shop's currency: the source's amounts are taken to be in it. */
  readonly currency: FiatCurrency
  /** The shop's goods keys: moved-in goods are sealed as the shop seals its own. */
  readonly goodsKeys?: GoodsKeys | undefined
  readonly now: Date
}

export interface ChangedValue {
  readonly user: number
  readonly column: "top_up_amount" | "consume_records"
  /** The float's shortest decimal text. */
  readonly stored: string
  readonly minor: bigint
}

export interface MoveInReport {
  readonly source: string
  readonly era: string
  readonly currency: FiatCurrency
  readonly digits: number
  readonly rule: string
  /** Written (true), or only planned. */
  readonly applied: boolean
  /** Everything was moved in by an earlier run. */
  readonly nothingToDo: boolean
  readonly users: { readonly count: number; readonly alreadyInShop: number; readonly banned: number }
  /** Sums over the users to move in, in minor units. */
  readonly balances: { readonly topUp: bigint; readonly consumed: bigint; readonly available: bigint }
  readonly categories: number
  readonly subcategories: number
  /** `physical`: unsold physical units, moved in out of stock and not for sale. */
  readonly items: { readonly sold: number; readonly unsold: number; readonly physical: number; readonly pricesChanged: number }
  readonly purchases: { readonly count: number; readonly refunded: number; readonly items: number }
  readonly deposits: number
  readonly payments: number
  /** Every user whose balance column changed in the conversion. */
  readonly changed: ReadonlyArray<ChangedValue>
  readonly mismatches: Plan["mismatches"]
  readonly skipped: ReadonlyArray<string>
  /** What the source holds that no run of this move-in carries over (the same on every run). */
  readonly notCarried: Uncarried
}

const report = (options: MoveInOptions, data: AnchorData, plan: Plan, applied: boolean): MoveInReport => {
  const sum = (f: (u: Plan["users"][number]) => bigint) => plan.users.reduce((n, u) => n + f(u), 0n)
  const topUp = sum((u) => u.topUpMinor.minor), consumed = sum((u) => u.consumedMinor.minor)
  return {
    source: describeSource(options.source),
    era: data.era,
    currency: options.currency,
    digits: digitsOf(options.currency),
    rule: CONVERSION_RULE,
    applied,
    nothingToDo: isEmpty(plan),
    users: { count: plan.users.length, alreadyInShop: plan.users.filter((u) => u.exists).length, banned: plan.users.filter((u) => u.banned).length },
    balances: { topUp, consumed, available: topUp - consumed },
    categories: plan.categories.length,
    subcategories: plan.subcategories.length,
    items: {
      sold: plan.items.filter((i) => i.sellAs === "sold").length,
      unsold: plan.items.filter((i) => i.sellAs === "unsold").length,
      physical: plan.items.filter((i) => i.sellAs === "withheld").length,
      pricesChanged: plan.items.filter((i) => i.priceMinor.changed).length
    },
    purchases: { count: plan.buys.length, refunded: plan.buys.filter((b) => b.refunded).length, items: plan.buys.reduce((n, b) => n + b.itemIds.length, 0) },
    deposits: plan.deposits.length,
    payments: plan.payments.length,
    changed: plan.users.flatMap((u) => [
      ...(u.topUpMinor.changed ? [{ user: u.telegramId, column: "top_up_amount" as const, stored: u.topUpMinor.text, minor: u.topUpMinor.minor }] : []),
      ...(u.consumedMinor.changed ? [{ user: u.telegramId, column: "consume_records" as const, stored: u.consumedMinor.text, minor: u.consumedMinor.minor }] : [])
    ]),
    mismatches: plan.mismatches,
    skipped: plan.skipped,
    notCarried: data.uncarried
  }
}

/** Runs a move-in into the shop over the SqlClient in context (the shop's storage). */
export const moveInFromAiogramShopBot = (options: MoveInOptions): Effect.Effect<MoveInReport, MoveInFailed, SqlClient.SqlClient> =>
  Effect.scoped(Effect.gen(function*() {
    const shop = yield* SqlClient.SqlClient
    const source = yield* openAnchorSource(options.source, options.key)
    const data = yield* readAnchor(source).pipe(
      Effect.catchTag("SqlError", (e) => Effect.fail(new MoveInFailed({ reason: "invalid", message: `cannot read ${describeSource(options.source)}: ${e.message}` })))
    )
    const digits = digitsOf(options.currency)
    const telegramIds = data.users.map((u) => u.telegramId)
    if (!options.apply) {
      const state = yield* Effect.orDie(readShopState(shop, telegramIds))
      return report(options, data, makePlan(data, state, digits), false)
    }
    const goods = yield* Effect.provide(GoodsCipher, GoodsCipherLive(options.goodsKeys)).pipe(Effect.orDie)
    return yield* makeTransaction(shop)(Effect.gen(function*() {
      const state = yield* readShopState(shop, telegramIds)
      const plan = makePlan(data, state, digits)
      if (!isEmpty(plan)) yield* writePlan(shop, goods, plan, state, options.currency, options.now)
      return report(options, data, plan, !isEmpty(plan))
    }).pipe(Effect.orDie))
  }))
