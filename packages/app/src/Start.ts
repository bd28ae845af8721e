/** `tokenshop start`: the shop on Telegram, over the configured storage. */
import { TelegramBotLive, TelegramNotifierLive, type TelegramSettings, TelegramWebhookLive } from "@tokenshop/adapters-telegram"
import { ShopLive } from "@tokenshop/domain"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { CliFailure } from "./cli/Output.js"
import { HttpServerLive } from "./Http.js"
import { PaymentsNotConfigured } from "./Services.js"
import { ShopConfigLive, StorageLive } from "./Shop.js"

export const telegramConfig = Config.all({
  token: Config.option(Config.redacted("BOT_TOKEN")),
  apiRoot: Config.option(Config.string("TELEGRAM_API_ROOT")).pipe(
    Config.mapOrFail((root) =>
      Option.isNone(root) || /^https?:\/\/[^\s]+$/.test(root.value)
        ? Either.right(root)
        : Either.left(ConfigError.InvalidData(["TELEGRAM_API_ROOT"], "must be an http(s) URL")))
  ),
  shopName: Config.string("SHOP_NAME").pipe(Config.withDefault("tokenshop")),
  helpText: Config.option(Config.string("HELP_TEXT")),
  throttleMs: Config.integer("THROTTLE_MS").pipe(Config.withDefault(500)),
  webhookUrl: Config.option(Config.string("WEBHOOK_URL")).pipe(
    Config.mapOrFail((url) =>
      Option.isNone(url) || /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(url.value)
        ? Either.right(url)
        : Either.left(ConfigError.InvalidData(["WEBHOOK_URL"], "must be an https:// URL")))
  ),
  webhookSecret: Config.option(Config.redacted("WEBHOOK_SECRET")),
  httpHost: Config.string("HTTP_HOST").pipe(Config.withDefault("127.0.0.1")),
  httpPort: Config.port("HTTP_PORT").pipe(Config.withDefault(8080))
})

const missingToken = new CliFailure(
  "BOT_TOKEN is not set: give the token @BotFather issued (BOT_TOKEN=... npm start), or try the shop without one: npm run demo",
  2
)

/** The whole running shop. `extra` lets tests add API transformers (e.g. to slow an emulator's idle polling). */
export const startLayer = (extra: Pick<TelegramSettings, "transformers"> = {}) =>
  Layer.unwrapEffect(Effect.gen(function*() {
    const config = yield* telegramConfig
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
    const receiving = webhookUrl === undefined
      ? TelegramBotLive(settings)
      : yield* Effect.gen(function*() {
        const secret = config.webhookSecret
        if (Option.isNone(secret) || !/^[A-Za-z0-9_-]{1,256}$/.test(Redacted.value(secret.value))) {
          return yield* Effect.fail(new CliFailure(
            "WEBHOOK_SECRET must be set (1 to 256 of A-Z a-z 0-9 _ -) when WEBHOOK_URL is set: without it anyone could post updates",
            2
          ))
        }
        const path = new URL(webhookUrl).pathname
        return HttpServerLive({ host: config.httpHost, port: config.httpPort, telegramPath: path === "/" ? "/telegram" : path as `/${string}` }).pipe(
          Layer.provide(TelegramWebhookLive(settings, { url: webhookUrl, secret: secret.value }))
        )
      })
    return receiving.pipe(
      Layer.provide(ShopLive),
      Layer.provide(Layer.mergeAll(StorageLive, TelegramNotifierLive(settings), PaymentsNotConfigured)),
      Layer.provide(ShopConfigLive)
    )
  }))

/** Runs until interrupted (Ctrl-C, SIGTERM). */
export const start = Layer.launch(startLayer())
