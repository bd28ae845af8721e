/**
 * Destination addresses checked the way wallets check them: Bech32/Bech32m with the witness rules
 * for Bitcoin and Litecoin, Base58Check with the network's version bytes for legacy Bitcoin,
 * Litecoin, Dogecoin and TRON, EIP-55 checksums for Ethereum and BNB Chain, and 32-byte Base58 keys
 * for Solana. Destinations nobody can spend from are refused with the reason: SegWit versions 2-16
 * and version 1 programs that are not 32-byte Taproot keys, and Solana program ids, well-known
 * mints and program-derived addresses. The canonical form is returned (Bech32 in lowercase, EVM
 * addresses checksummed).
 */
import { keccak_256 } from "@noble/hashes/sha3.js"
import { sha256 } from "@noble/hashes/sha2.js"
import { base58, base58check, bech32, bech32m } from "@scure/base"
import { type Asset, AddressValidator, assetInfo, InvalidAddress, type Network } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import { solanaUnspendable } from "./SolanaUnspendable.js"

const b58check = base58check(sha256)

/** Witness version and program of a SegWit address with this human-readable part, or why not. */
const segwit = (address: string, hrp: string): Either.Either<string, string> => {
  const lower = address.toLowerCase()
  if (address !== lower && address !== address.toUpperCase()) return Either.left("mixed case")
  if (!lower.startsWith(`${hrp}1`)) return Either.left(`does not start with ${hrp}1`)
  for (const [coder, name] of [[bech32, "bech32"], [bech32m, "bech32m"]] as const) {
    let decoded: { prefix: string; words: Array<number> }
    try {
      decoded = coder.decode(lower as `${string}1${string}`, 90)
    } catch {
      continue
    }
    if (decoded.prefix !== hrp || decoded.words.length === 0) return Either.left("wrong prefix")
    const version = decoded.words[0]!
    let program: Uint8Array
    try {
      program = coder.fromWords(decoded.words.slice(1))
    } catch {
      return Either.left("bad padding")
    }
    if (version > 16) return Either.left("unknown witness version")
    if ((version === 0) !== (name === "bech32")) return Either.left(`witness version ${version} must use ${version === 0 ? "bech32" : "bech32m"}`)
    if (program.length < 2 || program.length > 40) return Either.left("wrong program length")
    if (version === 0 && program.length !== 20 && program.length !== 32) return Either.left("wrong program length for version 0")
    if (version === 1 && program.length !== 32) {
      return Either.left(`a witness version 1 program of ${program.length} bytes (Taproot keys are 32): not spendable by today's wallets`)
    }
    if (version >= 2) return Either.left(`a witness version ${version} address: not spendable by today's wallets (reserved for future upgrades)`)
    return Either.right(lower)
  }
  return Either.left("checksum does not match")
}

/** Base58Check version bytes of the networks' mainnets (P2PKH, P2SH), to name whose an address is. */
const versionOwners: ReadonlyArray<readonly [number, string]> = [
  [0x00, "bitcoin"], [0x05, "bitcoin"],
  [0x30, "litecoin"], [0x32, "litecoin"],
  [0x1e, "dogecoin"], [0x16, "dogecoin"],
  [0x41, "tron"],
  [0x6f, "testnet"], [0xc4, "testnet"], [0x3a, "litecoin testnet"], [0x71, "dogecoin testnet"]
]

/** A Base58Check address with one of these version bytes and a 20-byte hash. */
const legacy = (address: string, versions: ReadonlyArray<number>): Either.Either<string, string> => {
  let bytes: Uint8Array
  try {
    bytes = b58check.decode(address)
  } catch {
    return Either.left("checksum does not match")
  }
  if (bytes.length !== 21) return Either.left("wrong length")
  const version = bytes[0]!
  if (!versions.includes(version)) {
    const owner = versionOwners.find(([v]) => v === version)?.[1]
    return Either.left(owner === undefined ? `version byte 0x${version.toString(16).padStart(2, "0")} belongs to another network` : `this is a ${owner} address`)
  }
  return Either.right(address)
}

