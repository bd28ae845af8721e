/**
 * The shop's deposit addresses of one network, held in memory so that a block can be matched
 * against them locally: a block costs the same for ten buyers or a hundred thousand. Loaded from
 * storage once and then what was added since (by id), never derived here.
 *
 * Ids alone are not enough: PostgreSQL hands an id out at insert time, so an address whose
 * transaction commits after a later id's is below the ids already read. Every new address is
 * watched for the watch window (24 hours by default) from its making, so each refresh also takes the
 * addresses watched now that the book does not know: a late commit is in the book at the next refresh,
 * before any block that can pay it (its buyer sees it only once it has committed). That read is the
 * addresses whose buyers opened Top up within the window, through the (network, watch_until) index.
 */
import { ChainDeposits, type Network } from "@tokenshop/domain"
import * as Effect from "effect/Effect"

/** The form addresses are compared in: case matters for Base58 (TRON, Solana) and not for hex or Bech32. */
export const normalize = (network: Network, address: string): string =>
  network === "ethereum" || network === "bsc" || network === "bitcoin" || network === "litecoin" || network === "dogecoin"
    ? address.toLowerCase()
    : address

export interface AddressBook {
  /** Loads the addresses made since the last refresh, and those watched now that it lacks. */
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
          if (page.length < pageSize) break
        }
        for (const a of yield* chain.watchedAddresses(network)) {
          const key = normalize(network, a.address)
          if (!known.has(key)) known.set(key, a.address)
        }
      }),
      lookup: (address) => known.get(normalize(network, address)) ?? null,
      size: () => known.size
    }
  })
