/**
 * What this process is doing, for `/health`: how it receives Telegram's updates, which bots it polls, which announcements it sends, and which cluster
 * singletons (watchers, sweeps, sealing, backups) run here right now. With several processes on one
 * database each singleton runs in exactly one of them; `/health` of each says which.
 */
import * as Singleton from "@effect/cluster/Singleton"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

export class RunningWork extends Context.Tag("@tokenshop/app/RunningWork")<RunningWork, {
  /** The singletons running in this process. */
  readonly singletons: Set<string>
  /** How this process receives updates, e.g. "bot 123456: long polling". */
  readonly receiving: Array<string>
  /** What tells which bots this process polls right now. */
  readonly polled: Array<() => ReadonlyArray<string>>
  /** Announcements whose steps run here: id → when the last step ran (epoch ms). */
  readonly announcing: Map<number, number>
}>() {}

export const RunningWorkLive = Layer.sync(RunningWork, () => ({
  singletons: new Set<string>(),
  receiving: [] as Array<string>,
  polled: [],
  announcing: new Map<number, number>()
}))

/** How long after its last step an announcement is still listed as sending here. */
const ANNOUNCING_FOR_MS = 10_000

/** A cluster singleton that this process lists in `/health` while it runs here. */
export const singleton = <E, R>(name: string, run: Effect.Effect<void, E, R>) =>
  Singleton.make(name, Effect.flatMap(RunningWork, (work) =>
    Effect.acquireUseRelease(
      Effect.sync(() => work.singletons.add(name)),
      () => run,
      () => Effect.sync(() => work.singletons.delete(name))
    )))

/** The body of `GET /health`: "ok", then this process's id, how it receives updates and its singletons. */
export const healthText = Effect.map(Effect.serviceOption(RunningWork), (work) => {
  const lines = ["ok", `process: ${process.pid}`]
  if (work._tag === "Some") {
    lines.push(...work.value.receiving.map((r) => `telegram: ${r}`))
    if (work.value.polled.length > 0) lines.push(`polling here: ${work.value.polled.flatMap((bots) => bots()).join(", ") || "none"}`)
    lines.push(`singletons here: ${[...work.value.singletons].sort().join(", ") || "none"}`)
    const now = Date.now()
    const sending = [...work.value.announcing].filter(([, at]) => now - at < ANNOUNCING_FOR_MS).map(([id]) => `#${id}`)
    if (sending.length > 0) lines.push(`announcements sending here: ${sending.join(", ")}`)
  }
  return lines.join("\n")
})
