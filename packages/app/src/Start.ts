/** `tokenshop start`: the shop on Telegram, over the configured storage. */
import { RunningWork, RunningWorkLive, singleton } from "./runtime/RunningWork.js"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpRouter from "@effect/platform/HttpRouter"
import { ChainAddressValidator, validateAddress } from "@tokenshop/adapters-chain"
import { CALLBACK_PATH, KryptoExpressGateway, KryptoExpressLayer } from "@tokenshop/adapters-krypto"
import { TelegramBroadcasterLive, TelegramNotifierLive, type TelegramSettings, TelegramShop, TelegramShopLive, type WebhookSettings } from "@tokenshop/adapters-telegram"
import { type Asset, checkShopCurrency, Payments, ShopConfig, ShopLive } from "@tokenshop/domain"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import { CliFailure } from "./cli/Output.js"
import { type KryptoSettings, kryptoConfig, secureUrl, shopConfig, webhookPathConfig } from "./Config.js"
import { AuditSealingLive } from "./AuditSealing.js"
import { BackupScheduleLive } from "./backup/BackupSchedule.js"
import { RunningMarkerLive } from "./backup/RunningMarker.js"
import { WatchdogLive } from "./runtime/Watchdog.js"
import { callbackRoute, HttpServerLive, telegramPathOf, telegramRoute } from "./Http.js"
import { ProcessorNotConfigured } from "./Services.js"
import { chainAssets, chainConfig } from "./ChainConfig.js"
import { AnnouncingLive, EngineLive, WorkflowRunnerLive } from "./Announcing.js"
import { RateLimiterLive } from "./runtime/RateLimits.js"
import { InboxLive, InboxPruningLive } from "./runtime/Inbox.js"
import { CronHousekeepingLive } from "./runtime/Periodic.js"
import { ApprovalRunnerLive, ApprovingLive } from "./Approving.js"
import { ForwardingLive, ForwardingRunnerLive } from "./Forwarding.js"
import { chainLookupLayer, chainSettings, feedNames, pricesLayer, watchersLayer } from "./SelfCustody.js"
import { deriverLayer, StorageLive } from "./Shop.js"

export const telegramConfig = Config.all({
  token: Config.option(Config.redacted("BOT_TOKEN")),
  apiRoot: Config.option(Config.string("TELEGRAM_API_ROOT")).pipe(
    Config.mapOrFail((root) => Option.isNone(root) ? Either.right(root) : Either.map(secureUrl("TELEGRAM_API_ROOT")(root.value), Option.some))
  ),
  shopName: Config.string("SHOP_NAME").pipe(Config.withDefault("tokenshop")),
  helpText: Config.option(Config.string("HELP_TEXT")),
  throttleMs: Config.integer("THROTTLE_MS").pipe(Config.withDefault(500)),
  /** Telegram allows 30 messages a second per bot; up to 1,000 with paid broadcasts enabled for the bot. */
  broadcastPerSecond: Config.integer("TELEGRAM_BROADCAST_PER_SECOND").pipe(
    Config.withDefault(30),
    Config.validate({ message: "must be a whole number from 1 to 1000", validation: (n) => n >= 1 && n <= 1000 })
  ),
  webhookUrl: Config.option(Config.string("WEBHOOK_URL")).pipe(
    Config.mapOrFail((url) =>
      Option.isNone(url) || /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(url.value)
        ? Either.right(url)
        : Either.left(ConfigError.InvalidData(["WEBHOOK_URL"], "must be an https:// URL")))
  ),
  webhookSecret: Config.option(Config.redacted("WEBHOOK_SECRET")),
  httpHost: Config.string("HTTP_HOST").pipe(Config.withDefault("127.0.0.1")),
  /** Webhook mode and payment callbacks listen on it (8080 when unset); in long polling, set it to serve /health. */
  httpPort: Config.option(Config.port("HTTP_PORT"))
})

/** Where the HTTP server listens when HTTP_PORT is not set (webhook mode, payment callbacks). */
export const DEFAULT_HTTP_PORT = 8080

