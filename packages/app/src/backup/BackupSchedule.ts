/**
 * Scheduled backups of the SQLite database: every BACKUP_EVERY (e.g. 6h, 1d), a consistent copy is
 * written to BACKUP_DIR (default: a `backups` folder beside the database) as
 * `tokenshop-<UTC time>.db`, mode 0600, still encrypted when SQLCipher is on; the newest BACKUP_KEEP
 * (default 7) are kept and older ones deleted. One round is `tokenshop backup --scheduled` (for cron);
 * inside `tokenshop start` the rounds run as a cluster singleton, so several processes take one backup.
 * A round that is due (the newest backup is older than BACKUP_EVERY) runs at start.
 */
import { singleton } from "../runtime/RunningWork.js"
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { operator } from "@tokenshop/domain"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { CliFailure } from "../cli/Output.js"
import { databaseConfig } from "../Config.js"
import { writeBackup } from "./BackupFile.js"

export interface BackupSettings {
  readonly every: Option.Option<Duration.Duration>
  readonly keep: number
  readonly dir: string
}

const units: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/** "30m", "6h", "1d" (s, m, h, d; at least a minute unless given in seconds). */
export const parseEvery = (text: string): Either.Either<Duration.Duration, ConfigError.ConfigError> => {
  const m = /^\s*(\d{1,6})\s*([smhd])\s*$/.exec(text)
  const ms = m === null ? 0 : Number(m[1]) * units[m[2]!]! // milliseconds, not money
  return ms > 0
    ? Either.right(Duration.millis(ms))
    : Either.left(ConfigError.InvalidData(["BACKUP_EVERY"], `must be a number and a unit, like 6h or 1d (s, m, h, d), got "${text}"`))
}

export const backupConfig: Config.Config<BackupSettings> = Config.all({
  every: Config.option(Config.string("BACKUP_EVERY").pipe(Config.mapOrFail(parseEvery))),
  keep: Config.integer("BACKUP_KEEP").pipe(
    Config.withDefault(7),
    Config.mapOrFail((n) => n >= 1 && n <= 10_000 ? Either.right(n) : Either.left(ConfigError.InvalidData(["BACKUP_KEEP"], `must be from 1 to 10000, got ${n}`)))
  ),
  dir: Config.option(Config.string("BACKUP_DIR")),
  db: databaseConfig
}).pipe(Config.mapOrFail(({ db, dir, every, keep }) =>
  Option.isSome(every) && Option.isSome(db.url)
    ? Either.left(ConfigError.InvalidData(["BACKUP_EVERY"], "scheduled backups are for the SQLite file; back PostgreSQL up with pg_dump (docs/operations.md)"))
    : Either.right({ every, keep, dir: resolve(Option.getOrElse(dir, () => join(dirname(db.file), "backups"))) })))

const NAME = /^tokenshop-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(-\d{3})?Z\.db$/

/** The backups the schedule wrote, newest first. */
export const scheduledBackups = (dir: string): ReadonlyArray<string> => {
  try {
    return readdirSync(dir).filter((f) => NAME.test(f)).sort().reverse()
  } catch {
    return []
  }
}

/** One round: a new backup in the folder, then only the newest `keep` stay. Returns the new file and the deleted ones. */
export const backupRound = (settings: BackupSettings, at: Date) =>
  Effect.gen(function*() {
    yield* Effect.try({
      try: () => mkdirSync(settings.dir, { recursive: true, mode: 0o700 }),
      catch: (e) => new CliFailure(`cannot create the backup folder ${settings.dir}: ${e instanceof Error ? e.message : String(e)}`)
    })
    const stamp = at.toISOString().replace(/:/g, "-").replace(/\.(\d{3})Z$/, "-$1Z")
    const path = yield* writeBackup(join(settings.dir, `tokenshop-${stamp}.db`), operator("backup-schedule"))
    const removed = scheduledBackups(settings.dir).slice(settings.keep).map((f) => join(settings.dir, f))
    for (const old of removed) rmSync(old, { force: true })
    return { path, removed }
  })

/** How long until the next round: due now when there is no backup yet or the newest is older than `every`. */
const untilDue = (settings: BackupSettings, every: Duration.Duration) => {
  const [newest] = scheduledBackups(settings.dir)
  if (newest === undefined) return Duration.zero
  const age = Date.now() - statSync(join(settings.dir, newest)).mtimeMs // milliseconds, not money
  return Duration.millis(Math.max(0, Duration.toMillis(every) - age))
}

/** The schedule inside `tokenshop start`: nothing when BACKUP_EVERY is not set. */
export const BackupScheduleLive = Layer.unwrapEffect(Effect.map(backupConfig, (settings) =>
  Option.match(settings.every, {
    onNone: () => Layer.empty,
    onSome: (every) => {
      const round = Effect.suspend(() => backupRound(settings, new Date())).pipe(
        Effect.tap(({ path, removed }) => Effect.logInfo(`backup written to ${path}${removed.length > 0 ? `; ${removed.length} older removed` : ""}`)),
        Effect.catchAll((e) => Effect.logError(`scheduled backup failed: ${e.message}`)),
        Effect.catchAllDefect((d) => Effect.logError("scheduled backup failed", d))
      )
      const loop = Effect.suspend(() => Effect.sleep(untilDue(settings, every))).pipe(
        Effect.zipRight(Effect.forever(Effect.zipRight(round, Effect.sleep(every))))
      )
      return singleton("backups/schedule", loop)
    }
  })))
