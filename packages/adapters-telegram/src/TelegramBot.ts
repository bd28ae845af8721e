/**
 * The running bot: a grammY Bot with automatic retries (429, 5xx), the shop installed, and long
 * polling through @grammyjs/runner (concurrent across chats, sequential within one chat).
 * Closing the layer's scope stops polling.
 */
import { autoRetry } from "@grammyjs/auto-retry"
import { run, sequentialize } from "@grammyjs/runner"
import { type DomainEvent, Notifier, ShopConfig } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { Api, Bot, type Transformer } from "grammy"
import { installShop } from "./Bot.js"
import { formatMoney } from "./Format.js"
import { DEFAULT_LANGUAGE, loadTranslator } from "./I18n.js"
import type { RouteServices } from "./Routes.js"
import { sendTo } from "./Telegram.js"

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

/** Polls for updates and serves the shop until the scope closes. */
export const TelegramBotLive = (settings: TelegramSettings): Layer.Layer<never, never, RouteServices | ShopConfig> =>
  Layer.scopedDiscard(Effect.gen(function*() {
    const bot = new Bot(Redacted.value(settings.token), client(settings))
    bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }))
    for (const transformer of settings.transformers ?? []) bot.api.config.use(transformer)
    bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()))
    yield* installShop(bot, {
      shopName: settings.shopName,
      helpText: settings.helpText,
      throttleMs: settings.throttleMs,
      translator: loadTranslator()
    })
    yield* Effect.tryPromise(() => bot.init()).pipe(Effect.orDie)
    yield* Effect.tryPromise(() => bot.api.deleteWebhook()).pipe(Effect.ignore)
    const runner = yield* Effect.acquireRelease(
      Effect.sync(() => run(bot)),
      (r) => Effect.promise(async () => { if (r.isRunning()) await r.stop() })
    )
    yield* Effect.logInfo(`bot @${bot.botInfo.username} is polling for updates`)
    return runner
  }))

/** Domain events to the admins' chats: every purchase (and, with the payment adapters, every deposit). */
export const TelegramNotifierLive = (settings: TelegramSettings): Layer.Layer<Notifier, never, ShopConfig> =>
  Layer.effect(Notifier, Effect.gen(function*() {
    const api = new Api(Redacted.value(settings.token), settings.apiRoot === undefined ? undefined : { apiRoot: settings.apiRoot })
    api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }))
    for (const transformer of settings.transformers ?? []) api.config.use(transformer)
    const { admins } = yield* ShopConfig
    const translator = loadTranslator()
    const tell = (text: string) =>
      Effect.forEach(admins, (admin) => sendTo(api, admin, text).pipe(Effect.catchAll((e) => Effect.logWarning(`cannot notify admin ${admin}`, e))), {
        discard: true
      })
    return Notifier.of({
      publish: (event: DomainEvent) => {
        switch (event._tag) {
          case "PurchaseCompleted":
            return tell(translator.t(DEFAULT_LANGUAGE, "admin-purchase", {
              buy: event.buyId,
              total: formatMoney(event.total, DEFAULT_LANGUAGE),
              user: `${event.user}: ${event.lines.map((l) => `${l.categoryName} / ${l.subcategoryName} × ${l.quantity}`).join(", ")}`
            }))
          default:
            return Effect.logDebug(`event ${event._tag}`)
        }
      }
    })
  }))

