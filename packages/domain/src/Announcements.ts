import * as Context from "effect/Context"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { type Announcement, type AnnouncementContent, type AnnouncementKind, AnnouncementRepo, type Outcome } from "./AnnouncementRepo.js"
import { InvalidInput, type NotAdmin } from "./Errors.js"
import type { AnnouncementId, TelegramId } from "./Ids.js"
import { now } from "./Time.js"
import { type AdminRef, describeAdmin, Users } from "./Users.js"

/** Delivers announcements on the chat platform, at its pace; never fails (a failure is an outcome). */
export class Broadcaster extends Context.Tag("@tokenshop/domain/Broadcaster")<Broadcaster, {
  /** Waits for the platform's next free slot; the next delivery goes out at once after it. */
  readonly turn: Effect.Effect<void>
  readonly deliver: (user: TelegramId, content: AnnouncementContent) => Effect.Effect<Outcome>
  /** Shows the announcement's progress to its admin: a new message (its id returned) or an edit of `reportMessage`. */
  readonly report: (announcement: Announcement) => Effect.Effect<Option.Option<number>>
}>() {}

/** Runs an announcement in the background, durably: resumed after a restart until it ends. */
export class AnnouncementRunner extends Context.Tag("@tokenshop/domain/AnnouncementRunner")<AnnouncementRunner, {
  readonly start: (id: AnnouncementId) => Effect.Effect<void>
}>() {}

export class AnnouncementNotFound extends Data.TaggedError("AnnouncementNotFound")<{ readonly announcement: AnnouncementId }> {
  override get message() { return `announcement ${this.announcement} does not exist` }
}

/** Telegram's limits: a message's text, and a photo's caption. */
export const TEXT_LIMIT = 4096
export const CAPTION_LIMIT = 1024

/** Announcements to every buyer: made by an admin, sent in the background a batch at a time, cancellable. */
export class Announcements extends Context.Tag("@tokenshop/domain/Announcements")<Announcements, {
  /**
   * Makes the announcement (its recipients fixed now) and starts sending it; returns at once. The
   * progress is shown to a Telegram admin, in `reportMessage` when given (the screen they are on).
   */
  readonly announce: (
    admin: AdminRef,
    kind: AnnouncementKind,
    content: AnnouncementContent,
    reportMessage?: number
  ) => Effect.Effect<Announcement, NotAdmin | InvalidInput>
  /** Stops sending; who has it keeps it. False when it had already ended. */
  readonly cancel: (admin: AdminRef, id: AnnouncementId) => Effect.Effect<boolean, NotAdmin>
  readonly get: (admin: AdminRef, id: AnnouncementId) => Effect.Effect<Announcement, NotAdmin | AnnouncementNotFound>
  readonly recent: (admin: AdminRef) => Effect.Effect<ReadonlyArray<Announcement>, NotAdmin>
  /**
   * One step of the sending, for the runner: up to `size` recipients, each claimed, delivered and
   * recorded in turn, then the progress shown. `done` once nothing is left (or it was cancelled).
   */
  readonly step: (id: AnnouncementId, size: number) => Effect.Effect<{ readonly done: boolean }>
  /** A buyer who came back to the bot is reachable again. */
  readonly reachable: (user: TelegramId) => Effect.Effect<void>
}>() {
  static readonly layer = Layer.effect(Announcements, Effect.gen(function*() {
    const repo = yield* AnnouncementRepo
    const users = yield* Users
    const broadcaster = yield* Broadcaster
    const runner = yield* AnnouncementRunner

    const report = (id: AnnouncementId) =>
      Effect.gen(function*() {
        const found = yield* repo.get(id)
        if (Option.isNone(found)) return
        const shown = yield* broadcaster.report(found.value)
        if (Option.isSome(shown)) yield* repo.setReportMessage(id, shown.value)
      })

    return Announcements.of({
      announce: Effect.fn("Announcements.announce")(function*(admin: AdminRef, kind: AnnouncementKind, content: AnnouncementContent, reportMessage?: number) {
        yield* users.ensureAdmin(admin)
        const text = content.text.trim()
        const limit = content.photo === null ? TEXT_LIMIT : CAPTION_LIMIT
        if (text === "" && content.photo === null) return yield* new InvalidInput({ field: "text", problem: "an announcement needs a text or a photo" })
        if (text.length > limit) return yield* new InvalidInput({ field: "text", problem: `longer than ${limit} characters` })
        const made = yield* repo.create({
          kind,
          content: { text, photo: content.photo },
          admin: describeAdmin(admin),
          reportTo: admin.kind === "telegram" ? admin.id : null,
          reportMessage: admin.kind === "telegram" ? reportMessage ?? null : null
        }, yield* now)
        yield* runner.start(made.id)
        return made
      }),
      cancel: (admin, id) => users.ensureAdmin(admin).pipe(Effect.zipRight(now), Effect.flatMap((at) => repo.end(id, "cancelled", at))),
      get: (admin, id) =>
        users.ensureAdmin(admin).pipe(
          Effect.zipRight(repo.get(id)),
          Effect.flatMap(Option.match({ onNone: () => Effect.fail(new AnnouncementNotFound({ announcement: id })), onSome: Effect.succeed }))
        ),
      recent: (admin) => users.ensureAdmin(admin).pipe(Effect.zipRight(repo.recent(10))),
      step: (id, size) =>
        Effect.gen(function*() {
          // Only one run of an announcement goes at a time: anything still claimed is from a run that stopped mid-send.
          yield* repo.abandon(id)
          const found = yield* repo.get(id)
          if (Option.isNone(found)) return { done: true }
          if (found.value.status !== "running") {
            yield* report(id)
            return { done: true }
          }
          // One recipient claimed at a time, once the platform is ready to take its message: a crash
          // leaves at most one in doubt (claimed, maybe sent), and a Cancel stops the very next message.
          let delivered = 0
          for (; delivered < size; delivered++) {
            yield* broadcaster.turn
            const [user] = yield* repo.claim(id, 1)
            if (user === undefined) break
            yield* Effect.flatMap(broadcaster.deliver(user, found.value.content), (outcome) => repo.settle(id, user, outcome))
          }
          const done = delivered === 0
          if (done) yield* repo.end(id, "done", yield* now)
          yield* report(id)
          return { done }
        }).pipe(Effect.withSpan("Announcements.step")),
      reachable: repo.reachable
    })
  }))
}
