/**
 * A backup written to a file: the storage's consistent copy (still encrypted with the database's key
 * when SQLCipher is on), written to a new file only its owner can read (0600). Used by `tokenshop
 * backup` and by the scheduled backups; a failure names its real cause (a missing folder, a file that
 * exists already, a full disk).
 */
import { createReadStream, existsSync, statSync } from "node:fs"
import { open } from "node:fs/promises"
import { dirname, resolve } from "node:path"
import { pipeline } from "node:stream/promises"
import { Backups, operator } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import { CliFailure } from "../cli/Output.js"

const reason = (e: unknown) => {
  const code = typeof e === "object" && e !== null && "code" in e ? String(e.code) : ""
  if (code === "ENOSPC") return "the disk is full"
  if (code === "EACCES" || code === "EPERM") return "permission denied"
  return e instanceof Error ? e.message : String(e)
}

/** Checks that `out` can be created: its folder exists and is a folder, and the file does not exist yet. */
export const checkTarget = (out: string) =>
  Effect.gen(function*() {
    const path = resolve(out)
    const folder = dirname(path)
    if (!existsSync(folder)) return yield* Effect.fail(new CliFailure(`cannot write ${path}: the folder ${folder} does not exist (create it first)`))
    if (!statSync(folder).isDirectory()) return yield* Effect.fail(new CliFailure(`cannot write ${path}: ${folder} is not a folder`))
    if (existsSync(path)) return yield* Effect.fail(new CliFailure(`${path} exists already; choose a new file`))
    return path
  })

/** Writes a consistent copy of the shop's database to the new file `out`; returns its absolute path. */
export const writeBackup = (out: string, by = operator("cli")) =>
  Effect.scoped(Effect.gen(function*() {
    const path = yield* checkTarget(out)
    const copy = yield* (yield* Backups).take(by).pipe(Effect.mapError((e) => new CliFailure(e.message)))
    if (copy._tag === "External") return yield* Effect.fail(new CliFailure(copy.hint))
    yield* Effect.tryPromise({
      try: async () => {
        const target = await open(path, "wx", 0o600)
        try {
          await pipeline(createReadStream(copy.path), target.createWriteStream())
        } finally {
          await target.close().catch(() => {})
        }
      },
      catch: (e) => new CliFailure(`cannot write ${path}: ${reason(e)}`)
    })
    return path
  }))
