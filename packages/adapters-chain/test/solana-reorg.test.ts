/**
 * A Solana signature fixes a transaction's message, not what it does: mined again in another slot, a
 * program may pay someone else. A credited payment the transaction no longer makes is held; one it
 * still makes stays credited, once.
 */
import { describe, expect, it } from "@effect/vitest"
import { DepositAddresses, TelegramId, Users } from "@tokenshop/domain"
import { EventLog } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { solanaAddresses } from "../src/derive/Offline.js"
import { type FakeInstruction, FakeSolanaRpc } from "../src/testing/FakeSolanaRpc.js"
import { makeAddressScanner } from "../src/watchers/AddressScanner.js"
import { makeSolanaSource } from "../src/watchers/solana/Solana.js"
import { balance, chainShop, mnemonic, serving } from "./support/chainShop.js"

const [ours, stranger] = Either.getOrThrow(solanaAddresses(mnemonic, "", 0, 2))
const SOL = 1_000_000_000n
const shop = chainShop({ assets: ["SOL"], confirmations: { SOL: 1 } })

const scenario = (again: (to: string) => ReadonlyArray<FakeInstruction>) =>
  Effect.gen(function*() {
    const fake = yield* serving(new FakeSolanaRpc())
    const addresses = yield* DepositAddresses
    yield* addresses.importPool({ kind: "operator", name: "test" }, "solana", [ours!])
    const user = (yield* (yield* Users).register({ id: TelegramId.make(21_001), username: null, language: "en" })).id
    const { address } = yield* addresses.addressFor(user, "SOL")
    const source = yield* makeSolanaSource({ name: "sol-rpc", rpcUrl: fake.url, requestsPerSecond: 1000, timeout: "2 seconds", retries: 1 })
    const scanner = yield* makeAddressScanner(source, { interval: "30 seconds", passEvery: "24 hours" })
    const signature = fake.send([{ kind: "payout", transfers: [{ to: address, lamports: SOL / 10n }] }])
    fake.advance()
    yield* scanner.cycle
    expect(yield* balance(user)).toBe(1500n) // 0.1 SOL at 150 USD
    fake.remine(signature, again(address))
    fake.advance()
    yield* scanner.cycle
    yield* scanner.cycle
    const events = yield* EventLog
    return {
      balance: yield* balance(user),
      credited: (yield* events.ofTag("DepositCredited")).length,
      held: (yield* events.ofTag("DepositHeld")).length
    }
  }).pipe(Effect.provide(shop))

describe("a Solana transaction mined again in another slot", () => {
  it.scopedLive("paying someone else now: the credit is held", () =>
    Effect.gen(function*() {
      const out = yield* scenario(() => [{ kind: "payout", transfers: [{ to: stranger!, lamports: SOL / 10n }] }])
      expect(out).toEqual({ balance: 0n, credited: 1, held: 1 })
    }))

  it.scopedLive("paying a smaller amount now: the credit is held", () =>
    Effect.gen(function*() {
      const out = yield* scenario((to) => [{ kind: "payout", transfers: [{ to, lamports: SOL / 20n }] }])
      // The smaller transfer has the recorded one's index: it is not credited under that key (an admin sees it held).
      expect(out).toEqual({ balance: 0n, credited: 1, held: 1 })
    }))

  it.scopedLive("making the same payment: still credited, once", () =>
    Effect.gen(function*() {
      const out = yield* scenario((to) => [{ kind: "payout", transfers: [{ to, lamports: SOL / 10n }] }])
      expect(out).toEqual({ balance: 1500n, credited: 1, held: 0 })
    }))
})
