/**
 * Announcements delivered on Telegram, under its limits: at most 30 messages a second overall, sent
 * evenly (one every 35 ms), and one a second per chat (a RateLimiter, whose store is memory in one
 * process and can be Redis across several), 429 answers waited out for their Retry-After (grammY's auto-retry). A buyer
 * who blocked the bot (403) is `blocked`; any other refusal `failed`. The progress message is
 * edited at most every two seconds while the announcement runs.
 */
import * as RateLimiter from "@effect/experimental/RateLimiter"
import { type Announcement, Broadcaster, type Outcome } from "@tokenshop/domain"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { GrammyError } from "grammy"
import { progress } from "./admin/announce/AnnounceScreens.js"
import { DEFAULT_LANGUAGE, loadTranslator } from "./I18n.js"
import { speaker } from "./Screens.js"
import { apiFor, type TelegramSettings } from "./TelegramBot.js"

export interface BroadcastLimits {
  /** Messages a second over all chats (Telegram: 30). */
  readonly perSecond?: number | undefined
  /** Milliseconds between two edits of a progress message (default 2,000). */
  readonly reportEveryMs?: number | undefined
}

const outcomeOf = (e: unknown): Outcome =>
  e instanceof GrammyError && (e.error_code === 403 || /chat not found|user is deactivated/i.test(e.description)) ? "blocked" : "failed"

export const TelegramBroadcasterLive = (settings: TelegramSettings, limits: BroadcastLimits = {}): Layer.Layer<Broadcaster, never, RateLimiter.RateLimiter> =>
  Layer.effect(Broadcaster, Effect.gen(function*() {
    const api = apiFor(settings, Redacted.value(settings.token), { maxRetryAttempts: 8, maxDelaySeconds: 120 })
    const limiter = yield* RateLimiter.RateLimiter
    // Telegram's limits are per bot: the keys carry the bot's id (the token's public part), so that
    // bots sharing a Redis store keep their own pace and processes of one bot share theirs.
    const bot = Redacted.value(settings.token).split(":")[0] ?? "bot"
    const perSecond = limits.perSecond ?? 30
    const reportEvery = limits.reportEveryMs ?? 2_000
    const s = speaker(loadTranslator(), DEFAULT_LANGUAGE)
    const lastReport = new Map<number, number>()

    // Evenly spaced, one message a slot: a bucket of `perSecond` tokens would let a burst through that
    // a sliding one-second window (Telegram's) answers with 429 and a second's wait.
    const slot = Duration.millis(Math.ceil(1000 / perSecond) + 1)
    const wait = (key: string, window: Duration.Duration) =>
      limiter.consume({ algorithm: "token-bucket", onExceeded: "delay", window, limit: 1, key }).pipe(
        Effect.orDie,
        Effect.flatMap(({ delay }) => Effect.sleep(delay))
      )
    /** The next slot overall. */
    const turn = wait(`telegram:${bot}:all`, slot)
    /** One message a second in `chat` (a broadcast reaches each chat once: no wait). */
    const chatTurn = (chat: number) => wait(`telegram:${bot}:chat:${chat}`, Duration.seconds(1))
    const call = <A>(f: () => Promise<A>) => Effect.tryPromise({ try: f, catch: (e) => e })

    return Broadcaster.of({
      turn,
      deliver: (user, content) =>
        chatTurn(user).pipe(
          Effect.zipRight(call<unknown>(() => content.photo === null
            ? api.sendMessage(user, content.text, { link_preview_options: { is_disabled: true } })
            : api.sendPhoto(user, content.photo, content.text === "" ? {} : { caption: content.text }))),
          Effect.as<Outcome>("sent"),
          Effect.catchAll((e) => Effect.as(Effect.logDebug(`announcement to ${user} not delivered`, e), outcomeOf(e)))
        ),
      report: (a: Announcement) =>
        Effect.gen(function*() {
          if (a.reportTo === null) return Option.none()
          const at = yield* Clock.currentTimeMillis
          if (a.status === "running" && a.reportMessage !== null && at - (lastReport.get(a.id) ?? 0) < reportEvery) return Option.none()
          if (a.status === "running") lastReport.set(a.id, at)
          else lastReport.delete(a.id)
          const screen = progress(s, a)
          const markup = { parse_mode: "HTML" as const, reply_markup: { inline_keyboard: screen.keyboard.map((row) => [...row]) } }
          yield* Effect.zipRight(turn, chatTurn(a.reportTo))
          if (a.reportMessage === null) return Option.some((yield* call(() => api.sendMessage(a.reportTo!, screen.text, markup))).message_id)
          yield* call(() => api.editMessageText(a.reportTo!, a.reportMessage!, screen.text, markup))
          return Option.none()
        }).pipe(Effect.catchAll((e) => Effect.as(Effect.logDebug("announcement progress not shown", e), Option.none())))
    })
  }))
