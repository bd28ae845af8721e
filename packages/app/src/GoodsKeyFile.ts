/**
 * The goods key (see GoodsCipher in adapters-sql): GOODS_ENCRYPTION_KEY when set, otherwise the key
 * file, GOODS_KEY_FILE (default `tokenshop-goods.key` beside the settings file: out of the data
 * folder, so neither `tokenshop backup`, the scheduled backups nor a copy of data/ hold it). A command
 * that opens the shop for writing, with no key configured and nothing sealed yet, makes the file:
 * 32 random bytes as 64 hex digits, mode 0600, said once on standard error. Refused, naming the file:
 * the variable and the file holding different keys, a file that holds no key or that others may read
 * (the key may have leaked: the operator decides, `chmod 600` is one command).
 */
import { randomBytes } from "node:crypto"
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs"
import { dirname, isAbsolute, relative, resolve } from "node:path"
import { type ChooseGoodsKey, type GoodsKeys, StorageUnavailable } from "@tokenshop/adapters-sql"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { CliFailure } from "./cli/Output.js"
import type { DatabaseSettings } from "./Config.js"

const HEX_KEY = /^[0-9a-fA-F]{64}$/

/** The key in the file; none when there is no file; Left: why the file cannot be used. */
export const readKeyFile = (path: string): Either.Either<Option.Option<Redacted.Redacted<string>>, string> => {
  let text: string
  try {
    const mode = statSync(path).mode
    if (process.platform !== "win32" && (mode & 0o077) !== 0) {
      return Either.left(`the goods key file ${path} may be read by others (mode ${(mode & 0o777).toString(8)}): check who could have read it, then chmod 600 ${path}`)
    }
    text = readFileSync(path, "utf8").trim()
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === "ENOENT" || code === "ENOTDIR") return Either.right(Option.none())
    return Either.left(`cannot read the goods key file ${path}: ${(e as Error).message}`)
  }
  return HEX_KEY.test(text)
    ? Either.right(Option.some(Redacted.make(text)))
    : Either.left(`the goods key file ${path} does not hold a goods key (64 hex digits): restore it from your copy, or point GOODS_KEY_FILE at the right file`)
}

/** Writes a new key to `path` (which must not exist) in one step, on disk before it is used. */
export const writeKeyFile = (path: string): Redacted.Redacted<string> => {
  const key = randomBytes(32).toString("hex")
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  const draft = `${path}.${process.pid}.tmp`
  const fd = openSync(draft, "wx", 0o600)
  try {
    writeSync(fd, `${key}\n`)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  try {
    linkSync(draft, path) // fails when another process made the file first
  } finally {
    rmSync(draft, { force: true })
  }
  const dir = openSync(dirname(path), "r")
  try {
    fsyncSync(dir)
  } finally {
    closeSync(dir)
  }
  return Redacted.make(key)
}

const inside = (path: string, dir: string) => {
  const rel = relative(dir, path)
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel)
}

const made = (path: string, db: DatabaseSettings) => {
  const folder = dirname(resolve(db.file))
  return [
    `goods key: made a new key for the delivered goods, in ${path} (mode 0600).`,
    "  Back it up now, apart from the database and its backups: without it the goods cannot be read.",
    "  Every process of this shop needs this same file (or GOODS_ENCRYPTION_KEY set to its content).",
    "  Goods stored in clear before stay readable as they are; `tokenshop keys rotate` seals them.",
    ...(Option.isNone(db.url) && inside(path, folder)
      ? [`warning: the key file is inside the database's folder ${folder}: a copy of that folder carries the goods and their key; set GOODS_KEY_FILE to a place outside it`]
      : [])
  ].join("\n")
}

/** The cause of a key file's own problem (unreadable, unwritable), told as it is. */
const KEY_FILE = Symbol("the goods key file")

/** Under the systemd unit only data/ is writable: the key file is made by a command run by hand first. */
const cannotWrite = "run `npm run -s tokenshop -- migrate` once as the shop's user in its folder, which makes it there; " +
  "or set GOODS_KEY_FILE to a writable place outside the data folder, or GOODS_ENCRYPTION_KEY"

