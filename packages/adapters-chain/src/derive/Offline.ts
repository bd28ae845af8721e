/**
 * For the owner's offline machine only; the server never calls this module. From a BIP39 mnemonic it
 * makes the account public keys the server is configured with, and the Solana addresses imported
 * into the pool. The mnemonic, seed and private keys live only in local variables of one call: they
 * are never logged, stored or put in a returned value or error.
 */
import { base58 } from "@scure/base"
import { HDKey } from "@scure/bip32"
import { mnemonicToSeedSync, validateMnemonic } from "@scure/bip39"
import { wordlist } from "@scure/bip39/wordlists/english.js"
import * as Either from "effect/Either"
import { HARDENED_OFFSET, HDKey as Ed25519HDKey } from "micro-key-producer/slip10.js"
import { accountPaths, type ChainFamily, extendedKeyKinds } from "./AccountKeys.js"
import { addressOfPublicKey, type ChainNet, maxAddressIndex } from "./Addresses.js"

/** Spaces collapsed and letters lowercased, as wallets read a typed mnemonic. */
const normalise = (mnemonic: string) => mnemonic.normalize("NFKD").trim().toLowerCase().split(/\s+/).join(" ")

/** Why the mnemonic is not a valid English BIP39 one, naming positions only (never a word). */
const checkMnemonic = (mnemonic: string): Either.Either<string, string> => {
  const words = mnemonic === "" ? [] : mnemonic.split(" ")
  if (![12, 15, 18, 21, 24].includes(words.length)) return Either.left(`a mnemonic has 12, 15, 18, 21 or 24 words, not ${words.length}`)
  const unknown = words.flatMap((w, i) => wordlist.includes(w) ? [] : [i + 1])
  if (unknown.length > 0) return Either.left(`word ${unknown.join(", ")} is not in the English BIP39 word list`)
  if (!validateMnemonic(mnemonic, wordlist)) return Either.left("the checksum (last word) does not match: a word is wrong or the order differs")
  return Either.right(mnemonic)
}

/** The BIP39 seed of a valid mnemonic; the caller wipes it. */
const seedOf = (mnemonic: string, passphrase: string): Either.Either<Uint8Array, string> =>
  Either.map(checkMnemonic(normalise(mnemonic)), (m) => mnemonicToSeedSync(m, passphrase))

const zpub = extendedKeyKinds.find((k) => k.name === "zpub")!

/**
 * The account public key the server is configured with: m/84'/0'/0' for bitcoin as a zpub,
 * m/84'/2'/0' for litecoin as a zpub too (Electrum-LTC takes it as is; Litecoin Core's descriptors
 * take the same key as an xpub, which `parseAccountKey` accepts as well), m/44'/60'/0' for ethereum
 * and m/44'/195'/0' for tron as xpubs. Left: why the mnemonic was refused.
 */
export const accountPublicKey = (mnemonic: string, passphrase: string, chain: ChainFamily): Either.Either<string, string> =>
  Either.map(seedOf(mnemonic, passphrase), (seed) => {
    const versions = chain === "bitcoin" || chain === "litecoin" ? { public: zpub.public, private: zpub.private } : undefined
    const root = HDKey.fromMasterSeed(seed, versions)
    seed.fill(0)
    const account = root.derive(accountPaths[chain])
    root.wipePrivateData()
    const key = account.publicExtendedKey
    account.wipePrivateData()
    return key
  })

/** The address at `index` from the seed by private derivation of the whole path (…/0/index). */
export const deriveFromSeed = (seed: Uint8Array, chain: ChainFamily, index: number, net: ChainNet = "mainnet"): string => {
  if (!Number.isSafeInteger(index) || index < 0 || index > maxAddressIndex) {
    throw new RangeError(`address index must be an integer from 0 to ${maxAddressIndex}, got ${index}`)
  }
  const key = HDKey.fromMasterSeed(seed).derive(`${accountPaths[chain]}/0/${index}`)
  const publicKey = key.publicKey
  key.wipePrivateData()
  if (publicKey === null) throw new Error("the derived key has no public key")
  return addressOfPublicKey(chain, publicKey, net)
}

/**
 * The address at `index` through the full private path from the mnemonic, on the same account path
 * as `accountPublicKey` (`net` chooses only the Bech32 prefix). For tests that prove the public-key
 * path gives the same addresses. Throws RangeError for an index outside 0..2^31-1.
 */
export const deriveFromMnemonic = (
  mnemonic: string,
  passphrase: string,
  chain: ChainFamily,
  index: number,
  net: ChainNet = "mainnet"
): Either.Either<string, string> =>
  Either.map(seedOf(mnemonic, passphrase), (seed) => {
    try {
      return deriveFromSeed(seed, chain, index, net)
    } finally {
      seed.fill(0)
    }
  })

/**
 * Solana addresses for accounts `from` to `from + count - 1`: SLIP-10 ed25519 at m/44'/501'/i'/0'
 * (the path of Phantom and Solflare), each the Base58 of the 32-byte public key.
 */
export const solanaAddresses = (mnemonic: string, passphrase: string, from: number, count: number): Either.Either<ReadonlyArray<string>, string> => {
  if (!Number.isSafeInteger(from) || from < 0) return Either.left("the first account must be an integer from 0")
  if (!Number.isSafeInteger(count) || count < 0) return Either.left("the count must be an integer from 0")
  if (from + count - 1 > maxAddressIndex) return Either.left(`the last account must be at most ${maxAddressIndex}`)
  return Either.map(seedOf(mnemonic, passphrase), (seed) => {
    const master = Ed25519HDKey.fromMasterSeed(seed)
    seed.fill(0)
    const purpose = master.deriveChild(HARDENED_OFFSET + 44)
    const coin = purpose.deriveChild(HARDENED_OFFSET + 501)
    const addresses: Array<string> = []
    for (let i = from; i < from + count; i++) {
      const account = coin.deriveChild(HARDENED_OFFSET + i)
      const key = account.deriveChild(HARDENED_OFFSET)
      // `publicKey` is 0x00 followed by the key (SLIP-10 serialisation); the address is the raw 32 bytes.
      addresses.push(base58.encode(key.publicKeyRaw))
      for (const k of [account, key]) k.privateKey.fill(0)
    }
    for (const k of [master, purpose, coin]) k.privateKey.fill(0)
    return addresses
  })
}
