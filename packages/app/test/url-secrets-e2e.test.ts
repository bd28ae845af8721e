/**
 * A key inside a node URL never leaves the process. The shop runs as `tokenshop start` runs it, its
 * four chain sources configured with URLs that carry a canary key: two point at a port nobody listens
 * on, two at a server that answers 503. Once every watcher has failed and recorded why, and an admin
 * has opened the Deposits screen, the canary is nowhere: not in the log lines (at every level), the
 * process's stdout or stderr, the database files, the Bot API calls, or the trace spans.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { FakeCoinGecko, FakeKraken } from "@tokenshop/adapters-chain/fake"
import { accountPublicKey, solanaAddresses } from "@tokenshop/adapters-chain/offline"
import { SqliteStorage } from "@tokenshop/adapters-sql"
import { buyer, type Emulator, freePort, idlePolling, startEmulator, unsupportedMethods } from "@tokenshop/adapters-telegram/emulator"
import { ChainDeposits, DepositAddresses, operator } from "@tokenshop/domain"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Tracer from "effect/Tracer"
import type { Transformer } from "grammy"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startLayer } from "../src/Start.js"
import { TEST_GOODS_KEY, testGoodsKeys } from "./goodsKey.js"

const TOKEN = "123456:secrets"
const ADMIN = 4100
const CANARY = "canaryKey9d41c7"
const MNEMONIC = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
const key = (chain: "bitcoin" | "ethereum" | "tron") => Either.getOrThrow(accountPublicKey(MNEMONIC, "", chain))

describe("node URLs with a key in them", () => {
  const dir = mkdtempSync(join(tmpdir(), "tokenshop-secrets-"))
  const file = join(dir, "shop.db")
  const down = createServer((_req, res) => {
    res.writeHead(503)
    res.end("unavailable")
  })
  const [kraken, coingecko] = [new FakeKraken(), new FakeCoinGecko()]
  const lines: Array<string> = []
  const written: Array<string> = []
  const calls: Array<string> = []
  const spans: Array<Tracer.Span> = []
  let server: Emulator
  let shop: Fiber.RuntimeFiber<unknown, unknown>
  const writes = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) }

  beforeAll(async () => {
    server = await startEmulator()
    await Promise.all([kraken.start(), coingecko.start(), new Promise<void>((r) => down.listen(0, "127.0.0.1", () => r()))])
    await Effect.runPromise(Effect.flatMap(DepositAddresses, (d) => d.importPool(operator("test"), "solana", Either.getOrThrow(solanaAddresses(MNEMONIC, "", 0, 2)))).pipe(
      Effect.provide(ShopMemory({}, { storage: SqliteStorage({ filename: file, goodsKeys: testGoodsKeys }) })),
      Effect.orDie
    ))
    const downUrl = `http://127.0.0.1:${(down.address() as AddressInfo).port}`
    const refused = `http://127.0.0.1:${await freePort()}`
    const env = new Map([
      ["BOT_TOKEN", TOKEN], ["TELEGRAM_API_ROOT", server.config.apiURL], ["DATABASE_FILE", file], ["GOODS_ENCRYPTION_KEY", TEST_GOODS_KEY], ["THROTTLE_MS", "0"], ["ADMIN_IDS", String(ADMIN)],
      ["BTC_XPUB", key("bitcoin")], ["BTC_ESPLORA_URL", `${downUrl}/esplora/${CANARY}/api`],
      ["ETH_XPUB", key("ethereum")], ["ETH_RPC_URL", `${refused}/v3/${CANARY}`],
      ["TRON_XPUB", key("tron")], ["TRONGRID_URL", `${downUrl}/tron?apikey=${CANARY}`],
      ["SOL_RPC_URL", `${refused}/solana/${CANARY}`],
      ["KRAKEN_API_URL", kraken.url], ["COINGECKO_API_URL", coingecko.url], ["CHAIN_POLL_SECONDS", "1"]
    ])
    const record: Transformer = async (prev, method, payload, signal) => {
      calls.push(`${method} ${JSON.stringify(payload)}`)
      return prev(method, payload, signal)
    }
    const native = Effect.runSync(Effect.tracer)
    const tracer = Tracer.make({
      span: (...args) => {
        const span = native.span(...args)
        spans.push(span)
        return span
      },
      context: native.context
    })
    process.stdout.write = ((chunk: unknown, ...rest: Array<never>) => (written.push(String(chunk)), writes.out(chunk as string, ...rest))) as never
    process.stderr.write = ((chunk: unknown, ...rest: Array<never>) => (written.push(String(chunk)), writes.err(chunk as string, ...rest))) as never
    shop = Effect.runFork(Layer.launch(startLayer({ transformers: [record, unsupportedMethods(), idlePolling] })).pipe(
      Effect.withConfigProvider(ConfigProvider.fromMap(env)),
      Effect.withTracer(tracer),
      Logger.withMinimumLogLevel(LogLevel.All),
      Effect.provide(Logger.replace(Logger.defaultLogger, Logger.make((options) => void lines.push(Logger.logfmtLogger.log(options)))))
    ))
  }, 60_000)

  afterAll(async () => {
    process.stdout.write = writes.out
    process.stderr.write = writes.err
    if (shop !== undefined) await Effect.runPromise(Fiber.interrupt(shop))
    await Promise.all([kraken.stop(), coingecko.stop(), new Promise<void>((r) => down.close(() => r()))])
    await server?.stop()
    rmSync(dir, { recursive: true, force: true })
  }, 60_000)

  const watchers = () =>
    Effect.runPromise(Effect.flatMap(ChainDeposits, (c) => c.overview(operator("test"), { offset: 0, limit: 1 })).pipe(
      Effect.map((o) => o.watchers),
      Effect.provide(ShopMemory({}, { storage: SqliteStorage({ filename: file, goodsKeys: testGoodsKeys }) })),
      Effect.orDie
    ))

  it("errors name the source and its host; the key is in no log, output, database file, Bot API call or span", async () => {
    let failing: ReadonlyArray<{ readonly name: string; readonly lastError: string | null }> = []
    for (let i = 0; i < 300; i++) {
      failing = (await watchers()).filter((w) => w.lastError !== null)
      if (failing.length >= 4) break
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(failing.map((w) => w.name).sort()).toEqual(["btc-esplora", "eth-rpc", "sol-rpc", "tron-trongrid"])
    for (const w of failing) expect(w.lastError).toMatch(/^(btc-esplora|eth-rpc|sol-rpc|tron-trongrid): /)

    const admin = buyer(server, TOKEN, ADMIN)
    await admin.say("/start")
    await admin.pressButton(await admin.waitFor((m) => m.text.includes("Welcome"), "the menu", 20_000), (t) => t.includes("Admin"))
    await admin.pressButton(await admin.waitFor((m) => m.text === "Admin menu:", "the admin menu"), (t) => t.includes("Deposits"))
    const screen = await admin.waitFor((m) => m.text.includes("eth-rpc"), "the Deposits screen")
    expect(screen.text).toContain("sol-rpc")

    await Effect.runPromise(Fiber.interrupt(shop))
    const files = [file, `${file}-wal`, `${file}-shm`].filter(existsSync).map((f) => readFileSync(f).toString("latin1"))
    const spanTexts = spans.flatMap((s) => [s.name, ...[...s.attributes].map(([k, v]) => `${k}=${String(v)}`)])
    for (const [what, texts] of [["log lines", lines], ["stdout and stderr", written], ["database files", files], ["Bot API calls", calls], ["spans", spanTexts]] as const) {
      expect(texts.filter((t) => t.includes(CANARY)), what).toEqual([])
    }
    expect(lines.length).toBeGreaterThan(0)
    expect(spans.some((s) => s.name.startsWith("eth-rpc "))).toBe(true)
    expect(calls.some((c) => c.includes("eth-rpc"))).toBe(true)
  }, 90_000)
})
