/**
 * The shop's deposit addresses of one network, held in memory so that a block can be matched
 * against them locally: a block costs the same for ten buyers or a hundred thousand. Loaded from
 * storage once and then only what was added since (by id), never derived here.
 */
import { ChainDeposits, type Network } from "@tokenshop/domain"
import * as Effect from "effect/Effect"

/** The form addresses are compared in: case matters for Base58 (TRON, Solana) and not for hex or Bech32. */
export const normalize = (network: Network, address: string): string =>
  network === "ethereum" || network === "bsc" || network === "bitcoin" || network === "litecoin" || network === "dogecoin"
    ? address.toLowerCase()
    : address

export interface AddressBook {
  /** Loads the addresses made since the last refresh. */
  readonly refresh: Effect.Effect<void>
  /** The stored form of a chain address when it is one of ours. */
  readonly lookup: (address: string) => string | null
  readonly size: () => number
}

export const makeAddressBook = (network: Network, pageSize = 5000): Effect.Effect<AddressBook, never, ChainDeposits> =>
  Effect.gen(function*() {
    const chain = yield* ChainDeposits
    const known = new Map<string, string>()
    let after = 0
    return {
      refresh: Effect.gen(function*() {
        for (;;) {
          const page = yield* chain.addresses(network, after, pageSize)
          for (const a of page) known.set(normalize(network, a.address), a.address)
          if (page.length > 0) after = page[page.length - 1]!.id
          if (page.length < pageSize) return
        }
      }),
      lookup: (address) => known.get(normalize(network, address)) ?? null,
      size: () => known.size
    }
  })
