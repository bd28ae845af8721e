/**
 * `tokenshop restore FILE`: puts a backup back as the shop's SQLite database.
 *
 * 1. Refuses while a shop runs on the database (its `<file>.pid` names a live process).
 * 2. Checks the backup: no `-wal` file beside it (a copy taken by copying files, with commits still
 *    in its write-ahead log), it opens with DB_ENCRYPTION_KEY (or without, when that is unset), it
 *    passes SQLite's integrity check, and it holds a tokenshop schema.
 * 3. Moves the current database aside with its `-wal` and `-shm` files (its write-ahead log, which may
 *    hold its latest commits, and the log's index: they belong to it and must never be paired with
 *    another file), as `<file>.replaced-<time>`, and copies the backup in place (0600).
 * The next command or `start` brings an older backup's schema up to date.
 */
import { chmodSync, copyFileSync, existsSync, renameSync } from "node:fs"
import { resolve } from "node:path"
import { checkSqliteFile } from "@tokenshop/adapters-sql"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { CliFailure } from "../cli/Output.js"
import { databaseConfig } from "../Config.js"
import { describeDatabase } from "../DatabaseCheck.js"
import { runningShop } from "./RunningMarker.js"

const companions = ["-wal", "-shm"] as const

export const restore = (backup: string) =>
  Effect.gen(function*() {
    const db = yield* databaseConfig
    if (Option.isSome(db.url)) {
      return yield* Effect.fail(new CliFailure("restore puts back an SQLite file; with DATABASE_URL set, restore PostgreSQL with pg_restore (docs/operations.md)", 2))
    }
    const source = resolve(backup)
    const target = resolve(db.file)
    yield* Console.warn(`database: ${describeDatabase(db)}`)
    if (!existsSync(source)) return yield* Effect.fail(new CliFailure(`${source} does not exist`))
    if (source === target) return yield* Effect.fail(new CliFailure(`${source} is the shop's database itself; give a backup file`))
    const running = runningShop(target)
    if (Option.isSome(running)) {
      return yield* Effect.fail(new CliFailure(`the shop is running on ${target} (process ${running.value}): stop it first (e.g. systemctl stop tokenshop), then restore`))
    }
    if (existsSync(`${source}-wal`)) {
      return yield* Effect.fail(new CliFailure(
        `${source}-wal exists beside the backup: it holds commits that are not in ${source} yet (a copy of a running database's files). ` +
          "Use a backup from `tokenshop backup` (one self-contained file), or open that copy once with tokenshop (DATABASE_FILE=it tokenshop stats) to fold its log in"
      ))
    }
    const report = yield* checkSqliteFile({ filename: source, encryptionKey: Option.getOrUndefined(db.encryptionKey) }).pipe(
      Effect.mapError((e) => new CliFailure(e.message, 2))
    )
    yield* Console.log(`backup ${source}: intact (integrity check ok), schema ${report.schema}, ${report.users} user(s), ${report.items} item(s)`)
    const stamp = new Date().toISOString().replace(/[:.]/g, "-")
    const aside = `${target}.replaced-${stamp}`
    yield* Effect.try({
      try: () => {
        const moved: Array<string> = []
        if (existsSync(target)) {
          renameSync(target, aside)
          moved.push(aside)
        }
        for (const c of companions) {
          if (existsSync(`${target}${c}`)) {
            renameSync(`${target}${c}`, `${aside}${c}`)
            moved.push(`${aside}${c}`)
          }
        }
        try {
          copyFileSync(source, target)
          chmodSync(target, 0o600)
        } catch (e) {
          // put the replaced database back as it was
          for (const c of ["", ...companions]) if (existsSync(`${aside}${c}`)) renameSync(`${aside}${c}`, `${target}${c}`)
          throw e
        }
        return moved
      },
      catch: (e) => new CliFailure(`cannot put the backup in place: ${e instanceof Error ? e.message : String(e)}`)
    }).pipe(Effect.flatMap((moved) =>
      Console.log([
        moved.length === 0
          ? `there was no database at ${target}: nothing to keep aside`
          : `kept the replaced database aside: ${moved.join(", ")}` +
            (moved.length > 1 ? " (its -wal and -shm files are its write-ahead log and the log's index: keep them with it)" : ""),
        `restored ${source} to ${target}; start the shop again (an older backup's schema is brought up to date on the next start)`
      ].join("\n"))
    ))
  })
