/**
 * `tokenshop deposit credit-tx HASH`: an Ethereum transaction credited by its hash, read from the node;
 * one line per payment to a buyer, once however often it runs; a refusal is an error with its reason.
 */
import { DepositAddresses, Ledger, type LookedUpTransaction, ShopConfig, TelegramId, Users } from "@tokenshop/domain"
import { makeChainLookupMemory, ServicesMemory, ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { afterAll, describe, expect, it, vi } from "vitest"
import { depositCreditTx } from "../src/cli/ChainCredit.js"
import { reportFailures } from "../src/cli/Output.js"
import { cliDir, removeDir, runTokenshop } from "./cliHarness.js"

const dir = cliDir()
afterAll(() => removeDir(dir))
const HASH = `0x${"ab".repeat(32)}`
const ETH = 10n ** 16n // 0.01 ETH = 30 USD

const lookup = makeChainLookupMemory()
/** One shop in memory for every run, taking ETH, with a node that knows what the test sets. */
const shop = ManagedRuntime.make(ShopMemory({ chain: { ...ShopConfig.defaults.chain, assets: ["ETH"], confirmations: { ETH: 3 } } }, {
  services: Layer.merge(ServicesMemory, lookup.layer)
}))
afterAll(() => shop.dispose())

/** Runs the command's work over the shop as the command line does; what it printed and its exit code. */
const run = async (hash: string) => {
  const out: Array<string> = []
  const log = vi.spyOn(console, "log").mockImplementation((...a: Array<unknown>) => void out.push(a.join(" ")))
  const error = vi.spyOn(console, "error").mockImplementation((...a: Array<unknown>) => void out.push(a.join(" ")))
  process.exitCode = 0
  try {
    await shop.runPromise(reportFailures(depositCreditTx(hash)))
    // the domain's log lines (timestamp=... level=INFO) go to the same console; the command's own lines are the rest
    return { code: process.exitCode ?? 0, output: out.filter((l) => !l.startsWith("timestamp=")).join("\n") }
  } finally {
    log.mockRestore()
    error.mockRestore()
    process.exitCode = 0
  }
}

describe("tokenshop deposit credit-tx", () => {
  it("without an Ethereum node to read from, the command line refuses it as not available, exit code 1", async () => {
    const refused = await runTokenshop(dir, ["deposit", "credit-tx", HASH])
    expect(refused.code).toBe(1)
    expect(refused.output).toBe("error: transactions cannot be looked up on this chain here: no Ethereum node is configured (ETH_XPUB, ETH_RPC_URL)")
  })

  it("credits what the transaction pays to buyers, once, a line per payment; refusals name their reason", async () => {
    const [a42, a43] = await shop.runPromise(Effect.gen(function*() {
      const addresses = yield* DepositAddresses
      const users = yield* Users
      for (const id of [42, 43]) yield* users.register({ id: TelegramId.make(id), username: null, language: null })
      return [(yield* addresses.addressFor(TelegramId.make(42), "ETH")).address, (yield* addresses.addressFor(TelegramId.make(43), "ETH")).address] as const
    }))
    const tx = (over: Partial<LookedUpTransaction>): LookedUpTransaction => ({
      txid: HASH, block: { height: 100, hash: "0xb100" }, confirmations: 5, final: false, traced: true,
      transfers: [
        { asset: "ETH", index: 0, to: "0x00000000000000000000000000000000000005af", units: ETH },
        { asset: "ETH", index: 1, to: a42, units: ETH },
        { asset: "ETH", index: 2, to: a43, units: 10n ** 15n }
      ],
      ...over
    })
    const balance = (id: number) => shop.runPromise(Effect.flatMap(Ledger, (l) => l.balance(TelegramId.make(id))))

    lookup.control.set("ethereum", tx({ confirmations: 1, traced: false }))
    const pending = await run(` ${HASH} `)
    expect(pending).toEqual({
      code: 0,
      output: [
        `0.01 ETH to user 42 (${HASH}:1): pending, 1 of 3 confirmations`,
        `0.001 ETH to user 43 (${HASH}:2): below the minimum of 0.002 ETH, not credited`,
        "note: the node could not trace this transaction, so only its direct value was checked"
      ].join("\n")
    })
    expect((await balance(42)).available.amount).toBe(0n)

    lookup.control.set("ethereum", tx({ confirmations: 5 }))
    for (let i = 0; i < 2; i++) {
      const done = await run(HASH)
      expect(done.code).toBe(0)
      expect(done.output.split("\n")[0]).toBe(`0.01 ETH to user 42 (${HASH}:1): credited`)
      expect(done.output).not.toContain("note:")
    }
    expect((await balance(42)).available.amount).toBe(3000n)

    expect(await run("0x1234")).toEqual({ code: 1, output: "error: 0x1234 is not a transaction hash" })
    const unknown = `0x${"cd".repeat(32)}`
    expect(await run(unknown)).toEqual({ code: 1, output: `error: the node does not know the transaction ${unknown}` })
    lookup.control.set("ethereum", tx({ transfers: [{ asset: "ETH", index: 0, to: "0x000000000000000000000000000000000000dEaD", units: ETH }] }))
    expect(await run(HASH)).toEqual({ code: 1, output: `error: the transaction ${HASH} pays none of the buyers' addresses` })
    expect((await balance(42)).available.amount).toBe(3000n)
  })
})
