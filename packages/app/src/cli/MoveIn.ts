/**
 * `tokenshop migrate-from aiogramshopbot SOURCE [--apply] [--key-env NAME]`: moves a shop in from
 * AiogramShopBot's database (an SQLite file, SQLCipher-encrypted with the key in the environment
 * variable NAME, or a postgres:// URL). Without --apply it only reports, reading the shop's database
 * without creating or changing it (ReadOnlyShop); with it, everything is written in one transaction, or
 * nothing. A second run finds everything moved in and writes nothing. Either way the report names what
 * is not carried over: the source's other tables, values of its own, and physical units left out of stock.
 */
import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import { minorText, moveInFromAiogramShopBot, type MoveInReport } from "@tokenshop/adapters-sql"
import { checkShopCurrency, now, ShopConfig } from "@tokenshop/domain"
import * as Config from "effect/Config"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import { databaseConfig } from "../Config.js"
import { configuredGoodsKeys } from "../GoodsKeyFile.js"
import { CliShop, ReadOnlyShop } from "../Shop.js"
import { CliFailure, reportFailures } from "./Output.js"

const keyFrom = (name: Option.Option<string>) =>
  Option.match(name, {
    onNone: () => Effect.succeed<Redacted.Redacted<string> | undefined>(undefined),
    onSome: (n) =>
      /^[A-Za-z_][A-Za-z0-9_]*$/.test(n)
        ? Config.redacted(n).pipe(Effect.mapError(() => new CliFailure(`--key-env ${n}: the environment variable ${n} is not set`, 2)))
        : Effect.fail(new CliFailure(`--key-env takes the name of an environment variable, not "${n}"`, 2))
  })

/** What the source holds that is not carried over: each table not read, each value left behind. */
const notCarried = (r: MoveInReport): ReadonlyArray<string> => {
  const { tables, values } = r.notCarried
  if (tables.length + values.length === 0) return []
  return [
    `not carried over (tokenshop has no place for them yet): ${tables.length} table(s), ${values.length} column(s)`,
    ...tables.map((t) => `  table ${t.table}: ${t.rows} row(s)`),
    ...values.map((v) => `  column ${v.table}.${v.column}: ${v.rows} row(s) with a value`)
  ]
}

/** The report, for a person: counts, the conversion rule, every changed value, every mismatch, what is left behind. */
export const formatReport = (r: MoveInReport): ReadonlyArray<string> => {
  const m = (minor: bigint) => `${minorText(minor, r.digits)} ${r.currency}`
  if (r.nothingToDo) return [`moving in from AiogramShopBot: ${r.source} (${r.era})`, "nothing to do, already moved in", ...notCarried(r)]
  const physical = r.items.physical === 0 ? "" : `; ${r.items.physical} physical, left out of stock (not for sale: tokenshop delivers digital goods only)`
  return [
    `moving in from AiogramShopBot: ${r.source} (${r.era})`,
    `amounts in ${r.currency}: ${r.rule} (${r.digits} decimal(s))`,
    `users: ${r.users.count} (${r.users.banned} banned; ${r.users.alreadyInShop} already in the shop: profile kept, balance added)`,
    `balances: top-up ${m(r.balances.topUp)}, consumed ${m(r.balances.consumed)}, available ${m(r.balances.available)}`,
    `categories: ${r.categories}, subcategories: ${r.subcategories}`,
    `items: ${r.items.sold + r.items.unsold + r.items.physical} (${r.items.sold} sold, never sellable again; ${r.items.unsold} unsold, in stock${physical}); ` +
    `${r.items.pricesChanged} price(s) changed by the conversion`,
    `purchases: ${r.purchases.count} (${r.purchases.refunded} refunded), ${r.purchases.items} item(s); ` +
    "no ledger entries of their own: consume_records already counts them",
    `deposits: ${r.deposits}, payments: ${r.payments} (history)`,
    `changed by the conversion: ${r.changed.length} value(s)`,
    ...r.changed.map((c) => `  user ${c.user} ${c.column} ${c.stored} -> ${m(c.minor)}`),
    `consume_records differing from the sum of purchases: ${r.mismatches.length} user(s) (reported, not fixed)`,
    ...r.mismatches.map((x) =>
      `  user ${x.user}: consume_records ${m(x.consumeRecords)}, purchases ${m(x.purchases)} (difference ${m(x.consumeRecords - x.purchases)})`),
    ...(r.skipped.length === 0 ? [] : [`left out: ${r.skipped.length}`, ...r.skipped.map((s) => `  ${s}`)]),
    ...notCarried(r),
    r.applied ? "written" : "nothing written (run again with --apply)"
  ]
}

const moveIn = (source: string, apply: boolean, keyEnv: Option.Option<string>) =>
  Effect.gen(function*() {
    const key = yield* keyFrom(keyEnv)
    const { currency } = yield* ShopConfig
    // The shop's storage is open: a key file it was to make exists now.
    const goodsKeys = yield* Effect.flatMap(databaseConfig, configuredGoodsKeys)
    const report = yield* moveInFromAiogramShopBot({ source, key, apply, currency, goodsKeys, now: yield* now })
    yield* Console.log(formatReport(report).join("\n"))
  })

const aiogramshopbot = Command.make("aiogramshopbot", {
  source: Args.text({ name: "SOURCE" }).pipe(Args.withDescription("its SQLite file (plain or SQLCipher) or the postgres:// URL of its database")),
  apply: Options.boolean("apply").pipe(Options.withDescription("write (in one transaction); without it, only report what would be written")),
  keyEnv: Options.text("key-env").pipe(
    Options.optional,
    Options.withDescription("the environment variable holding the SQLCipher key of an encrypted SOURCE, e.g. SOURCE_DB_KEY")
  )
}, ({ apply, keyEnv, source }) =>
  reportFailures(
    apply
      ? Effect.provide(Effect.zipRight(checkShopCurrency, moveIn(source, true, keyEnv)), CliShop)
      : Effect.provide(Effect.zipRight(checkShopCurrency, moveIn(source, false, keyEnv)), ReadOnlyShop)
  )).pipe(
  Command.withDescription(
    "Move users, balances, catalog, purchases, deposits and payments in from AiogramShopBot. Its float amounts are converted once each " +
    "(shortest decimal, rounded half up to the currency's minor unit). Physical items are moved in out of stock, and the report names " +
    "every table and value not carried over. Without --apply nothing is created or written. Running it again changes nothing."
  )
)

export const migrateFromCommand = Command.make("migrate-from").pipe(
  Command.withDescription("Move a shop in from another bot's database."),
  Command.withSubcommands([aiogramshopbot])
)
