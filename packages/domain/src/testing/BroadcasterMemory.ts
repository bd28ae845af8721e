import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type { Announcement, AnnouncementContent, Outcome } from "../AnnouncementRepo.js"
import { AnnouncementRunner, Broadcaster } from "../Announcements.js"
import type { AnnouncementId, TelegramId } from "../Ids.js"

/** What the in-memory broadcaster delivered and reported, and which announcements were started. */
export class BroadcastLog extends Context.Tag("@tokenshop/domain/testing/BroadcastLog")<BroadcastLog, {
  readonly delivered: ReadonlyArray<{ readonly user: TelegramId; readonly content: AnnouncementContent }>
  readonly reports: ReadonlyArray<Announcement>
  readonly started: ReadonlyArray<AnnouncementId>
  /** The outcome for the next deliveries to `user` (sent by default). */
  readonly outcomeFor: (user: TelegramId, outcome: Outcome) => void
}>() {}

/**
 * A Broadcaster that records every delivery and progress report, and a runner that only records
 * what it was asked to start: a test drives the sending with Announcements.step.
 */
export const BroadcasterMemory: Layer.Layer<Broadcaster | AnnouncementRunner | BroadcastLog> = Layer.effectContext(Effect.sync(() => {
  const delivered: Array<{ user: TelegramId; content: AnnouncementContent }> = []
  const reports: Array<Announcement> = []
  const started: Array<AnnouncementId> = []
  const outcomes = new Map<TelegramId, Outcome>()
  let messages = 0
  return Context.make(Broadcaster, Broadcaster.of({
    turn: Effect.void,
    deliver: (user, content) =>
      Effect.sync(() => {
        const outcome = outcomes.get(user) ?? "sent"
        if (outcome === "sent") delivered.push({ user, content })
        return outcome
      }),
    report: (a) => Effect.sync(() => (reports.push(a), a.reportTo === null || a.reportMessage !== null ? Option.none() : Option.some(++messages)))
  })).pipe(
    Context.add(AnnouncementRunner, AnnouncementRunner.of({ start: (id) => Effect.sync(() => void started.push(id)) })),
    Context.add(BroadcastLog, BroadcastLog.of({ delivered, reports, started, outcomeFor: (user, outcome) => void outcomes.set(user, outcome) }))
  )
}))