/** EIP-55: the case of each hex letter is a bit of keccak256 of the lowercase address. */
export const toChecksumAddress = (hex40: string): string => {
  const lower = hex40.toLowerCase()
  const hash = keccak_256(new TextEncoder().encode(lower))
  let out = "0x"
  for (let i = 0; i < 40; i++) {
    const nibble = (hash[i >> 1]! >> (i % 2 === 0 ? 4 : 0)) & 0xf
    out += nibble >= 8 ? lower[i]!.toUpperCase() : lower[i]!
  }
  return out
}

const evm = (address: string): Either.Either<string, string> => {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return Either.left("expected 0x and 40 hex digits")
  const body = address.slice(2)
  const checksummed = toChecksumAddress(body)
  const uniformCase = body === body.toLowerCase() || body === body.toUpperCase()
  if (!uniformCase && checksummed !== address) return Either.left("checksum (letter case) does not match")
  if (/^0+$/.test(body)) return Either.left("the zero address")
  return Either.right(checksummed)
}

const solana = (address: string): Either.Either<string, string> => {
  let key: Uint8Array
  try {
    key = base58.decode(address)
  } catch {
    return Either.left("not Base58")
  }
  if (key.length !== 32) return Either.left("not a 32-byte key")
  const unspendable = solanaUnspendable(address, key)
  return unspendable === undefined ? Either.right(address) : Either.left(unspendable)
}

const either = (...checks: ReadonlyArray<() => Either.Either<string, string>>): Either.Either<string, string> => {
  let last: Either.Either<string, string> = Either.left("unknown format")
  for (const check of checks) {
    last = check()
    if (Either.isRight(last)) return last
  }
  return last
}

/** Each network's own formats: Bitcoin 0x00/0x05, Litecoin 0x30/0x32 (its old 0x05 is Bitcoin's and refused), Dogecoin 0x1e/0x16, TRON 0x41. */
const byNetwork: Record<Network, (a: string) => Either.Either<string, string>> = {
  bitcoin: (a) => /^bc1/i.test(a) ? segwit(a, "bc") : legacy(a, [0x00, 0x05]),
  litecoin: (a) => /^ltc1/i.test(a) ? segwit(a, "ltc") : legacy(a, [0x30, 0x32]),
  dogecoin: (a) => legacy(a, [0x1e, 0x16]),
  solana,
  ethereum: evm,
  bsc: evm,
  tron: (a) => either(() => legacy(a, [0x41]))
}

const allNetworks = Object.keys(byNetwork) as ReadonlyArray<Network>

/** The other networks (not sharing this one's format) whose valid address this is, e.g. "bitcoin". */
const neighbours = (network: Network, address: string): ReadonlyArray<Network> =>
  allNetworks.filter((other) => byNetwork[other] !== byNetwork[network] && Either.isRight(byNetwork[other](address)))

/** "a bitcoin", "an ethereum or bsc" */
const article = (words: string) => /^[aeiou]/.test(words) ? `an ${words}` : `a ${words}`

/** The canonical address, or why it is not an address of the asset's network. */
export const validateAddress = (asset: Asset, address: string): Either.Either<string, InvalidAddress> => {
  const trimmed = address.trim()
  const network = assetInfo(asset).network
  if (trimmed === "" || trimmed.length > 128 || /\s/.test(trimmed)) {
    return Either.left(new InvalidAddress({ address, reason: `not a ${network} address` }))
  }
  return Either.mapLeft(byNetwork[network](trimmed), (why) => {
    const owners = neighbours(network, trimmed)
    const hint = network === "litecoin" && owners.includes("bitcoin") && trimmed.startsWith("3") ? " (litecoin P2SH addresses start with M)" : ""
    const reason = owners.length === 0 ? why : `this is ${article(owners.join(" or "))} address${hint}`
    return new InvalidAddress({ address, reason: `not a valid ${network} address: ${reason}` })
  })
}

export const ChainAddressValidator: Layer.Layer<AddressValidator> = Layer.succeed(AddressValidator, AddressValidator.of({
  validate: (asset, address) => Either.match(validateAddress(asset, address), { onLeft: Effect.fail, onRight: Effect.succeed })
}))
