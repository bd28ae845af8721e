/** The in-memory shop, fake TronGrid and helpers the TronGrid tests share. */
import { sha256 } from "@noble/hashes/sha2.js"
import { base58check } from "@scure/base"
import type { ConfirmationPolicy, TelegramId } from "@tokenshop/domain"
import { EventLog } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import { FakeTronGrid } from "../../src/testing/FakeTronGrid.js"
import { makeAddressScanner } from "../../src/watchers/AddressScanner.js"
import { makeTronGridSource, type TronGridSettings } from "../../src/watchers/tron/TronGrid.js"
import { accountKey, buyerOf, chainShop, depositsIn, hdDeriver, serving } from "./chainShop.js"

export { balance } from "./chainShop.js"

export const shopWith = (confirmations: ConfirmationPolicy) =>
  chainShop({ assets: ["USDT_TRC20"], confirmations: { USDT_TRC20: confirmations } }, hdDeriver({ tron: { key: accountKey("tron") } }))
export const b58 = base58check(sha256)
export const addressOf = (byte: number) => b58.encode(Uint8Array.from([0x41, ...new Array<number>(20).fill(byte)]))
export const stranger = addressOf(0x33)
export const otherToken = addressOf(0x44)
export const usdt = (n: number) => BigInt(n) * 1_000_000n

export const fakeTronGrid = Effect.suspend(() => serving(new FakeTronGrid()))
export const scannerOf = (fake: FakeTronGrid, extra: Partial<TronGridSettings> = {}) =>
  Effect.flatMap(
    makeTronGridSource({ name: "tron-trongrid", baseUrl: fake.url, requestsPerSecond: 1000, timeout: "250 millis", retries: 2, backoff: "10 millis", ...extra }),
    (source) => makeAddressScanner(source)
  )
export const buyer = (id: number) => buyerOf(id, "USDT_TRC20")
export const deposits = (user: TelegramId) => depositsIn(user, "USDT_TRC20")
export const events = <T extends "DepositSeen" | "DepositCredited" | "DepositHeld" | "DepositReleased">(tag: T) => Effect.flatMap(EventLog, (log) => log.ofTag(tag))
export const listRequests = (fake: FakeTronGrid) => fake.requests.filter((r) => r.path.endsWith("/transactions/trc20"))
