/** The shop's HTTP server: Telegram's webhook (and, later, the payment processor's callbacks). */
import { createServer } from "node:http"
import * as FileSystem from "@effect/platform/FileSystem"
import * as HttpIncomingMessage from "@effect/platform/HttpIncomingMessage"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServer from "@effect/platform/HttpServer"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { TelegramWebhook } from "@tokenshop/adapters-telegram"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"

const isUpdate = (u: unknown): boolean =>
  typeof u === "object" && u !== null && "update_id" in u && Number.isSafeInteger(u.update_id)

/** POST path: Telegram's update, accepted only with the right secret-token header. */
const telegramRoute = (path: HttpRouter.PathInput) =>
  HttpRouter.post(path, Effect.gen(function*() {
    const webhook = yield* TelegramWebhook
    const request = yield* HttpServerRequest.HttpServerRequest
    if (!webhook.authorized(request.headers["x-telegram-bot-api-secret-token"])) {
      return HttpServerResponse.text("unauthorized", { status: 401 })
    }
    const body = yield* request.json.pipe(
      HttpIncomingMessage.withMaxBodySize(Option.some(FileSystem.MiB(1))),
      Effect.option
    )
    if (Option.isNone(body) || !isUpdate(body.value)) return HttpServerResponse.text("bad request", { status: 400 })
    yield* webhook.handle(body.value)
    return HttpServerResponse.empty({ status: 200 })
  }))

export interface HttpSettings {
  readonly host: string
  readonly port: number
  /** Where Telegram posts updates (the path of WEBHOOK_URL). */
  readonly telegramPath: HttpRouter.PathInput
}

export const HttpServerLive = (settings: HttpSettings) =>
  HttpRouter.empty.pipe(
    telegramRoute(settings.telegramPath),
    HttpRouter.get("/health", HttpServerResponse.text("ok")),
    HttpServer.serve(),
    HttpServer.withLogAddress,
    Layer.provide(NodeHttpServer.layer(() => createServer(), { port: settings.port, host: settings.host }))
  )
