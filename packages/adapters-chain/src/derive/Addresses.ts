/**
 * Receiving addresses from an account public key: the child m/…/0/i (external chain 0, index i)
 * encoded as P2WPKH Bech32 on Bitcoin and Litecoin, as an EIP-55 address on Ethereum and as a
 * Base58Check 0x41 address on TRON. Public derivation only: no private key is needed or touched.
 */
import { secp256k1 } from "@noble/curves/secp256k1.js"
import { ripemd160 } from "@noble/hashes/legacy.js"
import { sha256 } from "@noble/hashes/sha2.js"
import { keccak_256 } from "@noble/hashes/sha3.js"
import { bytesToHex } from "@noble/hashes/utils.js"
import { base58check, bech32 } from "@scure/base"
import type { HDKey } from "@scure/bip32"
import { toChecksumAddress } from "../AddressValidation.js"
import type { ChainFamily } from "./AccountKeys.js"

/** Which network of a UTXO chain the addresses are for; it chooses the Bech32 prefix only. */
export type ChainNet = "mainnet" | "testnet" | "regtest"

/** Bech32 human-readable parts of Bitcoin and Litecoin, by network. */
export const segwitHrp: Record<"bitcoin" | "litecoin", Record<ChainNet, string>> = {
  bitcoin: { mainnet: "bc", testnet: "tb", regtest: "bcrt" },
  litecoin: { mainnet: "ltc", testnet: "tltc", regtest: "rltc" }
}

const b58check = base58check(sha256)

/** The highest non-hardened child index. */
export const maxAddressIndex = 2 ** 31 - 1

/** The address of a compressed secp256k1 public key (33 bytes) on `chain`. */
export const addressOfPublicKey = (chain: ChainFamily, publicKey: Uint8Array, net: ChainNet = "mainnet"): string => {
  switch (chain) {
    case "bitcoin":
    case "litecoin": {
      const program = ripemd160(sha256(publicKey))
      return bech32.encode(segwitHrp[chain][net], [0, ...bech32.toWords(program)])
    }
    case "ethereum":
    case "tron": {
      const uncompressed = secp256k1.Point.fromBytes(publicKey).toBytes(false)
      const account = keccak_256(uncompressed.subarray(1)).subarray(12)
      return chain === "ethereum" ? toChecksumAddress(bytesToHex(account)) : b58check.encode(Uint8Array.from([0x41, ...account]))
    }
  }
}

/** The external chain (…/0) of each account key, derived once. */
const externalChains = new WeakMap<HDKey, HDKey>()

const externalChain = (account: HDKey): HDKey => {
  const known = externalChains.get(account)
  if (known !== undefined) return known
  const made = account.deriveChild(0)
  externalChains.set(account, made)
  return made
}

/**
 * The receiving address at `index` of the account: child m/…/0/index. Deterministic and pure.
 * Throws RangeError unless `index` is an integer from 0 to 2^31-1 (callers validate first).
 */
export const deriveAddress = (chain: ChainFamily, account: HDKey, index: number, net: ChainNet = "mainnet"): string => {
  if (!Number.isSafeInteger(index) || index < 0 || index > maxAddressIndex) {
    throw new RangeError(`address index must be an integer from 0 to ${maxAddressIndex}, got ${index}`)
  }
  const publicKey = externalChain(account).deriveChild(index).publicKey
  if (publicKey === null) throw new Error("the derived key has no public key")
  return addressOfPublicKey(chain, publicKey, net)
}
