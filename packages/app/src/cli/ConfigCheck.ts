/**
 * `tokenshop config check`: every setting read and checked at once (each group on its own, so one
 * mistake does not hide the next), then what the shop will run with, without a secret: the database
 * (file or URL, encrypted or not), the settings file, and which features are on.
 */
import { existsSync } from "node:fs"
import { resolve } from "node:path"
import { formatMoney, money, withdrawalGuard } from "@tokenshop/domain"
import * as ConfigError from "effect/ConfigError"
import * as Console from "effect/Console"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { backupConfig } from "../backup/BackupSchedule.js"
import { chainAssets, chainConfig } from "../ChainConfig.js"
import { databaseConfig, kryptoConfig, shopConfig, webhookPathConfig } from "../Config.js"
import { describeDatabase } from "../DatabaseCheck.js"
import { goodsKeySetup } from "../GoodsKeyFile.js"
import { watchdogConfig } from "../runtime/Watchdog.js"
import { telegramConfig } from "../Start.js"
import { CliFailure, configProblems } from "./Output.js"

const problemsOf = (e: unknown): ReadonlyArray<string> =>
  ConfigError.isConfigError(e) ? configProblems(e) : [e instanceof Error ? e.message : String(e)]

const settingsFile = (file: string) => {
  const path = resolve(file)
  return existsSync(path)
    ? `settings: the environment, then ${path} (a variable set in the environment wins)`
    : `settings: the environment only (no ${path})`
}

const hours = (d: Duration.Duration) => `${Duration.toHours(d)} h` // a duration, not money

export const configCheck = (envFile: string) =>
  Effect.gen(function*() {
    const [db, shop, telegram, path, krypto, chains, backups, watchdog] = yield* Effect.all([
      Effect.either(databaseConfig), Effect.either(shopConfig), Effect.either(telegramConfig), Effect.either(webhookPathConfig),
      Effect.either(kryptoConfig), Effect.either(chainConfig), Effect.either(backupConfig), Effect.either(watchdogConfig)
    ])
    const problems = [db, shop, telegram, path, krypto, chains, backups, watchdog].flatMap((r) => r._tag === "Left" ? problemsOf(r.left) : [])
    const lines: Array<string> = [settingsFile(envFile)]
    if (db._tag === "Right") {
      const d = db.right
      const exists = Option.isSome(d.url) || existsSync(resolve(d.file))
      lines.push(`database: ${describeDatabase(d)}${exists ? "" : " (does not exist yet: a new, empty shop would be created)"}`)
      const goods = goodsKeySetup(d, "read")
      if (goods._tag === "Left") problems.push(goods.left)
      lines.push(`delivered goods at rest: ${goods._tag === "Right" ? `encrypted, the key ${goods.right.source}` : "the goods key cannot be used (below)"}`)
    }
    if (shop._tag === "Right") {
      const s = shop.right
      const guard = withdrawalGuard(s)
      lines.push(`shop: currency ${s.currency}, ${s.admins.size} admin(s)${s.admins.size === 0 ? " (set ADMIN_IDS: nobody can open the admin menu)" : ""}`)
      const fiat = (minor: bigint) => formatMoney(money(minor, s.currency))
      const from = [
        guard.approvalAbove === null ? "" : `from ${fiat(guard.approvalAbove)} alone`,
        guard.approvalDaily === null ? "" : `from ${fiat(guard.approvalDaily)} withdrawn in 24 hours`
      ].filter((part) => part !== "")
      lines.push(`withdrawals: new addresses usable after ${hours(guard.addressDelay)}; ${
        from.length === 0 ? "no second admin's approval" : `a second admin approves ${from.join(", or ")}`
      }`)
    }
    if (telegram._tag === "Right") {
      const t = telegram.right
      const token = Option.map(t.token, (r) => Redacted.value(r).split(":")[0] ?? "")
      lines.push(`telegram: ${Option.isSome(token) ? `bot ${token.value} (token set)` : "BOT_TOKEN not set (npm run demo runs without one)"}, ${
        Option.isSome(t.webhookUrl) ? `webhook ${t.webhookUrl.value}${Option.isSome(t.webhookSecret) ? "" : " (WEBHOOK_SECRET missing)"}` : "polling"
      }`)
    }
    if (krypto._tag === "Right") {
      lines.push(`payment processor: ${Option.match(krypto.right, { onNone: () => "off", onSome: (k) => `KryptoExpress at ${k.apiUrl} (${k.assets?.join(", ") ?? "every asset it handles"})` })}`)
    }
    if (chains._tag === "Right") {
      const assets = chainAssets(chains.right)
      lines.push(`own deposit addresses: ${assets.length === 0 ? "off" : assets.join(", ")}${chains.right.solana.explicit ? " and SOL" : ""}`)
    }
    if (backups._tag === "Right") {
      const b = backups.right
      lines.push(`scheduled backups: ${Option.match(b.every, { onNone: () => "off (set BACKUP_EVERY, e.g. 1d)", onSome: (every) => `every ${Duration.format(every)} into ${b.dir}, keeping ${b.keep}` })}`)
    }
    if (path._tag === "Right" && path.right !== "") lines.push(`HTTP path prefix: ${path.right}`)
    if (watchdog._tag === "Right") {
      lines.push(`watchdog: ${watchdog.right === 0 ? "off" : `stops the process when its event loop stalls for ${watchdog.right} s`}`)
    }
    yield* Console.log(lines.join("\n"))
    if (problems.length > 0) {
      yield* Console.log(["", `${problems.length} problem(s):`, ...problems.map((p) => `  ${p}`)].join("\n"))
      return yield* Effect.fail(new CliFailure(`the configuration has ${problems.length} problem(s), listed above`, 2))
    }
    yield* Console.log("\nevery setting is valid")
  })
