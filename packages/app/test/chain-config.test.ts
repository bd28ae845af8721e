/** `tokenshop start` refuses a half-configured chain, naming what is missing, before anything starts. */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Cause from "effect/Cause"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import { afterAll, describe, expect, it } from "vitest"
import { startLayer } from "../src/Start.js"

const dir = mkdtempSync(join(tmpdir(), "tokenshop-chain-config-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const ZPUB = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs"

/** Why the shop refused to start (it never reaches Telegram here: the API root is unreachable). */
const refusal = async (extra: Record<string, string>) => {
  const env = new Map(Object.entries({ BOT_TOKEN: "1:x", TELEGRAM_API_ROOT: "http://127.0.0.1:9", DATABASE_FILE: join(dir, "shop.db"), GOODS_KEY_FILE: join(dir, "goods.key"), ...extra }))
  const exit = await Effect.runPromiseExit(Layer.launch(startLayer()).pipe(
    Effect.withConfigProvider(ConfigProvider.fromMap(env)),
    Effect.timeout("5 seconds")
  ))
  return Exit.isFailure(exit) ? Cause.pretty(exit.cause) : "started"
}

describe("self-custody settings", () => {
  it("a source without its key, a node without credentials, a key that is not an account public key: each named", async () => {
    expect(await refusal({ BTC_ESPLORA_URL: "https://mempool.space/api" })).toContain("BTC_XPUB is missing")
    expect(await refusal({ ETH_RPC_URL: "http://127.0.0.1:8545" })).toContain("ETH_XPUB is missing")
    expect(await refusal({ TRONGRID_URL: "https://api.trongrid.io" })).toContain("TRON_XPUB is missing")
    expect(await refusal({ LTC_XPUB: ZPUB, LTC_RPC_URL: "http://127.0.0.1:9332" })).toContain("LTC_RPC_URL needs LTC_RPC_USER and LTC_RPC_PASSWORD, or LTC_RPC_COOKIE_FILE")
    expect(await refusal({ BTC_XPUB: `${ZPUB.slice(0, -2)}xx` })).toContain("BTC_XPUB")
    expect(await refusal({ BTC_XPUB: "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi" }))
      .toContain("PRIVATE key")
    expect(await refusal({ SOL_RPC_URL: "https://api.mainnet-beta.solana.com" })).toContain("no Solana deposit address was imported")
  }, 60_000)

  it("settings that cannot be right: final on a chain without finality, a bad minimum, an unknown price feed", async () => {
    expect(await refusal({ BTC_XPUB: ZPUB, CONFIRMATIONS_BTC: "final" })).toContain("BTC has no finality")
    expect(await refusal({ BTC_XPUB: ZPUB, CONFIRMATIONS_BTC: "0" })).toContain("CONFIRMATIONS_BTC")
    expect(await refusal({ BTC_XPUB: ZPUB, MIN_DEPOSIT_BTC: "0.000000001" })).toContain("MIN_DEPOSIT_BTC")
    expect(await refusal({ BTC_XPUB: ZPUB, PRICE_FEEDS: "kraken,binance" })).toContain("\"binance\" is not a price feed")
    expect(await refusal({ BTC_XPUB: ZPUB, PRICE_FEEDS: "kryptoexpress" })).toContain("KRYPTOEXPRESS_API_KEY is not set")
    expect(await refusal({ BTC_XPUB: ZPUB, ETH_INTERNAL_TRANSFERS: "yes" })).toContain("ETH_INTERNAL_TRANSFERS")
  }, 60_000)
})
