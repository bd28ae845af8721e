/**
 * One typed table from each button to its handler, and from each question to its answer: a button
 * or a question without a handler does not compile. Each feature takes its services once, when the
 * router is built, never per update.
 */
import { Announcements, Prompts, type User, Users } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { Context as TgContext } from "grammy"
import { adminGuard } from "./admin/AsAdmin.js"
import { adminHandlers } from "./admin/AdminHandlers.js"
import { announceHandlers, type Photo } from "./admin/announce/AnnounceHandlers.js"
import { creditHandlers, isCreditCommand } from "./admin/credit/CreditHandlers.js"
import { guardHandlers } from "./admin/guard/GuardHandlers.js"
import { inventoryHandlers } from "./admin/inventory/InventoryHandlers.js"
import { makeUpload } from "./admin/inventory/Upload.js"
import { statsHandlers } from "./admin/stats/StatsHandlers.js"
import { usersHandlers } from "./admin/users/UsersHandlers.js"
import { type Asked, readAsked } from "./Asked.js"
import type { Callback } from "./CallbackData.js"
import { cartHandlers } from "./cart/CartHandlers.js"
import { catalogHandlers } from "./catalog/CatalogHandlers.js"
import { fleetHandlers, isFleetCommand } from "./fleet/FleetHandlers.js"
import type { Answer, Answers, BotSettings, Document, Handler, Handlers } from "./Handler.js"
import { profileHandlers } from "./profile/ProfileHandlers.js"
import { mainMenu } from "./profile/ProfileScreens.js"
import type { Speaker } from "./Screens.js"
import { send, sendText } from "./TelegramApi.js"
import { topUpHandlers } from "./topup/TopUpHandlers.js"

export const makeRouter = (settings: BotSettings) =>
  Effect.gen(function*() {
    const users = yield* Users
    const prompts = yield* Prompts
    const announcements = yield* Announcements
    const catalog = yield* catalogHandlers(settings)
    const topUp = yield* topUpHandlers
    const admin = yield* adminHandlers
    const inventory = yield* inventoryHandlers
    const customers = yield* usersHandlers
    const upload = yield* makeUpload(yield* adminGuard, settings.fileUrl)
    const announce = yield* announceHandlers
    const fleet = yield* fleetHandlers(settings.fleet)
    const credit = yield* creditHandlers
    const handlers = {
      ...(yield* profileHandlers(settings)),
      ...catalog.handlers,
      ...(yield* cartHandlers(settings)),
      ...topUp.handlers,
      ...admin.handlers,
      ...inventory.handlers,
      ...customers.handlers,
      ...(yield* statsHandlers),
      ...announce.handlers,
      ...(yield* guardHandlers),
      ...credit.handlers,
      ...fleet.handlers
    } satisfies Handlers<Callback["_tag"]>
    const answers = {
      ...catalog.answers,
      ...topUp.answers,
      ...admin.answers,
      ...inventory.answers,
      ...customers.answers,
      ...announce.answers,
      ...credit.answers
    } satisfies Answers<Asked["_tag"]>

    const menu = (ctx: TgContext, user: User, s: Speaker) => send(ctx, mainMenu(s, settings.shopName, users.isAdmin(user.id)))

    return {
      /** A decoded button press, to the handler of its variant. */
      press: (ctx: TgContext, user: User, s: Speaker, callback: Callback) =>
        (handlers[callback._tag] as Handler<Callback["_tag"]>)(ctx, user, s, callback),
      /**
       * Any text: the answer to the open question when there is one (a command cancels it); /help the
       * help; /start and everything else the main menu.
       */
      text: (ctx: TgContext, user: User, s: Speaker, text: string) =>
        Effect.gen(function*() {
          const open = yield* prompts.current(user.id)
          if (Option.isSome(open) && !text.startsWith("/")) {
            const asked = readAsked(open.value)
            if (Option.isSome(asked)) {
              const taken = yield* (answers[asked.value._tag] as Answer<Asked["_tag"]>)(ctx, user, s, asked.value, text)
              if (taken !== false) return
            }
          }
          if (Option.isSome(open)) yield* prompts.clear(user.id)
          // A buyer who blocked the bot and starts it again can be reached by announcements again.
          if (text.startsWith("/start")) yield* announcements.reachable(user.id)
          if (isFleetCommand(text) && (yield* fleet.command(ctx, user, s, text)) !== false) return
          if (isCreditCommand(text) && (yield* credit.command(ctx, user, s, text)) !== false) return
          if (text.startsWith("/help")) return yield* sendText(ctx, settings.helpText ?? s.html("help-text"))
          return yield* menu(ctx, user, s)
        }),
      /** A file: an inventory when one was asked for (the upload checks the admin again), else the main menu. */
      document: (ctx: TgContext, user: User, s: Speaker, doc: Document) =>
        Effect.gen(function*() {
          const asked = Option.flatMap(yield* prompts.current(user.id), readAsked)
          if (Option.isSome(asked) && asked.value._tag === "UploadFile" && (yield* upload(ctx, user, s, doc)) !== false) return
          return yield* menu(ctx, user, s)
        }),
      /** A photo: a broadcast when an announcement's text was asked for (the admin checked again), else the main menu. */
      photo: (ctx: TgContext, user: User, s: Speaker, photo: Photo) =>
        Effect.gen(function*() {
          const asked = Option.flatMap(yield* prompts.current(user.id), readAsked)
          if (Option.isSome(asked) && asked.value._tag === "AnnounceText" && (yield* announce.photo(ctx, user, s, photo)) !== false) return
          return yield* menu(ctx, user, s)
        })
    }
  })

export type Router = Effect.Effect.Success<ReturnType<typeof makeRouter>>
