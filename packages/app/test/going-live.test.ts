/**
 * docs/going-live.md stays true: its example .env names only documented variables and is accepted by
 * the shop's own settings once its placeholders are filled in (and refused while they are left in),
 * the /id answer it quotes is the bot's, and the deploy files it links exist.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import * as PlatformConfigProvider from "@effect/platform/PlatformConfigProvider"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import { loadTranslator } from "@tokenshop/adapters-telegram"
import * as Config from "effect/Config"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { afterAll, describe, expect, it } from "vitest"
import { databaseConfig, kryptoConfig, shopConfig, webhookPathConfig } from "../src/Config.js"
import { telegramConfig } from "../src/Start.js"

const root = resolve(import.meta.dirname, "../../..")
const guide = readFileSync(join(root, "docs/going-live.md"), "utf8")
const operations = readFileSync(join(root, "docs/operations.md"), "utf8")
const PLACEHOLDER = "<openssl rand -hex 32>"

/** The example .env: the code block of the section "The `.env` file". */
const example = (() => {
  const section = guide.slice(guide.indexOf("## 3. The `.env` file"))
  const block = /```sh\n([\s\S]*?)```/g
  for (const match of section.matchAll(block)) if (match[1]!.includes("BOT_TOKEN=")) return match[1]!
  throw new Error("no example .env in docs/going-live.md")
})()

const scratch = mkdtempSync(join(tmpdir(), "tokenshop-env-"))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Reads the shop's settings from `text` as a .env file, as the shop does. */
const settingsFrom = (text: string) => {
  const file = join(scratch, `${Math.random().toString(36).slice(2)}.env`)
  writeFileSync(file, text)
  const all = Config.all({ telegram: telegramConfig, database: databaseConfig, krypto: kryptoConfig, shop: shopConfig, path: webhookPathConfig })
  return Effect.runPromise(Effect.gen(function*() {
    const provider = yield* PlatformConfigProvider.fromDotEnv(file)
    return yield* Effect.either(Effect.withConfigProvider(all, provider))
  }).pipe(Effect.provide(NodeFileSystem.layer)))
}

describe("docs/going-live.md", () => {
  it("shows an example .env of documented variables only", () => {
    const names = [...example.matchAll(/^#?\s?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!)
    expect(names).toEqual(expect.arrayContaining(["BOT_TOKEN", "ADMIN_IDS", "DATABASE_FILE", "WEBHOOK_URL", "WEBHOOK_SECRET", "HTTP_PORT", "KRYPTOEXPRESS_API_KEY"]))
    for (const name of names) expect(operations, name).toContain(`\`${name}\``)
  })

  it("whose values the shop accepts once the placeholders are filled in", async () => {
    const filled = await settingsFrom(example.replaceAll(PLACEHOLDER, "ab".repeat(32)))
    if (Either.isLeft(filled)) throw new Error(String(filled.left))
    expect(filled.right.telegram.httpPort).toEqual(Option.some(8080))
    expect(filled.right.database.file).toBe("./data/tokenshop.db")
  })

  it("and refuses while a placeholder is left in", async () => {
    expect(Either.isLeft(await settingsFrom(example))).toBe(true)
    for (const name of ["KRYPTOEXPRESS_CALLBACK_KEY"]) {
      const one = example.replaceAll(PLACEHOLDER, "ab".repeat(32)).replace(new RegExp(`^${name}=.*$`, "m"), `${name}=${PLACEHOLDER}`)
      expect(Either.isLeft(await settingsFrom(one)), name).toBe(true)
    }
  })

  it("quotes the bot's own answer to /id, and links deploy files that exist", () => {
    const answer = loadTranslator().t("en", "id-yours", { id: "123456789" }).replace(/<\/?code>/g, "")
    expect(guide).toContain(`*${answer}*`)
    for (const link of guide.matchAll(/\]\(\.\.\/(deploy\/[^)]+)\)/g)) expect(existsSync(join(root, link[1]!)), link[1]).toBe(true)
    expect([...guide.matchAll(/\]\(\.\.\/deploy\//g)].length).toBe(3)
  })
})