/** The file's key, made when there is none and the shop holds nothing sealed; none while sealed goods want another key. */
const fileKeyChooser = (db: DatabaseSettings, path: string): ChooseGoodsKey => (inUse) =>
  Effect.gen(function*() {
    const unusable = (message: string) => new StorageUnavailable({ reason: "goods_key", message, cause: KEY_FILE })
    const found = yield* Either.mapLeft(readKeyFile(path), unusable)
    if (Option.isSome(found)) return { current: found.value, previous: db.goodsKeysOld }
    if (inUse.length > 0) return undefined
    const key = yield* Effect.try({
      try: () => writeKeyFile(path),
      catch: (e) => unusable(`cannot write the new goods key file ${path}: ${(e as Error).message} (${cannotWrite})`)
    })
    yield* Console.warn(made(path, db))
    return { current: key, previous: [] }
  })

export interface GoodsKeySetup {
  /** The keys configured (GOODS_ENCRYPTION_KEY or the key file); undefined when neither is there yet. */
  readonly keys: GoodsKeys | undefined
  /** Without `keys`, for a command that writes: the key file's key, made for a shop with nothing sealed yet. */
  readonly choose: ChooseGoodsKey | undefined
  /** Where the key comes from, for `tokenshop config check`: never the key itself. */
  readonly source: string
  /** The message when the stored goods want a key not given, naming the variable and the file (or the key file's own problem). */
  readonly refusal: (e: StorageUnavailable) => CliFailure
}

const sameKey = (a: Redacted.Redacted<string>, b: Redacted.Redacted<string>) =>
  Redacted.value(a).trim().toLowerCase() === Redacted.value(b).trim().toLowerCase()

const ROTATING = "list older keys in GOODS_ENCRYPTION_KEYS_OLD while rotating"

/** The goods keys for a command: `write` lets the key file be made (see the top of this file); `read` makes nothing. */
export const goodsKeySetup = (db: DatabaseSettings, use: "write" | "read"): Either.Either<GoodsKeySetup, string> =>
  Either.gen(function*() {
    const path = resolve(db.goodsKeyFile)
    const file = yield* readKeyFile(path)
    const previous = db.goodsKeysOld
    const refusal = (hint: string) => (e: StorageUnavailable) => new CliFailure(e.cause === KEY_FILE ? e.message : `${e.message} (${hint})`, 2)
    if (Option.isSome(db.goodsKey)) {
      if (Option.isSome(file) && !sameKey(file.value, db.goodsKey.value)) {
        return yield* Either.left(`GOODS_ENCRYPTION_KEY and the goods key file ${path} hold different keys: keep one (unset the variable to use the file, or move the file away)`)
      }
      return { keys: { current: db.goodsKey.value, previous }, choose: undefined, source: "from GOODS_ENCRYPTION_KEY", refusal: refusal(`GOODS_ENCRYPTION_KEY holds another key; ${ROTATING}`) }
    }
    if (Option.isSome(file)) {
      return { keys: { current: file.value, previous }, choose: undefined, source: `in the key file ${path}`, refusal: refusal(`the key file ${path} holds another key; ${ROTATING}`) }
    }
    if (previous.length > 0) {
      return yield* Either.left(`GOODS_ENCRYPTION_KEYS_OLD is set but there is no current goods key: set GOODS_ENCRYPTION_KEY, or put the key file ${path} back`)
    }
    return {
      keys: undefined,
      choose: use === "write" ? fileKeyChooser(db, path) : undefined,
      source: Option.isNone(db.url)
        ? `in the key file ${path} (not made yet: the first start or import makes it)`
        : `in the key file ${path} (not here: the first start makes it for a new shop; a shop other processes already run needs their key file copied here)`,
      refusal: refusal(`GOODS_ENCRYPTION_KEY is not set and the key file ${path} does not exist: put the key file back (or point GOODS_KEY_FILE at it), or set GOODS_ENCRYPTION_KEY; ${ROTATING}`)
    }
  })

/** The goods keys a command reads with (nothing made), e.g. after the storage has opened; a problem stops it, naming the file. */
export const configuredGoodsKeys = (db: DatabaseSettings): Effect.Effect<GoodsKeys | undefined, CliFailure> =>
  Either.match(goodsKeySetup(db, "read"), { onLeft: (m) => Effect.fail(new CliFailure(m, 2)), onRight: (s) => Effect.succeed(s.keys) })
