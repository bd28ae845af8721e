/**
 * One anvil for a test file, with two 6-decimal tokens (USDT and USDC) deployed on it: `useAnvil()`,
 * called once at the file's top level, starts it before the file's tests and stops it after them,
 * and gives what the tests use on it: the node and its tokens (read inside tests, once started),
 * `node` to run a step against it, `mine`, `nextHeight` and `source`, an Ethereum source on it
 * watching ETH and both tokens.
 */
import { afterAll, beforeAll } from "@effect/vitest"
import * as Effect from "effect/Effect"
import type { Address } from "viem"
import { type Anvil, startAnvil } from "../../src/testing/Anvil.js"
import { type EvmSettings, makeEvmSource } from "../../src/watchers/ethereum/Evm.js"

/** 0.01 ETH: 30 USD. */
export const ETH = 10n ** 16n

export const useAnvil = () => {
  let anvil: Anvil
  let usdt: Address
  let usdc: Address

  beforeAll(async () => {
    anvil = await startAnvil()
    usdt = await anvil.deployToken("USDT", 10n ** 15n)
    usdc = await anvil.deployToken("USDC", 10n ** 15n)
  })
  afterAll(() => anvil?.stop())

  const node = <A>(f: (a: Anvil) => Promise<A>) => Effect.promise(() => f(anvil))
  return {
    get anvil() {
      return anvil
    },
    get usdt() {
      return usdt
    },
    get usdc() {
      return usdc
    },
    node,
    mine: (blocks = 1) => node((a) => a.mine(blocks)),
    /** The next block's height: each test scans from there, so payments of earlier tests are not seen. */
    nextHeight: Effect.map(node((a) => a.height()), (h) => h + 1),
    source: (settings: Partial<EvmSettings> = {}) =>
      makeEvmSource({
        name: "eth-rpc", rpcUrl: anvil.url, native: true, requestsPerSecond: 1000, timeout: "5 seconds",
        tokens: [{ asset: "USDT_ERC20", contract: usdt, decimals: 6 }, { asset: "USDC_ERC20", contract: usdc, decimals: 6 }],
        ...settings
      })
  }
}