const missingToken = new CliFailure(
  "BOT_TOKEN is not set: give the token @BotFather issued (BOT_TOKEN=... npm start), or try the shop without one: npm run demo",
  2
)

/**
 * Expires due top-ups every minute and tells their buyers; a failure is logged and retried next
 * minute. A cluster singleton: with several processes on one database, one of them sweeps.
 */
const ExpiryLive = singleton("payments/expiry", Effect.gen(function*() {
  const payments = yield* Payments
  return yield* payments.expireDue.pipe(
    Effect.catchAllCause((cause) => Effect.logError("expiring top-ups failed", cause)),
    Effect.repeat(Schedule.spaced("1 minute")),
    Effect.zipRight(Effect.never)
  )
}))

/** Every forwarding address must be a valid address of its asset's network: checked before anything starts. */
const checkForwarding = Effect.gen(function*() {
  const { forwarding } = yield* shopConfig
  for (const [asset, address] of Object.entries(forwarding) as Array<[Asset, string]>) {
    const valid = validateAddress(asset, address)
    if (valid._tag === "Left") {
      return yield* Effect.fail(new CliFailure(`CRYPTO_FORWARDING_ADDRESS_${asset}: ${valid.left.reason}`, 2))
    }
  }
})

/** The payment processor when configured: gateway, wallet and prices over KryptoExpress. */
const processorLayer = (krypto: Option.Option<KryptoSettings>, webhookUrl: string | undefined, webhookPath: string) =>
  Effect.gen(function*() {
    if (Option.isNone(krypto)) return { layer: ProcessorNotConfigured, callbacks: undefined }
    const k = krypto.value
    const callbackUrl = k.callbackUrl ?? (webhookUrl === undefined ? undefined : `${new URL(webhookUrl).origin}${webhookPath}${CALLBACK_PATH}`)
    if (callbackUrl === undefined) {
      return yield* Effect.fail(new CliFailure(
        `KRYPTOEXPRESS_CALLBACK_URL must be set when KRYPTOEXPRESS_API_KEY is set and WEBHOOK_URL is not: the public https URL that reaches this shop's ${webhookPath}${CALLBACK_PATH}`,
        2
      ))
    }
    const layer = KryptoExpressGateway({ callbackUrl, callbackKey: k.callbackKey, assets: k.assets ?? undefined }).pipe(
      Layer.provide(KryptoExpressLayer({ baseUrl: k.apiUrl, apiKey: k.apiKey })),
      Layer.provide(FetchHttpClient.layer)
    )
    return { layer, callbacks: { path: `${webhookPath}${CALLBACK_PATH}` as `/${string}`, key: k.callbackKey } }
  })

