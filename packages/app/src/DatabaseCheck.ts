/**
 * Before a command opens the shop's database: say which one it is (on standard error, so standard
 * output stays the command's), warn when a new, empty shop is about to be created (a command run in
 * the wrong folder would otherwise quietly show a fresh shop), and tell a plain file from an encrypted
 * one by its header, so a key given to a plain file and a file without its key get their own message.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs"
import { resolve } from "node:path"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { CliFailure } from "./cli/Output.js"
import type { DatabaseSettings } from "./Config.js"

/** A new encrypted database takes a key at least this long. */
export const MIN_DB_KEY_LENGTH = 16

/** The URL without its password and options: safe to print. */
export const publicUrl = (url: Redacted.Redacted<string>): string => {
  const parsed = Option.liftThrowable((u: string) => new URL(u))(Redacted.value(url))
  if (Option.isNone(parsed)) return "postgres://(unreadable URL)"
  const u = parsed.value
  const user = u.username === "" ? "" : `${decodeURIComponent(u.username)}@`
  return `${u.protocol}//${user}${u.host}${u.pathname}`
}

/** "SQLite /srv/shop/data/tokenshop.db (encrypted)" or "PostgreSQL postgres://shop@db:5432/shop". */
export const describeDatabase = (db: DatabaseSettings): string =>
  Option.match(db.url, {
    onSome: (url) => `PostgreSQL ${publicUrl(url)}`,
    onNone: () => `SQLite ${resolve(db.file)}${Option.isSome(db.encryptionKey) ? " (encrypted)" : ""}`
  })

const SQLITE_HEADER = "SQLite format 3\u0000"

/** The file's first 16 bytes: a plain SQLite file starts with its format string; an encrypted one with noise. */
const isPlainSqlite = (file: string): boolean => {
  const fd = openSync(file, "r")
  try {
    const head = Buffer.alloc(16)
    const read = readSync(fd, head, 0, 16, 0)
    return read === 16 && head.toString("latin1") === SQLITE_HEADER
  } finally {
    closeSync(fd)
  }
}

/** The warning before a new, empty shop is created in the database. */
export const warnNewShop = (db: DatabaseSettings) =>
  Console.warn(`warning: ${describeDatabase(db)} holds no shop yet: creating a new, empty one (check DATABASE_URL if you expected your shop)`)

/**
 * Checks what can be known before opening the SQLite file; says which database a command uses.
 * `read`: the command only reads it (a dry run): a missing file is not created, and its reader says so.
 */
export const checkDatabase = (db: DatabaseSettings, use: "open" | "read" = "open") =>
  Effect.gen(function*() {
    yield* Console.warn(`database: ${describeDatabase(db)}`)
    if (Option.isSome(db.url)) return
    const file = resolve(db.file)
    const key = Option.map(db.encryptionKey, Redacted.value)
    if (!existsSync(file) || statSync(file).size === 0) {
      if (Option.isSome(key) && key.value.length < MIN_DB_KEY_LENGTH) {
        return yield* Effect.fail(new CliFailure(
          `DB_ENCRYPTION_KEY is too short for a new encrypted database: use at least ${MIN_DB_KEY_LENGTH} characters (e.g. \`openssl rand -hex 32\`)`,
          2
        ))
      }
      if (use === "open") {
        yield* Console.warn(`warning: ${file} does not exist: creating a new, empty shop there (set DATABASE_FILE, or run from the shop's folder, to use an existing one)`)
      }
      return
    }
    const plain = yield* Effect.try({
      try: () => isPlainSqlite(file),
      catch: (e) => new CliFailure(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`, 2)
    })
    if (plain && Option.isSome(key)) {
      return yield* Effect.fail(new CliFailure(
        `${file} is not encrypted, but DB_ENCRYPTION_KEY is set: unset it to open this database as it is`,
        2
      ))
    }
    if (!plain && Option.isNone(key)) {
      return yield* Effect.fail(new CliFailure(
        `${file} is encrypted (or is not an SQLite database): set DB_ENCRYPTION_KEY to its key`,
        2
      ))
    }
  })
