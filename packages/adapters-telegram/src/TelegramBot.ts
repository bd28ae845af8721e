/**
 * The running bot: a grammY Bot with automatic retries (429, 5xx), the shop installed, and long
 * polling through @grammyjs/runner (concurrent across chats, sequential within one chat).
 * Closing the layer's scope stops polling.
 */
import { autoRetry } from "@grammyjs/auto-retry"
import { run, sequentialize } from "@grammyjs/runner"
import { timingSafeEqual } from "node:crypto"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { Bot, type Transformer } from "grammy"
import type { Update } from "grammy/types"
import { type BotServices, installShop } from "./Middleware.js"
import { DEFAULT_LANGUAGE, loadTranslator, type Translator } from "./I18n.js"

export interface TelegramSettings {
  readonly token: Redacted.Redacted<string>
  /** Another Bot API server (a self-hosted one, or an emulator in tests); Telegram's own when undefined. */
  readonly apiRoot?: string | undefined
  readonly shopName: string
  readonly helpText?: string | undefined
  readonly throttleMs?: number | undefined
  /** Extra API transformers, outermost first (tests use them to stub or slow calls). */
  readonly transformers?: ReadonlyArray<Transformer> | undefined
}

const client = (settings: TelegramSettings) => settings.apiRoot === undefined ? {} : { client: { apiRoot: settings.apiRoot } }

/** A bot with retries and the shop installed (not yet receiving updates). */
const makeBot = (settings: TelegramSettings) =>
  Effect.gen(function*() {
    const bot = new Bot(Redacted.value(settings.token), client(settings))
    bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }))
    for (const transformer of settings.transformers ?? []) bot.api.config.use(transformer)
    bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()))
    const fileRoot = `${settings.apiRoot ?? "https://api.telegram.org"}/file/bot${Redacted.value(settings.token)}`
    yield* installShop(bot, {
      shopName: settings.shopName,
      fileUrl: (path) => `${fileRoot}/${path}`,
      helpText: settings.helpText,
      throttleMs: settings.throttleMs,
      translator: loadTranslator()
    })
    yield* Effect.tryPromise(() => bot.init()).pipe(Effect.orDie)
    yield* publishCommands(bot).pipe(Effect.forkScoped)
    return bot
  })

/** The commands the bot's menu lists, described in `language`. */
export const commandMenu = (translator: Translator, language: string) => [
  { command: "start", description: translator.t(language, "command-start") },
  { command: "help", description: translator.t(language, "command-help") },
  { command: "id", description: translator.t(language, "command-id") }
]

/** The command menu in every language the shop speaks (the default one for all others); a failure is only logged. */
const publishCommands = (bot: Bot) => {
  const translator = loadTranslator()
  return Effect.forEach(translator.languages, (language) => {
    const commands = commandMenu(translator, language)
    return Effect.tryPromise(() =>
      bot.api.setMyCommands(commands, language === DEFAULT_LANGUAGE ? {} : { language_code: language as never })
    ).pipe(Effect.catchAll((e) => Effect.logWarning(`cannot publish the ${language} command menu`, e.error)))
  }, { discard: true })
}

/** Polls for updates and serves the shop until the scope closes. */
export const TelegramBotLive = (settings: TelegramSettings): Layer.Layer<never, never, BotServices> =>
  Layer.scopedDiscard(Effect.gen(function*() {
    const bot = yield* makeBot(settings)
    yield* Effect.tryPromise(() => bot.api.deleteWebhook()).pipe(Effect.ignore)
    yield* Effect.acquireRelease(
      Effect.sync(() => run(bot)),
      (r) => Effect.promise(async () => { if (r.isRunning()) await r.stop() })
    )
    yield* Effect.logInfo(`bot @${bot.botInfo.username} is polling for updates`)
  }))

/** Receives updates that Telegram posts to the shop's HTTP server (webhook mode). */
export class TelegramWebhook extends Context.Tag("@tokenshop/adapters-telegram/TelegramWebhook")<TelegramWebhook, {
  /** True when the request carries the secret given to Telegram (compared in constant time). */
  readonly authorized: (header: string | undefined) => boolean
  /** Handles one update; never fails (a bad update is logged and answered like any other). */
  readonly handle: (update: unknown) => Effect.Effect<void>
}>() {}

export interface WebhookSettings {
  /** The public HTTPS URL Telegram posts to. */
  readonly url: string
  /** Sent back by Telegram in X-Telegram-Bot-Api-Secret-Token; 1 to 256 of A-Z a-z 0-9 _ -. */
  readonly secret: Redacted.Redacted<string>
}

/** Registers the webhook with Telegram and handles what arrives at it; removes nothing on shutdown. */
export const TelegramWebhookLive = (settings: TelegramSettings, webhook: WebhookSettings): Layer.Layer<TelegramWebhook, never, BotServices> =>
  Layer.scoped(TelegramWebhook, Effect.gen(function*() {
    const bot = yield* makeBot(settings)
    const secret = Buffer.from(Redacted.value(webhook.secret), "utf8")
    yield* Effect.tryPromise(() => bot.api.setWebhook(webhook.url, { secret_token: Redacted.value(webhook.secret) })).pipe(Effect.orDie)
    yield* Effect.logInfo(`bot @${bot.botInfo.username} receives updates at ${webhook.url}`)
    return TelegramWebhook.of({
      authorized: (header) => {
        if (header === undefined) return false
        const given = Buffer.from(header, "utf8")
        return given.length === secret.length && timingSafeEqual(given, secret)
      },
      handle: (update) =>
        Effect.tryPromise(() => bot.handleUpdate(update as Update)).pipe(
          Effect.catchAllCause((cause) => Effect.logError("webhook update failed", cause))
        )
    })
  }))