/** The whole running shop. `extra` lets tests add API transformers (e.g. to slow an emulator's idle polling). */
export const startLayer = (extra: Pick<TelegramSettings, "transformers"> = {}) =>
  Layer.unwrapEffect(Effect.gen(function*() {
    const config = yield* telegramConfig
    const krypto = yield* kryptoConfig
    const webhookPath = yield* webhookPathConfig
    const setup = yield* chainConfig
    if (Option.isNone(config.token)) return yield* Effect.fail(missingToken)
    const settings: TelegramSettings = {
      token: config.token.value,
      apiRoot: Option.getOrUndefined(config.apiRoot),
      shopName: config.shopName,
      helpText: Option.getOrUndefined(config.helpText),
      throttleMs: config.throttleMs,
      transformers: extra.transformers
    }
    const webhookUrl = Option.getOrUndefined(config.webhookUrl)
    yield* checkForwarding
    const processor = yield* processorLayer(krypto, webhookUrl, webhookPath)
    const http = { host: config.httpHost, port: Option.getOrElse(config.httpPort, () => DEFAULT_HTTP_PORT) }
    const callbacks = processor.callbacks
    let webhook: WebhookSettings | undefined

    const callbackRoutes = callbacks === undefined ? HttpRouter.empty : HttpRouter.empty.pipe(callbackRoute(callbacks.path, callbacks.key))
    let receiving
    if (webhookUrl === undefined) {
      // One process at a time polls the manager and its fronts: Telegram answers a second poller with 409.
      const polling = singleton("telegram/polling", Effect.flatMap(TelegramShop, (telegram) => telegram.poll))
      receiving = callbacks === undefined && Option.isNone(config.httpPort) ? polling : Layer.merge(polling, HttpServerLive(callbackRoutes, http))
    } else {
      const secret = config.webhookSecret
      if (Option.isNone(secret) || !/^[A-Za-z0-9_-]{1,256}$/.test(Redacted.value(secret.value))) {
        return yield* Effect.fail(new CliFailure(
          "WEBHOOK_SECRET must be set (1 to 256 of A-Z a-z 0-9 _ -) when WEBHOOK_URL is set: without it anyone could post updates",
          2
        ))
      }
      const telegramPath = telegramPathOf(webhookUrl, webhookPath)
      webhook = { url: `${new URL(webhookUrl).origin}${telegramPath}`, secret: secret.value }
      receiving = HttpServerLive(callbackRoutes.pipe(telegramRoute(telegramPath)), http)
    }
    const chains = chainAssets(setup).length > 0 || setup.solana.explicit
    const feeds = yield* feedNames(setup, Option.isSome(krypto), chains)
    const announcing = Layer.mergeAll(TelegramBroadcasterLive(settings, { perSecond: config.broadcastPerSecond }).pipe(Layer.provide(RateLimiterLive)), WorkflowRunnerLive, ApprovalRunnerLive, ForwardingRunnerLive)
    const services = Layer.mergeAll(TelegramNotifierLive(settings), processor.layer, ChainAddressValidator, deriverLayer(setup), announcing, chainLookupLayer(setup)).pipe(
      Layer.merge(pricesLayer(setup, feeds).pipe(Layer.provide(processor.layer))), // the feeds' PriceSource replaces the processor's
      Layer.provideMerge(EngineLive), // one cluster runner: the watchers, the announcements and the retention job share it
      Layer.provideMerge(StorageLive)
    )
    const shopSettings = Layer.effect(ShopConfig, Effect.gen(function*() {
      const shop = yield* shopConfig
      return { ...shop, chain: yield* chainSettings(setup) }
    })).pipe(Layer.provide(StorageLive))
    // Nothing starts (no polling, no watcher) when SHOP_CURRENCY no longer fits what the shop holds.
    const core = Layer.effectDiscard(checkShopCurrency).pipe(
      Layer.provideMerge(ShopLive.pipe(Layer.provideMerge(services), Layer.provideMerge(shopSettings)))
    )
    const watching = Layer.unwrapEffect(Effect.map(ShopConfig, (c) => watchersLayer(setup, c.chain)))
    const mode = `bot ${Redacted.value(config.token.value).split(":")[0]}: ${webhookUrl === undefined ? "long polling" : "webhook"}`
    const listed = Layer.effectDiscard(Effect.gen(function*() {
      const work = yield* RunningWork
      const telegram = yield* TelegramShop
      work.receiving.push(mode)
      if (webhookUrl === undefined) work.polled.push(telegram.polled)
    }))
    const telegram = TelegramShopLive(settings, webhook).pipe(Layer.provide(Layer.merge(RateLimiterLive, InboxLive)))
    return Layer.mergeAll(receiving, listed, ExpiryLive, InboxPruningLive, watching, AnnouncingLive, ApprovingLive, ForwardingLive, AuditSealingLive, BackupScheduleLive, CronHousekeepingLive, RunningMarkerLive).pipe(
      Layer.provide(telegram),
      Layer.provide(core),
      Layer.provide(RunningWorkLive) // one instance: the singletons write it, /health reads it
    )
  }))

/** Runs until interrupted (Ctrl-C, SIGTERM), with the event-loop watchdog (tests run `startLayer` without it). */
export const start = Layer.launch(Layer.merge(startLayer(), WatchdogLive))
