/**
 * `tokenshop copy-data --to DATABASE_URL | --from DATABASE_URL`: the whole shop from the configured
 * SQLite file (DATABASE_FILE, DB_ENCRYPTION_KEY) into a new, empty PostgreSQL database, or back from
 * PostgreSQL into a new or empty SQLite file. The target's schema is created first; the copy and its
 * verification run in one transaction there, so a refusal, a failure or a mismatch writes nothing.
 * Refused while a shop runs on the SQLite file (its running marker), either way: what it does
 * afterwards on the source would not be in the copy, and a target it uses must not change under it.
 */
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import { type CopyEndpoint, copyData, type CopyReport } from "@tokenshop/adapters-sql"
import { existsSync, mkdirSync, statSync } from "node:fs"
import { dirname, resolve } from "node:path"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { databaseConfig, type DatabaseSettings } from "../Config.js"
import { runningShop } from "../backup/RunningMarker.js"
import { checkDatabase, describeDatabase, publicUrl } from "../DatabaseCheck.js"
import { CliFailure, reportFailures } from "./Output.js"

const USAGE = "give exactly one of --to DATABASE_URL (SQLite to PostgreSQL) or --from DATABASE_URL (PostgreSQL to SQLite)"

const postgresUrl = (flag: string, text: string) =>
  /^postgres(ql)?:\/\//.test(text)
    ? Effect.succeed(Redacted.make(text))
    : Effect.fail(new CliFailure(`--${flag} takes a postgres:// URL`, 2))

const sqliteEnd = (db: DatabaseSettings): CopyEndpoint => ({
  _tag: "Sqlite",
  options: { filename: db.file, encryptionKey: Option.getOrUndefined(db.encryptionKey), synchronous: db.synchronous }
})

/** The report, for a person: rows per table, sequences, the money log, what was verified. */
export const formatCopyReport = (r: CopyReport): ReadonlyArray<string> => [
  ...r.tables.map((t) => `  ${t.name}: ${t.rows}`),
  ...(r.sequences > 0 ? [`sequences: ${r.sequences} moved past the highest id`] : []),
  ...(r.announcementsUnfinished > 0
    ? [`note: ${r.announcementsUnfinished} announcement(s) were still being sent: the copy does not send them on (their queue belongs to the running shop, not copied)`]
    : []),
  `money log: ${r.verified.audit.sealed} sealed, ${r.verified.audit.unsealed} waiting to be sealed, ${r.verified.audit.problems} problem(s), as on the source`,
  `verified: ${r.verified.tables} tables, ${r.verified.balances} balances`
]

const copy = (toText: Option.Option<string>, fromText: Option.Option<string>) =>
  Effect.gen(function*() {
    if (Option.isSome(toText) === Option.isSome(fromText)) return yield* Effect.fail(new CliFailure(USAGE, 2))
    const config = yield* databaseConfig
    const db: DatabaseSettings = { ...config, url: Option.none() }
    const file = resolve(db.file)
    const toPg = Option.isSome(toText)
    const url = yield* (toPg ? postgresUrl("to", Option.getOrThrow(toText)) : postgresUrl("from", Option.getOrThrow(fromText)))
    const running = runningShop(file)
    if (Option.isSome(running)) {
      return yield* Effect.fail(new CliFailure(`the shop is running on ${file} (process ${running.value}): stop it first (e.g. systemctl stop tokenshop), then copy`))
    }
    if (toPg && (!existsSync(file) || statSync(file).size === 0)) {
      return yield* Effect.fail(new CliFailure(`no shop to copy: ${file} does not exist or is empty (set DATABASE_FILE to the shop's database)`, 2))
    }
    yield* checkDatabase(db)
    if (!toPg) mkdirSync(dirname(file), { recursive: true })
    const pg: CopyEndpoint = {
      _tag: "Pg",
      options: toPg ? { url, maxConnections: 2 } : {
        url,
        maxConnections: 2,
        onNewShop: Console.warn(`warning: PostgreSQL ${publicUrl(url)} holds no shop: there is nothing to copy`)
      }
    }
    const [from, to] = toPg ? [sqliteEnd(db), pg] : [pg, sqliteEnd(db)]
    const names = toPg ? [describeDatabase(db), `PostgreSQL ${publicUrl(url)}`] : [`PostgreSQL ${publicUrl(url)}`, describeDatabase(db)]
    yield* Console.log(`copying the shop from ${names[0]} to ${names[1]}`)
    const report = yield* copyData(from, to)
    yield* Console.log(formatCopyReport(report).join("\n"))
  })

export const copyDataCommand = Command.make("copy-data", {
  to: Options.text("to").pipe(Options.optional, Options.withDescription("copy the configured SQLite shop into this new, empty PostgreSQL database (postgres:// URL)")),
  from: Options.text("from").pipe(Options.optional, Options.withDescription("copy the shop in this PostgreSQL database (postgres:// URL) into the configured SQLite file, new or empty"))
}, ({ from, to }) => reportFailures(copy(to, from))).pipe(
  Command.withDescription(
    "Move the whole shop between SQLite and PostgreSQL: schema first, every table in one transaction, then rows, balances and the money log verified " +
    "(a target that holds a shop is refused; a mismatch writes nothing). Stop the shop first."
  )
)
