import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { Network } from "../Currency.js"
import { AddressDeriver } from "../DepositAddresses.js"

const BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
const B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
const digits = (n: number, alphabet: string, width: number) => {
  let out = ""
  let rest = n
  do {
    out = alphabet[rest % alphabet.length] + out
    rest = Math.floor(rest / alphabet.length)
  } while (rest > 0)
  return out.padStart(width, alphabet[0])
}

/** A distinct, well-shaped (not checksummed) address per network and index; not spendable. */
export const memoryAddress = (network: Network, index: number): string => {
  switch (network) {
    case "bitcoin": return `bc1q${digits(index, BECH32, 38)}`
    case "litecoin": return `ltc1q${digits(index, BECH32, 38)}`
    case "ethereum":
    case "bsc": return `0x${index.toString(16).padStart(40, "a")}`
    case "tron": return `T${digits(index, B58, 33)}`
    case "solana": return digits(index, B58, 44)
    case "dogecoin": return `DA${digits(index, B58, 32)}`
  }
}

/** Derives `memoryAddress` on the given networks: for tests of everything around derivation. */
export const AddressDeriverMemory = (networks: ReadonlyArray<Network> = ["bitcoin", "litecoin", "ethereum", "tron"]) =>
  Layer.succeed(AddressDeriver, AddressDeriver.of({
    networks,
    derive: (network, index) => Effect.sync(() => memoryAddress(network, index))
  }))
