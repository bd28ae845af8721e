/**
 * deploy/Caddyfile and deploy/nginx.conf forward exactly the routes the shop serves for the settings
 * they are written for, unchanged, to the address it listens on by default; the paths come from the code.
 */
import { readFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { CALLBACK_PATH } from "@tokenshop/adapters-krypto"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import { describe, expect, it } from "vitest"
import { HEALTH_PATH, telegramPathOf } from "../src/Http.js"
import { DEFAULT_HTTP_PORT, telegramConfig } from "../src/Start.js"

const root = resolve(import.meta.dirname, "../../..")
const read = (file: string) => readFileSync(join(root, "deploy", file), "utf8")

/** The settings both files are written for (named in their headers). */
const WEBHOOK_URL = "https://shop.example.com/telegram"
const WEBHOOK_PATH = ""
const defaults = Effect.runSync(Effect.withConfigProvider(telegramConfig, ConfigProvider.fromMap(new Map())))
const upstream = `${defaults.httpHost}:${DEFAULT_HTTP_PORT}`
const host = new URL(WEBHOOK_URL).host

/** Exact paths, and prefixes under which every path is the shop's (a shop front's /{bot id}, a callback's /{reference}). */
const exact = [telegramPathOf(WEBHOOK_URL, WEBHOOK_PATH), `${WEBHOOK_PATH}${CALLBACK_PATH}`, HEALTH_PATH].sort()
const prefixes = [`${telegramPathOf(WEBHOOK_URL, WEBHOOK_PATH)}/`, `${WEBHOOK_PATH}${CALLBACK_PATH}/`]

describe.each(["Caddyfile", "nginx.conf"])("deploy/%s", (file) => {
  it("is written for the settings it names in its header", () => {
    const text = read(file)
    expect(text).toContain(`WEBHOOK_URL=${WEBHOOK_URL}`)
    expect(text).toContain(`KRYPTOEXPRESS_CALLBACK_URL=${new URL(WEBHOOK_URL).origin}${WEBHOOK_PATH}${CALLBACK_PATH} `)
    expect(text).toContain(`HTTP_HOST=${defaults.httpHost}  HTTP_PORT=${DEFAULT_HTTP_PORT}`)
  })
})

describe("deploy/Caddyfile", () => {
  const text = read("Caddyfile")
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"))

  it("forwards exactly the shop's paths, and nothing else, to its default address", () => {
    expect(lines[0]).toBe(`${host} {`)
    const matchers = lines.filter((l) => l.startsWith("@shop "))
    expect(matchers).toHaveLength(1)
    const paths = matchers[0]!.split(/\s+/).slice(2)
    expect(paths.filter((p) => !p.endsWith("*")).sort()).toEqual(exact)
    expect(paths.filter((p) => p.endsWith("*")).map((p) => p.slice(0, -1))).toEqual(prefixes)
    const proxies = lines.filter((l) => l.startsWith("reverse_proxy"))
    expect(proxies).toEqual([`reverse_proxy ${upstream}`])
    expect(lines).toContain("handle @shop {")
    expect(lines).toContain("respond 404")
    // no rewriting: the shop sees the public path
    expect(lines.filter((l) => /^(uri|rewrite|handle_path|strip_prefix)\b/.test(l))).toEqual([])
  })
})

describe("deploy/nginx.conf", () => {
  const text = read("nginx.conf")
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"))
  const locations = lines.filter((l) => l.startsWith("location ")).map((l) => l.replace(/\s*\{$/, "").split(/\s+/).slice(1))

  it("forwards exactly the shop's paths, unchanged, to its default address; anything else is 404", () => {
    expect(lines.filter((l) => l.startsWith("server_name "))).toEqual([`server_name ${host};`, `server_name ${host};`])
    expect(locations.filter(([kind]) => kind === "=").map(([, path]) => path).sort()).toEqual(exact)
    expect(locations.filter(([kind]) => kind === "^~").map(([, path]) => path)).toEqual(prefixes)
    expect(locations.filter((l) => l.length === 1)).toEqual([["/"]])
    expect(locations).toHaveLength(exact.length + prefixes.length + 1)
    // one proxy_pass per forwarded location, naming no path (so nginx passes the request's own)
    expect(lines.filter((l) => l.startsWith("proxy_pass"))).toEqual(Array(exact.length + prefixes.length).fill(`proxy_pass http://${upstream};`))
    const catchAll = text.slice(text.indexOf("location / {"))
    expect(catchAll).toMatch(/^location \/ \{\s*return 404;/)
  })
})
