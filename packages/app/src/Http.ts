/** The shop's HTTP server: Telegram's webhook and the payment processor's signed callbacks. */
import { createServer } from "node:http"
import * as FileSystem from "@effect/platform/FileSystem"
import * as HttpIncomingMessage from "@effect/platform/HttpIncomingMessage"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServer from "@effect/platform/HttpServer"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { CallbackKey, handleCallback, MAX_CALLBACK_BYTES } from "@tokenshop/adapters-krypto"
import { TelegramShop } from "@tokenshop/adapters-telegram"
import { BotId } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import { healthText } from "./runtime/RunningWork.js"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"

/** GET: answers `ok`; not under WEBHOOK_PATH. */
export const HEALTH_PATH = "/health"

/** Appended to WEBHOOK_PATH: Telegram's route when WEBHOOK_URL names no path of its own. */
export const TELEGRAM_PATH = "/telegram"

/** The path Telegram's updates are served on: WEBHOOK_URL's own path, else WEBHOOK_PATH + /telegram. */
export const telegramPathOf = (webhookUrl: string, webhookPath: string): `/${string}` => {
  const path = new URL(webhookUrl).pathname
  return (path === "/" ? `${webhookPath}${TELEGRAM_PATH}` : path) as `/${string}`
}

const isUpdate = (u: unknown): boolean =>
  typeof u === "object" && u !== null && "update_id" in u && Number.isSafeInteger(u.update_id)

/** A bot id in a path: plain decimal digits. */
const botInPath = (text: string | undefined): BotId | undefined =>
  text !== undefined && /^[1-9]\d{0,15}$/.test(text) ? BotId.make(Number(text)) : undefined

/**
 * POST path: the manager bot's updates; POST path/{bot id}: a shop front's. Each accepted only with
 * that bot's secret-token header; an unknown or stopped bot is 404.
 */
export const telegramRoute = (path: `/${string}`) => <E, R>(router: HttpRouter.HttpRouter<E, R>) =>
  router.pipe(
    HttpRouter.post(path, receiveUpdate(undefined)),
    HttpRouter.post(`${path}/:bot`, Effect.flatMap(HttpRouter.params, (p) => {
      const bot = botInPath(p["bot"])
      return bot === undefined ? Effect.succeed(HttpServerResponse.text("not found", { status: 404 })) : receiveUpdate(bot)
    }))
  )

const receiveUpdate = (bot: BotId | undefined) =>
  Effect.gen(function*() {
    const telegram = yield* TelegramShop
    const request = yield* HttpServerRequest.HttpServerRequest
    if (!telegram.authorized(bot, request.headers["x-telegram-bot-api-secret-token"])) {
      return HttpServerResponse.text("unauthorized", { status: 401 })
    }
    const body = yield* request.json.pipe(
      HttpIncomingMessage.withMaxBodySize(Option.some(FileSystem.MiB(1))),
      Effect.option
    )
    if (Option.isNone(body) || !isUpdate(body.value)) return HttpServerResponse.text("bad request", { status: 400 })
    const handled = yield* telegram.handle(bot, body.value)
    return handled ? HttpServerResponse.empty({ status: 200 }) : HttpServerResponse.text("not found", { status: 404 })
  })

/**
 * POST path/{reference} (and the bare path, for payments opened before references): KryptoExpress's
 * callback. The body is read as raw bytes (at most 64 KiB) and handed to the adapter, which checks
 * the signature before anything else.
 */
export const callbackRoute = (path: `/${string}`, key: Redacted.Redacted<string>) => <E, R>(router: HttpRouter.HttpRouter<E, R>) =>
  router.pipe(
    HttpRouter.post(path, receiveCallback(undefined, key)),
    HttpRouter.post(`${path}/:reference`, Effect.flatMap(HttpRouter.params, (p) => receiveCallback(p["reference"] ?? "", key)))
  )

const receiveCallback = (reference: string | undefined, key: Redacted.Redacted<string>) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const declared = Number(request.headers["content-length"] ?? "0")
    if (Number.isFinite(declared) && declared > MAX_CALLBACK_BYTES) return HttpServerResponse.text("body too large", { status: 413 })
    const body = yield* request.arrayBuffer.pipe(
      HttpIncomingMessage.withMaxBodySize(Option.some(FileSystem.Size(MAX_CALLBACK_BYTES))),
      Effect.either
    )
    if (body._tag === "Left") return HttpServerResponse.text("body too large or unreadable", { status: 413 })
    const signature = request.headers["x-signature"]
    const answer = yield* handleCallback({ reference, body: new Uint8Array(body.right), contentType: request.headers["content-type"], signature }).pipe(
      Effect.provideService(CallbackKey, key)
    )
    return HttpServerResponse.text(answer.text, { status: answer.status })
  })

export interface HttpSettings {
  readonly host: string
  readonly port: number
}

/** Serves `routes` (plus GET HEALTH_PATH) on host:port. */
export const HttpServerLive = <E, R>(routes: HttpRouter.HttpRouter<E, R>, settings: HttpSettings) =>
  routes.pipe(
    HttpRouter.get(HEALTH_PATH, Effect.map(healthText, (text) => HttpServerResponse.text(text))),
    HttpServer.serve(),
    HttpServer.withLogAddress,
    Layer.provide(NodeHttpServer.layer(() => createServer(), { port: settings.port, host: settings.host }))
  )
