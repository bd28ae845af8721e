/**
 * `tokenshop wallet`: on the owner's offline machine, the account public keys to configure and the
 * Solana addresses to import, from a mnemonic read from standard input (never an argument or a
 * variable, never written anywhere); on the server, importing the Solana pool and showing the
 * address the configured key gives at an index, to compare with the owner's own wallet software.
 */
import { readFileSync } from "node:fs"
import { type ChainFamily, parseAccountKey, deriveAddress } from "@tokenshop/adapters-chain"
import { accountPublicKey, solanaAddresses } from "@tokenshop/adapters-chain/offline"
import { DepositAddresses, type Network, operator } from "@tokenshop/domain"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { CliFailure } from "./Output.js"
import { Stdin } from "./Stdin.js"

export const chains = { btc: "bitcoin", ltc: "litecoin", eth: "ethereum", tron: "tron" } as const satisfies Record<string, ChainFamily>
export type ChainFlag = keyof typeof chains
const variables: Record<ChainFamily, string> = { bitcoin: "BTC_XPUB", litecoin: "LTC_XPUB", ethereum: "ETH_XPUB", tron: "TRON_XPUB" }

const mnemonic = Effect.gen(function*() {
  const [words = "", passphrase = ""] = yield* (yield* Stdin).lines(["Mnemonic (it is not stored)", "Passphrase (Enter for none)"])
  if (words.trim() === "") return yield* Effect.fail(new CliFailure("no mnemonic on standard input: type it, or pipe it in (echo ... | tokenshop wallet ...)"))
  return { words, passphrase }
})

/** The account public key for one chain, and its first address to check against the owner's wallet. */
export const walletXpub = (chain: ChainFlag) =>
  Effect.gen(function*() {
    const family = chains[chain]
    const { passphrase, words } = yield* mnemonic
    const key = yield* Either.match(accountPublicKey(words, passphrase, family), {
      onLeft: (why) => Effect.fail(new CliFailure(`mnemonic refused: ${why}`)),
      onRight: Effect.succeed
    })
    const first = deriveAddress(family, Either.getOrThrow(parseAccountKey(family, key)), 0)
    yield* Console.log(`${variables[family]}=${key}`)
    yield* Console.error(`first deposit address (index 0): ${first}; the shop gives index 0 to its first buyer`)
  })

/** `count` Solana addresses (public only), one a line, to save as a file and import on the server. */
export const walletSolPool = (count: number, from: number) =>
  Effect.gen(function*() {
    if (!Number.isInteger(count) || count < 1 || count > 100_000) return yield* Effect.fail(new CliFailure("--count must be from 1 to 100000"))
    if (!Number.isInteger(from) || from < 0 || from + count > 2 ** 31) return yield* Effect.fail(new CliFailure("--from must be from 0"))
    const { passphrase, words } = yield* mnemonic
    const addresses = yield* Either.match(solanaAddresses(words, passphrase, from, count), {
      onLeft: (why) => Effect.fail(new CliFailure(`mnemonic refused: ${why}`)),
      onRight: Effect.succeed
    })
    yield* Console.log(addresses.join("\n"))
    yield* Console.error(`${count} Solana addresses m/44'/501'/${from}'/0' to m/44'/501'/${from + count - 1}'/0' (public only); next time use --from ${from + count}`)
  })

/** Reads a pool file (one address a line; blank lines and # comments skipped) and imports it, all or nothing. */
export const walletImportSolPool = (file: string) =>
  Effect.gen(function*() {
    const text = yield* Effect.try({ try: () => readFileSync(file, "utf8"), catch: () => new CliFailure(`cannot read ${file}`) })
    const addresses = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"))
    if (addresses.length === 0) return yield* Effect.fail(new CliFailure(`${file} holds no address`))
    const result = yield* (yield* DepositAddresses).importPool(operator("cli"), "solana", addresses)
    yield* Console.log(`imported ${result.added} Solana address(es)${result.skipped > 0 ? `, skipped ${result.skipped} already known` : ""}; ${result.left} left to give out`)
  })

/** The address the configured account key gives at `index`. */
export const walletAddress = (chain: ChainFlag, index: number) =>
  Effect.gen(function*() {
    const network: Network = chains[chain]
    const address = yield* (yield* DepositAddresses).preview(network, index)
    yield* Console.log(address)
  })
