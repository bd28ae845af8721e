/** `tokenshop start`: the shop on Telegram, over the configured storage. */
import { TelegramBotLive, TelegramNotifierLive, type TelegramSettings } from "@tokenshop/adapters-telegram"
import { ShopLive } from "@tokenshop/domain"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { CliFailure } from "./cli/Output.js"
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
  throttleMs: Config.integer("THROTTLE_MS").pipe(Config.withDefault(500))
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
    return TelegramBotLive(settings).pipe(
      Layer.provide(ShopLive),
      Layer.provide(Layer.mergeAll(StorageLive, TelegramNotifierLive(settings), PaymentsNotConfigured)),
      Layer.provide(ShopConfigLive)
    )
  }))

/** Runs until interrupted (Ctrl-C, SIGTERM). */
export const start = Layer.launch(startLayer())
