/**
 * The manager bot's admin commands for its shop fronts: `/add TOKEN` (the message holding the token
 * is deleted from the chat at once), `/bots` (the list), `/remove` (the list, then a confirmed
 * button). In a child bot an admin is pointed to the manager; anyone else gets the main menu.
 */
import type { User } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import type { Context as TgContext } from "grammy"
import { adminGuard } from "../admin/AsAdmin.js"
import type { Handlers } from "../Handler.js"
import { notice, type Speaker } from "../Screens.js"
import { reply, send, sendText } from "../TelegramApi.js"
import type { FleetControl } from "./FleetControl.js"
import { added, confirmRemove, fleetList, removed } from "./FleetScreens.js"

/** The commands this file answers; any other text goes on to the router. */
export const isFleetCommand = (text: string) => /^\/(add|bots|remove)(@\w+)?(\s|$)/.test(text)

export const fleetHandlers = (fleet: FleetControl | undefined) =>
  Effect.gen(function*() {
    const guard = yield* adminGuard
    const onlyManager = (ctx: TgContext, s: Speaker) => reply(ctx, notice(s, "fleet-only-manager", undefined, { _tag: "Admin" }))
    const gone = (ctx: TgContext, s: Speaker) => reply(ctx, notice(s, "fleet-gone", undefined, { _tag: "Bots" }))

    const handlers = {
      Bots: (ctx, user, s) =>
        guard.press(ctx, user, s, () => fleet === undefined ? onlyManager(ctx, s) : Effect.flatMap(fleet.list, (list) => reply(ctx, fleetList(s, list)))),
      BotRemove: (ctx, user, s, { bot }) =>
        guard.press(ctx, user, s, () =>
          fleet === undefined ? onlyManager(ctx, s) : Effect.flatMap(fleet.list, (list) => {
            const front = list.find((f) => f.id === bot)
            return front === undefined ? gone(ctx, s) : reply(ctx, confirmRemove(s, front))
          })),
      BotRemoveConfirm: (ctx, user, s, { bot }) =>
        guard.press(ctx, user, s, (admin) =>
          fleet === undefined ? onlyManager(ctx, s) : fleet.remove(admin, bot).pipe(
            Effect.flatMap((front) => reply(ctx, removed(s, front))),
            Effect.catchTag("ShopFrontNotFound", () => gone(ctx, s))
          ))
    } satisfies Handlers<"Bots" | "BotRemove" | "BotRemoveConfirm">

    /** `/add TOKEN`, `/bots`, `/remove`; false when the text is not for this file (not an admin: the menu is shown). */
    const command = (ctx: TgContext, user: User, s: Speaker, text: string) =>
      guard.typed(user, (admin) =>
        Effect.gen(function*() {
          if (fleet === undefined) return yield* send(ctx, notice(s, "fleet-only-manager", undefined, { _tag: "Admin" }))
          const [name = "", token = ""] = text.trim().split(/\s+/)
          if (!name.startsWith("/add")) return yield* Effect.flatMap(fleet.list, (list) => send(ctx, fleetList(s, list)))
          // The token must not stay in the chat's history.
          if (token !== "") yield* Effect.tryPromise(() => ctx.deleteMessage()).pipe(Effect.ignore)
          if (token === "") return yield* sendText(ctx, s.html("fleet-add-usage"))
          return yield* fleet.add(admin, token).pipe(
            Effect.flatMap((front) => send(ctx, added(s, front))),
            Effect.catchTags({
              BadToken: () => sendText(ctx, s.html("fleet-bad-token")),
              TokenRejected: () => sendText(ctx, s.html("fleet-token-rejected")),
              IsManager: () => sendText(ctx, s.html("fleet-is-manager")),
              ShopFrontExists: () => sendText(ctx, s.html("fleet-exists")),
              TelegramUnreachable: (e) => sendText(ctx, s.html("fleet-unreachable", { reason: e.reason })),
              NotAdmin: () => sendText(ctx, s.html("button-expired"))
            })
          )
        }))

    return { handlers, command }
  })
