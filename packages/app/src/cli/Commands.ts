import { createHash, randomUUID } from "node:crypto"
import * as SqlClient from "@effect/sql/SqlClient"
import {
  BuyId, Buys, Catalog, GoodsKeys, formatCrypto, formatMoney, idempotencyKey, lastDays, Ledger, now, operator, page, parseMoney, Refunds,
  ShopConfig, Statistics, SubcategoryId, TelegramId, Users
} from "@tokenshop/domain"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { writeBackup } from "../backup/BackupFile.js"
import { backupConfig, backupRound } from "../backup/BackupSchedule.js"
import { databaseConfig } from "../Config.js"
import { configuredGoodsKeys } from "../GoodsKeyFile.js"
import { CliFailure } from "./Output.js"

const cli = operator("cli")

export const telegramId = (text: string) =>
  /^\d{1,16}$/.test(text) && Number.isSafeInteger(Number(text)) && Number(text) > 0
    ? Effect.succeed(TelegramId.make(Number(text)))
    : Effect.fail(new CliFailure(`"${text}" is not a Telegram user id`))

const balanceLine = (b: { topUp: Parameters<typeof formatMoney>[0]; consumed: Parameters<typeof formatMoney>[0]; available: Parameters<typeof formatMoney>[0] }) =>
  `top-up ${formatMoney(b.topUp)}, consumed ${formatMoney(b.consumed)}, available ${formatMoney(b.available)}`

export const migrate = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const engine = sql.onDialectOrElse({ pg: () => "PostgreSQL", orElse: () => "SQLite" })
  const db = yield* databaseConfig
  yield* Console.log(`database is up to date (${engine}${Option.isNone(db.url) ? `, ${db.file}` : ""})`)
})

/**
 * An admin's audited credit or debit. Without `--key` the key is the command itself on this UTC day
 * (direction, user, amount, reason), so running it again after a timeout changes nothing; a second,
 * identical adjustment on the same day takes `--repeat` (or its own `--key`). The key used is printed.
 */
export const adjust = (
  direction: "credit" | "debit",
  id: string,
  amount: string,
  reason: string,
  key: Option.Option<string>,
  repeat: boolean,
  create = false
) =>
  Effect.gen(function*() {
    const user = yield* telegramId(id)
    yield* known(user, direction === "credit" && create)
    const { currency } = yield* ShopConfig
    const value = yield* parseMoney(amount, currency)
    const day = (yield* now).toISOString().slice(0, 10)
    const digest = createHash("sha256").update(reason.trim()).digest("hex").slice(0, 16)
    const used = Option.getOrElse(key, () => repeat ? `repeat-${randomUUID()}` : `${day}-${direction}-${user}-${value.amount}-${digest}`)
    const { balance, replayed } = yield* (yield* Ledger).adjust(cli, { user, direction, amount: value, reason, key: idempotencyKey("cli", used) }).pipe(
      Effect.catchTag("InsufficientFunds", (e) =>
        Effect.fail(new CliFailure(`insufficient funds: user ${user} has ${formatMoney(e.available)} available, ${formatMoney(e.needed)} asked`)))
    )
    const what = direction === "credit" ? `credited ${formatMoney(value)} to user ${user}` : `debited ${formatMoney(value)} from user ${user}`
    if (replayed) {
      yield* Console.log(`already done, nothing changed: ${what} earlier with key ${used}: ${balanceLine(balance)}`)
      if (Option.isNone(key)) yield* Console.log(`to make another ${direction} of the same amount today, add --repeat`)
      return
    }
    yield* Console.log(`${what}: ${balanceLine(balance)}`)
    yield* Console.log(`key ${used}${Option.isNone(key) && !repeat ? " (running the same command again today changes nothing)" : ""}`)
  })

/** A user who never opened the bot has no account: say so, or (with `create`) register them by id now. */
const known = (user: TelegramId, create: boolean) =>
  Effect.gen(function*() {
    const users = yield* Users
    const found = yield* Effect.option(users.get(user))
    if (Option.isSome(found)) return found.value
    if (!create) {
      return yield* Effect.fail(new CliFailure(
        `user ${user} has never opened the bot: they must press /start first (or add --create to a credit to register them by their Telegram id now)`
      ))
    }
    const registered = yield* users.register({ id: user, username: null, language: null })
    yield* Console.log(`registered user ${user} (they have not opened the bot yet; their name shows once they do)`)
    return registered
  })

