/**
 * One bot of the shop: a grammY Bot with automatic retries (429, 5xx) and the shop installed, and the
 * long polling that feeds it. Which bots run, and how they receive updates, is TelegramShop's part.
 */
import { autoRetry } from "@grammyjs/auto-retry"
import { run, sequentialize } from "@grammyjs/runner"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import { Api, Bot, GrammyError, type Transformer } from "grammy"
import type { FleetControl } from "./fleet/FleetControl.js"
import { installShop } from "./Middleware.js"
import { TelegramCallFailed } from "./TelegramApi.js"
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

/** A Bot API client for `token` on the settings' server, retrying 429 and 5xx, with the settings' transformers. */
export const apiFor = (settings: TelegramSettings, token: string, retry: { readonly maxRetryAttempts: number; readonly maxDelaySeconds: number }) => {
  const api = new Api(token, settings.apiRoot === undefined ? undefined : { apiRoot: settings.apiRoot })
  api.config.use(autoRetry(retry))
  for (const transformer of settings.transformers ?? []) api.config.use(transformer)
  return api
}

const client = (settings: TelegramSettings) => settings.apiRoot === undefined ? {} : { client: { apiRoot: settings.apiRoot } }

/** What differs between the manager bot and a child: the manager's API for admin notices; the fleet's commands on the manager only. */
export interface BotRole {
  readonly adminApi?: Api | undefined
  readonly fleet?: FleetControl | undefined
  /** Run for every update this bot receives: a front records its last update. */
  readonly seen?: Effect.Effect<void> | undefined
}

/** A bot with retries and the shop installed (not yet receiving updates); fails when Telegram refuses the token (getMe). */
export const makeBot = (settings: TelegramSettings, role: BotRole = {}) =>
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
      translator: loadTranslator(),
      adminApi: role.adminApi,
      fleet: role.fleet,
      seen: role.seen
    })
    yield* Effect.tryPromise({ try: () => bot.init(), catch: (e) => e }).pipe(
      Effect.catchAll((e): Effect.Effect<never, BotUnauthorized | TelegramCallFailed> => codeOf(e) === 401 || codeOf(e) === 404
        ? Effect.fail(new BotUnauthorized({ description: String(e) }))
        : Effect.fail(new TelegramCallFailed({ method: "getMe", cause: e })))
    )
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

export class BotUnauthorized extends Data.TaggedError("BotUnauthorized")<{ readonly description: string }> {}

const codeOf = (e: unknown) => e instanceof GrammyError ? e.error_code : undefined

/**
 * Polls `bot` (long polling through @grammyjs/runner: concurrent across chats, sequential within one)
 * until interrupted. A 409 (another getUpdates still open, as when a dead process's poll lingers) is
 * waited out and polling starts again; a revoked token (401) fails with BotUnauthorized; any other
 * failure of the runner is retried with a growing pause.
 */
export const pollBot = (bot: Bot): Effect.Effect<never, BotUnauthorized> => {
  /** One run of the runner, until it stops: "again" when it should start over. */
  const once: Effect.Effect<never, BotUnauthorized | "again"> = Effect.acquireUseRelease(
    Effect.sync(() => run(bot, { runner: { silent: true } })),
    (runner) => Effect.tryPromise({ try: () => runner.task() ?? Promise.resolve(), catch: (e) => e }),
    (runner) => Effect.promise(async () => { if (runner.isRunning()) await runner.stop() })
  ).pipe(
    Effect.flatMap(() => Effect.fail<"again">("again")),
    Effect.catchAll((e): Effect.Effect<never, BotUnauthorized | "again"> =>
      e !== "again" && codeOf(e) === 401
        ? Effect.fail(new BotUnauthorized({ description: e instanceof GrammyError ? e.description : "unauthorized" }))
        : Effect.logWarning(`polling @${bot.botInfo.username} stopped; starting again`, codeOf(e) ?? e).pipe(Effect.zipRight(Effect.fail<"again">("again"))))
  )
  return once.pipe(
    Effect.retry({ while: (e) => e === "again", schedule: Schedule.exponential("1 second").pipe(Schedule.union(Schedule.spaced("30 seconds"))) }),
    Effect.catchAll((e) => e === "again" ? Effect.never : Effect.fail(e))
  )
}
