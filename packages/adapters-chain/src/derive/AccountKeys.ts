/**
 * Account-level extended public keys (BIP32 serialisation) as wallets export them: the four version
 * bytes name the wallet's convention (xpub, zpub, Ltub, …) and are normalised here; what counts is the
 * key, its chain code and its depth. Only public keys at depth 3 (m/purpose'/coin'/account') pass.
 */
import { sha256 } from "@noble/hashes/sha2.js"
import { base58, base58check } from "@scure/base"
import { HDKey } from "@scure/bip32"
import * as Either from "effect/Either"

/** The chains whose deposit addresses come from a secp256k1 account public key. */
export type ChainFamily = "bitcoin" | "litecoin" | "ethereum" | "tron"

/** The chains in the order they are configured and listed. */
export const chainFamilies: ReadonlyArray<ChainFamily> = ["bitcoin", "litecoin", "ethereum", "tron"]

/** One serialisation convention: its public and private version bytes and whether it is for test networks. */
export interface ExtendedKeyKind {
  readonly name: string
  readonly public: number
  readonly private: number
  readonly privateName: string
  readonly test: boolean
}

/** Version bytes of BIP32, SLIP-132 and BIP49/84, as wallets write them. */
export const extendedKeyKinds: ReadonlyArray<ExtendedKeyKind> = [
  { name: "xpub", public: 0x0488b21e, private: 0x0488ade4, privateName: "xprv", test: false },
  { name: "ypub", public: 0x049d7cb2, private: 0x049d7878, privateName: "yprv", test: false },
  { name: "zpub", public: 0x04b24746, private: 0x04b2430c, privateName: "zprv", test: false },
  { name: "Ltub", public: 0x019da462, private: 0x019d9cfe, privateName: "Ltpv", test: false },
  { name: "Mtub", public: 0x01b26ef6, private: 0x01b26792, privateName: "Mtpv", test: false },
  { name: "tpub", public: 0x043587cf, private: 0x04358394, privateName: "tprv", test: true },
  { name: "upub", public: 0x044a5262, private: 0x044a4e28, privateName: "uprv", test: true },
  { name: "vpub", public: 0x045f1cf6, private: 0x045f18bc, privateName: "vprv", test: true }
]

/** The public conventions each chain accepts. */
export const acceptedKinds: Record<ChainFamily, ReadonlyArray<string>> = {
  bitcoin: ["xpub", "zpub", "tpub", "vpub"],
  litecoin: ["xpub", "zpub", "Ltub", "Mtub", "tpub", "vpub"],
  ethereum: ["xpub"],
  tron: ["xpub"]
}

/** Where each chain's account key sits (BIP84 for the UTXO chains, BIP44 for the account-based ones). */
export const accountPaths: Record<ChainFamily, string> = {
  bitcoin: "m/84'/0'/0'",
  litecoin: "m/84'/2'/0'",
  ethereum: "m/44'/60'/0'",
  tron: "m/44'/195'/0'"
}

const b58check = base58check(sha256)

/** The convention of an HDKey made by `parseAccountKey` (from its public version bytes). */
export const kindOf = (key: HDKey): ExtendedKeyKind | undefined => extendedKeyKinds.find((k) => k.public === key.versions.public)

const hex = (version: number) => `0x${version.toString(16).padStart(8, "0")}`

/**
 * The account public key of `text` for `chain`, or a reason a person can act on: a wrong character,
 * another chain's or convention's key, a private key, or a key that is not at the account level.
 */
export const parseAccountKey = (chain: ChainFamily, text: string): Either.Either<HDKey, string> => {
  const trimmed = text.trim()
  if (trimmed === "") return Either.left("no key given")
  let raw: Uint8Array
  try {
    raw = base58.decode(trimmed)
  } catch {
    return Either.left("not an extended public key: it contains characters that are not Base58")
  }
  if (raw.length !== 82) return Either.left(`not an extended public key: ${raw.length} bytes instead of 82 (is it complete?)`)
  let bytes: Uint8Array
  try {
    bytes = b58check.decode(trimmed)
  } catch {
    return Either.left("checksum does not match: a character is wrong or missing")
  }
  const version = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, false)
  const accepted = acceptedKinds[chain]
  const privateKind = extendedKeyKinds.find((k) => k.private === version)
  if (privateKind !== undefined || bytes[45] === 0) {
    const which = privateKind === undefined ? "private key" : privateKind.privateName
    return Either.left(`this is a PRIVATE key; give the account PUBLIC key (${accepted.join(", ")}) and keep the ${which} offline`)
  }
  const kind = extendedKeyKinds.find((k) => k.public === version)
  if (kind === undefined) return Either.left(`unknown version bytes ${hex(version)}; ${chain} accepts ${accepted.join(", ")}`)
  if (!accepted.includes(kind.name)) return Either.left(`a ${kind.name} key was given; ${chain} accepts ${accepted.join(", ")}`)
  const depth = bytes[4]!
  if (depth !== 3) {
    return Either.left(`this key is at depth ${depth}; an account key has depth 3: export the account public key at ${accountPaths[chain]} (or your account's own index)`)
  }
  try {
    return Either.right(HDKey.fromExtendedKey(trimmed, { public: kind.public, private: kind.private }))
  } catch {
    return Either.left("not a valid public key: the key bytes are not a point of secp256k1")
  }
}
