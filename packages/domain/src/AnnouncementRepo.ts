import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type * as Option from "effect/Option"
import type { AnnouncementId, TelegramId } from "./Ids.js"

export type AnnouncementKind = "broadcast" | "restock" | "stock"

/** What every recipient gets: a text, or a photo (a Telegram file id) with the text as its caption. */
export interface AnnouncementContent {
  readonly text: string
  readonly photo: string | null
}

/** How a delivery to one recipient ended. `blocked`: the buyer blocked the bot (skipped by later announcements). */
export type Outcome = "sent" | "failed" | "blocked"

export interface Announcement {
  readonly id: AnnouncementId
  readonly kind: AnnouncementKind
  readonly content: AnnouncementContent
  /** Who sent it, as the audit names admins. */
  readonly admin: string
  readonly status: "running" | "done" | "cancelled"
  /** Recipients, fixed when the announcement was made. */
  readonly total: number // a count of buyers, not money
  readonly sent: number
  readonly failed: number
  readonly blocked: number
  /** The admin's chat that follows the progress, and the message that shows it once sent. */
  readonly reportTo: TelegramId | null
  readonly reportMessage: number | null
  readonly createdAt: Date
  readonly finishedAt: Date | null
}

export const leftOf = (a: Announcement) => a.total - a.sent - a.failed - a.blocked

export interface NewAnnouncement {
  readonly kind: AnnouncementKind
  readonly content: AnnouncementContent
  readonly admin: string
  readonly reportTo: TelegramId | null
  /** The message already on the admin's screen that the progress replaces, if any. */
  readonly reportMessage: number | null
}

/**
 * Announcements and their recipients. Each recipient moves once: pending → sending (claimed) →
 * sent, failed or blocked. A recipient is claimed before the message goes out, so a run that crashed
 * mid-send leaves it `sending`, and it is never sent again (see `abandon`).
 */
export class AnnouncementRepo extends Context.Tag("@tokenshop/domain/AnnouncementRepo")<AnnouncementRepo, {
  /** Creates a running announcement for every registered buyer who is not banned and has not blocked the bot. */
  readonly create: (announcement: NewAnnouncement, now: Date) => Effect.Effect<Announcement>
  readonly get: (id: AnnouncementId) => Effect.Effect<Option.Option<Announcement>>
  /** Newest first. */
  readonly recent: (limit: number) => Effect.Effect<ReadonlyArray<Announcement>>
  readonly setReportMessage: (id: AnnouncementId, message: number) => Effect.Effect<void>
  /** Claims up to `n` pending recipients of a running announcement, in the order of their ids. */
  readonly claim: (id: AnnouncementId, n: number) => Effect.Effect<ReadonlyArray<TelegramId>>
  /** Records how a claimed recipient's delivery ended; `blocked` also marks the buyer unreachable. */
  readonly settle: (id: AnnouncementId, user: TelegramId, outcome: Outcome) => Effect.Effect<void>
  /** Claimed recipients of an interrupted run count as failed (they may or may not have the message); how many. */
  readonly abandon: (id: AnnouncementId) => Effect.Effect<number>
  /** Ends a running announcement; pending recipients of a cancelled one are left. False when it was not running. */
  readonly end: (id: AnnouncementId, status: "done" | "cancelled", now: Date) => Effect.Effect<boolean>
  /** The buyer is reachable again (they came back after blocking the bot). */
  readonly reachable: (user: TelegramId) => Effect.Effect<void>
  /** Finished announcements whose recipient lists can go (ended before `before`); their counts stay. */
  readonly purge: (before: Date) => Effect.Effect<ReadonlyArray<AnnouncementId>>
}>() {}
