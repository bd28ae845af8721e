/**
 * While `tokenshop start` runs on an SQLite file, `<file>.pid` holds its process id, so that `tokenshop
 * restore` can refuse to swap the database under a running shop. A marker left by a process that
 * died is recognised (no such process) and ignored.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs"
import { resolve } from "node:path"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { databaseConfig } from "../Config.js"

export const markerOf = (file: string) => `${resolve(file)}.pid`

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return typeof e === "object" && e !== null && "code" in e && e.code === "EPERM" // it exists, owned by another user
  }
}

/** The id of a live process that runs a shop on `file`, if any. */
export const runningShop = (file: string): Option.Option<number> => {
  try {
    const pid = Number(readFileSync(markerOf(file), "utf8").trim())
    return Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? Option.some(pid) : Option.none()
  } catch {
    return Option.none()
  }
}

/** Writes the marker for the configured SQLite file while the layer lives (nothing for PostgreSQL). */
export const RunningMarkerLive = Layer.scopedDiscard(Effect.gen(function*() {
  const db = yield* databaseConfig
  if (Option.isSome(db.url)) return
  const marker = markerOf(db.file)
  yield* Effect.acquireRelease(
    Effect.sync(() => writeFileSync(marker, `${process.pid}\n`, { mode: 0o600 })),
    () => Effect.sync(() => {
      try {
        if (readFileSync(marker, "utf8").trim() === String(process.pid)) rmSync(marker, { force: true })
      } catch {
        // gone already
      }
    })
  )
}))
