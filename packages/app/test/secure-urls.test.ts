/** The processor's API and a Bot API server are reached over https; plain http only on this machine. */
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { kryptoConfig } from "../src/Config.js"
import { telegramConfig } from "../src/Start.js"

const read = <A>(config: Effect.Effect<A, unknown>, env: Record<string, string>) =>
  Effect.runSync(Effect.either(config.pipe(Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env)))))))

describe("API URLs", () => {
  const cases = [
    ["https://kryptoexpress.pro/api", true],
    ["http://127.0.0.1:8080/api", true],
    ["http://localhost:8080", true],
    ["http://[::1]:8080", true],
    ["http://kryptoexpress.pro/api", false],
    ["http://10.0.0.5/api", false],
    ["http://127.0.0.1.evil.example/api", false],
    ["ftp://kryptoexpress.pro", false],
    ["not a url", false]
  ] as const

  it.each(cases)("KRYPTOEXPRESS_API_URL %s: accepted %s", (url, ok) => {
    const result = read(kryptoConfig, { KRYPTOEXPRESS_API_KEY: "k", KRYPTOEXPRESS_API_URL: url })
    expect(Either.isRight(result)).toBe(ok)
    if (!ok) expect(String(Either.getLeft(result).pipe((e) => e._tag === "Some" ? e.value : ""))).toContain("KRYPTOEXPRESS_API_URL")
  })

  it.each(cases)("TELEGRAM_API_ROOT %s: accepted %s", (url, ok) => {
    const result = read(telegramConfig, { TELEGRAM_API_ROOT: url })
    expect(Either.isRight(result)).toBe(ok)
    if (!ok) expect(String(Either.getLeft(result).pipe((e) => e._tag === "Some" ? e.value : ""))).toContain("TELEGRAM_API_ROOT")
  })
})