export const showUser = (id: string) =>
  Effect.gen(function*() {
    const user = yield* known(yield* telegramId(id), false)
    const balance = yield* (yield* Ledger).balance(user.id)
    const buys = yield* (yield* Buys).ofUser(cli, user.id, page(0, 10))
    yield* Console.log([
      `user ${user.id}${user.username === null ? "" : ` (@${user.username})`}${user.banned ? " BANNED" : ""}`,
      `  registered ${user.registeredAt.toISOString()}, language ${user.language ?? "-"}`,
      `  balance: ${balanceLine(balance)}`,
      `  purchases: ${buys.total}${buys.total > 0 ? " (newest first)" : ""}`,
      ...buys.items.map((b) =>
        `    #${b.id} ${b.createdAt.toISOString()} ${b.quantity} item(s) ${formatMoney(b.total)}${b.refundedAt === null ? "" : " refunded"}`)
    ].join("\n"))
  })

/** Re-seals every stored good under the current goods key (GOODS_ENCRYPTION_KEY or the key file), a batch at a time, while the shop may run. */
export const rotateKeys = Effect.gen(function*() {
  const keys = yield* Effect.flatMap(databaseConfig, configuredGoodsKeys)
  if (keys === undefined) return yield* Effect.fail(new CliFailure("there is no goods key to seal the goods with (GOODS_ENCRYPTION_KEY or the key file)", 2))
  const done = yield* (yield* GoodsKeys).rotate(cli, (n) => Console.log(`  ${n} re-sealed so far`))
  yield* Console.log(`every good is sealed under the current key (${done} re-sealed); keep GOODS_ENCRYPTION_KEYS_OLD for as long as the money log sealed under those keys should be checked (tokenshop audit verify), and for restoring older backups`)
})

export const setPrice = (id: string, price: string) =>
  Effect.gen(function*() {
    if (!/^\d{1,15}$/.test(id) || Number(id) <= 0) return yield* Effect.fail(new CliFailure(`"${id}" is not a subcategory id`))
    const { currency } = yield* ShopConfig
    const value = yield* parseMoney(price, currency)
    const changed = yield* (yield* Catalog).setPrice(cli, SubcategoryId.make(Number(id)), value)
    yield* Console.log(`subcategory ${id}: ${changed} unsold item(s) now cost ${formatMoney(value)}`)
  })

export const refund = (id: string) =>
  Effect.gen(function*() {
    if (!/^\d{1,15}$/.test(id) || Number(id) <= 0) return yield* Effect.fail(new CliFailure(`"${id}" is not a purchase id`))
    const { balance, buy } = yield* (yield* Refunds).refund(cli, BuyId.make(Number(id)))
    yield* Console.log(`refunded purchase #${buy.id} (${formatMoney(buy.total)}) to user ${buy.user}: ${balanceLine(balance)}`)
  })

export const stats = (days: number) =>
  Effect.gen(function*() {
    if (!Number.isInteger(days) || days < 1 || days > 3650) return yield* Effect.fail(new CliFailure("--days must be from 1 to 3650"))
    const s = yield* (yield* Statistics).summary(cli, lastDays(days, yield* now))
    yield* Console.log([
      `last ${days} day(s), ${s.window.from.toISOString()} to now:`,
      `  sales: ${s.sales.count} purchase(s), ${s.sales.items} item(s), ${formatMoney(s.sales.total)}`,
      `  refunds: ${s.sales.refundedCount}, ${formatMoney(s.sales.refundedTotal)}`,
      `  deposits: ${s.deposits.count}, ${formatMoney(s.deposits.total)}${s.deposits.byAsset.length > 0 ? ` (${s.deposits.byAsset.map(formatCrypto).join(", ")})` : ""}`,
      `  new users: ${s.newUsers}`
    ].join("\n"))
  })

/** A consistent copy of the database while the shop runs, in a new file, or one scheduled round (see backup/). */
export const backup = (out: Option.Option<string>, scheduled: boolean) =>
  Effect.gen(function*() {
    if (scheduled === Option.isSome(out)) return yield* Effect.fail(new CliFailure("give either OUT_FILE or --scheduled"))
    if (Option.isSome(out)) return yield* Console.log(`backed up to ${yield* writeBackup(out.value)}`)
    const settings = yield* backupConfig
    const { path, removed } = yield* backupRound(settings, yield* now)
    yield* Console.log(`backed up to ${path}${removed.length > 0 ? `; removed ${removed.length} older (BACKUP_KEEP=${settings.keep}): ${removed.join(", ")}` : ""}`)
  })
