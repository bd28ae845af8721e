import { describe, expect, it } from "@effect/vitest"
import { TelegramId, Users } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import type { Update } from "grammy/types"
import { isIdCommand } from "../src/IdCommand.js"
import { loadTranslator } from "../src/I18n.js"
import { commandMenu } from "../src/TelegramBot.js"
import { admin, ADMIN, makeHarness, settings, texts } from "./harness.js"

/** A text message from `user` in a group chat. */
const inGroup = (updateId: number, user: number, chat: number, text: string): Update => ({
  update_id: updateId,
  message: {
    message_id: updateId, date: 0, chat: { id: chat, type: "group", title: "owners" },
    from: { id: user, is_bot: false, first_name: "x", language_code: "en" }, text
  }
})

describe("/id", () => {
  it.scoped("tells any user their numeric id, digits ungrouped, and nothing else", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      const answer = yield* h.text(123456789, "/id")
      expect(texts(answer)).toEqual(["Your Telegram id is <code>123456789</code>."])
      expect(answer.find((c) => c.method === "sendMessage")?.payload["parse_mode"]).toBe("HTML")
      expect(texts(yield* h.text(ADMIN, "/id"))).toEqual([`Your Telegram id is <code>${ADMIN}</code>.`])
      expect(texts(yield* h.text(77, "/id", "de"))).toEqual(["Deine Telegram-ID ist <code>77</code>."])
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("answers a banned user too, who still gets nothing else", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      yield* h.text(5, "/start")
      yield* (yield* Users).setBanned(admin, TelegramId.make(5), true)
      expect(texts(yield* h.text(5, "/id"))).toEqual(["Your Telegram id is <code>5</code>."])
      expect(texts(yield* h.text(5, "/start"))).toEqual(["Your access to this shop has been blocked."])
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("names the chat too in a group, and only when addressed to this bot", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      expect(texts(yield* h.replay(inGroup(5001, 42, -100777, "/id@shop_bot"))))
        .toEqual(["Your Telegram id is <code>42</code>; this chat's id is <code>-100777</code>."])
      expect(texts(yield* h.replay(inGroup(5002, 42, -100777, "/id")))).toHaveLength(1)
      expect(texts(yield* h.replay(inGroup(5003, 42, -100777, "/id@another_bot"))).join()).not.toContain("Telegram id")
      expect(texts(yield* h.text(42, "/idea")).join()).toContain("Welcome to Test Shop")
    }).pipe(Effect.provide(ShopMemory(settings))))

  it("recognises the command's forms", () => {
    expect(["/id", "/id please", "/id@Shop_Bot", "/id@shop_bot x"].map((t) => isIdCommand(t, "shop_bot"))).toEqual([true, true, true, true])
    expect(["/idea", "id", " /id", "/id@other_bot", "/start"].map((t) => isIdCommand(t, "shop_bot"))).toEqual([false, false, false, false, false])
  })

  it("is in the command menu of every language", () => {
    const translator = loadTranslator()
    for (const language of translator.languages) {
      const id = commandMenu(translator, language).find((c) => c.command === "id")
      expect(id?.description, language).not.toBe("command-id")
    }
    expect(commandMenu(translator, "en").map((c) => c.command)).toEqual(["start", "help", "id"])
  })
})
