/**
 * The running bot: a grammY Bot with automatic retries (429, 5xx), the shop installed, and long
 * polling through @grammyjs/runner (concurrent across chats, sequential within one chat).
 * Closing the layer's scope stops polling.
 */
import { autoRetry } from "@grammyjs/auto-retry"
import { run, sequentialize } from "@grammyjs/runner"
import { type DomainEvent, formatCrypto, Notifier, ShopConfig, type TelegramId, UserRepo } from "@tokenshop/domain"
import { timingSafeEqual } from "node:crypto"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { Api, Bot, type Transformer } from "grammy"
import type { Update } from "grammy/types"
import { installShop } from "./Bot.js"
import { formatMoney } from "./Format.js"
import { DEFAULT_LANGUAGE, loadTranslator } from "./I18n.js"
import type { RouteServices } from "./Routes.js"
import { assetLabel, txLink } from "./PaymentScreens.js"
import { escapeHtml } from "./Screens.js"
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

/** A bot with retries and the shop installed (not yet receiving updates). */
const makeBot = (settings: TelegramSettings) =>
  Effect.gen(function*() {
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
    yield* publishCommands(bot).pipe(Effect.forkScoped)
    return bot
  })

/** The command menu in every language the shop speaks (the default one for all others); a failure is only logged. */
const publishCommands = (bot: Bot) => {
  const { languages, t } = loadTranslator()
  return Effect.forEach(languages, (language) => {
    const commands = [
      { command: "start", description: t(language, "command-start") },
      { command: "help", description: t(language, "command-help") }
    ]
    return Effect.tryPromise(() =>
      bot.api.setMyCommands(commands, language === DEFAULT_LANGUAGE ? {} : { language_code: language as never })
    ).pipe(Effect.catchAll((e) => Effect.logWarning(`cannot publish the ${language} command menu`, e.error)))
  }, { discard: true })
}

/** Polls for updates and serves the shop until the scope closes. */
export const TelegramBotLive = (settings: TelegramSettings): Layer.Layer<never, never, RouteServices | ShopConfig> =>
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
export const TelegramWebhookLive = (settings: TelegramSettings, webhook: WebhookSettings): Layer.Layer<TelegramWebhook, never, RouteServices | ShopConfig> =>
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

/** Domain events to the admins' chats: every purchase (and, with the payment adapters, every deposit). */
export const TelegramNotifierLive = (settings: TelegramSettings): Layer.Layer<Notifier, never, ShopConfig | UserRepo> =>
  Layer.effect(Notifier, Effect.gen(function*() {
    const api = new Api(Redacted.value(settings.token), settings.apiRoot === undefined ? undefined : { apiRoot: settings.apiRoot })
    api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }))
    for (const transformer of settings.transformers ?? []) api.config.use(transformer)
    const { admins } = yield* ShopConfig
    const users = yield* UserRepo
    const translator = loadTranslator()
    const en = DEFAULT_LANGUAGE
    const tell = (text: string, html = false) =>
      Effect.forEach(admins, (admin) => sendTo(api, admin, text, html).pipe(Effect.catchAll((e) => Effect.logWarning(`cannot notify admin ${admin}`, e))), {
        discard: true
      })
    /** A message to a buyer, in their language; a buyer who blocked the bot is only logged. */
    const toBuyer = (user: TelegramId, key: string, args: (language: string) => Record<string, string | number>) =>
      Effect.gen(function*() {
        const found = yield* users.find(user)
        const language = translator.pick(found._tag === "Some" ? found.value.language : null)
        yield* sendTo(api, user, translator.t(language, key, args(language)))
      }).pipe(Effect.catchAll((e) => Effect.logWarning(`cannot notify user ${user}`, e)))
    return Notifier.of({
      publish: (event: DomainEvent) => {
        switch (event._tag) {
          case "PurchaseCompleted":
            return tell(translator.t(en, "admin-purchase", {
              buy: event.buyId,
              total: formatMoney(event.total, en),
              user: `${event.user}: ${event.lines.map((l) => `${l.categoryName} / ${l.subcategoryName} × ${l.quantity}`).join(", ")}`
            }))
          case "DepositCredited": {
            const { balance, deposit } = event
            return Effect.zipRight(
              toBuyer(deposit.user, "notify-topup-credited", (l) => ({ amount: formatMoney(deposit.fiat, l), balance: formatMoney(balance.available, l) })),
              tell(translator.t(en, "admin-deposit", {
                deposit: deposit.id,
                user: deposit.user,
                amount: formatCrypto(deposit.amount),
                fiat: formatMoney(deposit.fiat, en),
                balance: formatMoney(balance.available, en)
              }))
            )
          }
          case "PaymentExpired":
            return toBuyer(event.payment.user, "notify-topup-expired", () => ({ asset: assetLabel(event.payment.asset) }))
          case "PaymentMismatched":
            return tell(translator.t(en, "admin-payment-mismatch", {
              payment: event.payment.id, user: event.payment.user, asset: event.payment.asset, reason: event.reason
            }))
          case "ForwardingFailed":
            return tell(translator.t(en, "admin-forwarding-failed", {
              payment: event.payment.id, asset: event.payment.asset, destination: event.destination, reason: event.reason
            }))
          case "WithdrawalExecuted": {
            const w = event.withdrawal
            const links = w.txIds.map((tx) => txLink(w.asset, tx)).join(", ")
            return tell(translator.t(en, "admin-withdrawal", {
              total: escapeHtml(formatCrypto(w.total)), by: escapeHtml(w.admin), destination: escapeHtml(w.destination), links
            }), true)
          }
          default:
            return Effect.logDebug(`event ${event._tag}`)
        }
      }
    })
  }))
