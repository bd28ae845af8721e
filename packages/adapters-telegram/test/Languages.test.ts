/** The six languages: picked from Telegram's language_code on first contact, switchable in the profile, money per locale. */
import { describe, expect, it } from "@effect/vitest"
import { idempotencyKey, Ledger, money, TelegramId } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import { loadTranslator } from "../src/I18n.js"
import { admin, alerts, buttons, makeHarness, settings, texts } from "./harness.js"

const credit = (user: number, cents: bigint) =>
  Effect.flatMap(Ledger, (l) => l.adjust(admin, { user: TelegramId.make(user), direction: "credit", amount: money(cents, "USD"), reason: "test", key: idempotencyKey("t", user, cents) }))

describe("languages", () => {
  it("maps Telegram language codes to the closest locale, else English", () => {
    const { pick, languages } = loadTranslator()
    expect(languages).toEqual(["en", "de", "es", "fr", "it", "zh"])
    const cases: ReadonlyArray<readonly [string | null | undefined, string]> = [
      ["es", "es"], ["es-MX", "es"], ["fr-CA", "fr"], ["FR", "fr"], ["it", "it"], ["it-CH", "it"], ["de-AT", "de"],
      ["zh-hans", "zh"], ["zh-CN", "zh"], ["zh-TW", "zh"], ["zh_Hant_HK", "zh"], ["pt", "en"], ["pt-BR", "en"], ["en-GB", "en"],
      ["", "en"], [null, "en"], [undefined, "en"]
    ]
    for (const [code, language] of cases) expect(pick(code), String(code)).toBe(language)
  })

  it.scoped("a new buyer is welcomed in the language of their Telegram app", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      expect(texts(yield* h.text(31, "/start", "es"))[0]).toContain("¡Bienvenido a Test Shop!")
      expect(texts(yield* h.text(32, "/start", "zh-CN"))[0]).toContain("欢迎光临 Test Shop！")
      expect(texts(yield* h.text(33, "/start", "fr-CA"))[0]).toContain("Bienvenue chez Test Shop")
      expect(texts(yield* h.text(34, "/start", "it"))[0]).toContain("Benvenuto in Test Shop")
      expect(texts(yield* h.text(35, "/start", "pt"))[0]).toContain("Welcome to Test Shop")
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("the profile offers all six languages by their own names; Français switches the next screens", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      yield* h.text(41, "/start", "es")
      const choice = yield* h.press(41, { _tag: "Languages" })
      const offered = buttons(choice.find((c) => c.method === "editMessageText"))
      expect(offered.map((b) => b.text)).toEqual(["English", "Deutsch", "✓ Español", "Français", "Italiano", "中文", "⬅️ Atrás"])
      const francais = offered.find((b) => b.text === "Français")!
      const switched = yield* h.press(41, francais.callback_data)
      expect(alerts(switched)).toEqual(["Langue réglée sur le français."])
      expect(texts(switched)[0]).toContain("Mon profil")
      expect(texts(yield* h.text(41, "/start"))[0]).toContain("Bienvenue chez Test Shop")
      const menu = buttons((yield* h.press(41, { _tag: "Main" })).find((c) => c.method === "editMessageText"))
      expect(menu.map((b) => b.text)).toContain("👤 Mon profil")
    }).pipe(Effect.provide(ShopMemory(settings))))

  it.scoped("money on the profile follows the buyer's language", () =>
    Effect.gen(function*() {
      const h = yield* makeHarness()
      const expected = [
        ["en", "Available: $12.50"],
        ["de", "Verfügbar: 12,50\u00a0$"],
        ["es", "Disponible: 12,50\u00a0US$"],
        ["fr", "Disponible : 12,50\u00a0$US"],
        ["it", "Disponibile: 12,50\u00a0USD"],
        ["zh", "可用：US$12.50"]
      ] as const
      let user = 50
      for (const [language, line] of expected) {
        user += 1
        yield* h.text(user, "/start", language)
        yield* credit(user, 1250n)
        expect(texts(yield* h.press(user, { _tag: "Profile" }))[0], language).toContain(line)
      }
    }).pipe(Effect.provide(ShopMemory(settings))))
})
