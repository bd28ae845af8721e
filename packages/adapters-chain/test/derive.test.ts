import { sha256 } from "@noble/hashes/sha2.js"
import { base58check } from "@scure/base"
import { HDKey } from "@scure/bip32"
import { mnemonicToSeedSync } from "@scure/bip39"
import { AddressDeriver } from "@tokenshop/domain"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type ChainFamily, parseAccountKey } from "../src/derive/AccountKeys.js"
import { type ChainNet, deriveAddress, segwitHrp } from "../src/derive/Addresses.js"
import { type AccountKeySettings, HdAddressDeriver, InvalidAccountKey, makeHdDeriver } from "../src/derive/HdDeriver.js"
import { accountPublicKey, deriveFromMnemonic, deriveFromSeed, solanaAddresses } from "../src/derive/Offline.js"

const mnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
const chains: ReadonlyArray<ChainFamily> = ["bitcoin", "litecoin", "ethereum", "tron"]

/** Published first receiving addresses (m/…/0/0) of the mnemonic without passphrase. */
const published: Record<ChainFamily, string> = {
  bitcoin: "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu",
  litecoin: "ltc1qjmxnz78nmc8nq77wuxh25n2es7rzm5c2rkk4wh",
  ethereum: "0x9858EfFD232B4033E47d90003D41EC34EcaEda94",
  tron: "TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH"
}
/** BIP84 test vectors: the account 0 zpub (m/84'/0'/0') and zprv, and the addresses at 1. */
const bip84Zpub = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs"
const bip84Zprv = "zprvAdG4iTXWBoARxkkzNpNh8r6Qag3irQB8PzEMkAFeTRXxHpbF9z4QgEvBRmfvqWvGp42t42nvgGpNgYSJA9iefm1yYNZKEm7z6qUWCroSQnE"
const bip84Second = "bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g"

const keys = Object.fromEntries(chains.map((c) => [c, Either.getOrThrow(accountPublicKey(mnemonic, "", c))])) as Record<ChainFamily, string>
const parse = (chain: ChainFamily, text: string) => Either.getOrThrow(parseAccountKey(chain, text))
const refusal = (chain: ChainFamily, text: string) => {
  const r = parseAccountKey(chain, text)
  expect(r._tag, `${chain} ${text}`).toBe("Left")
  return Either.isLeft(r) ? r.left : ""
}

const b58 = base58check(sha256)
/** The same serialised key with other version bytes. */
const reencode = (key: string, version: number) => {
  const bytes = Uint8Array.from(b58.decode(key))
  new DataView(bytes.buffer).setUint32(0, version, false)
  return b58.encode(bytes)
}
const V = { xpub: 0x0488b21e, zpub: 0x04b24746, Ltub: 0x019da462, Mtub: 0x01b26ef6, tpub: 0x043587cf, vpub: 0x045f1cf6, ypub: 0x049d7cb2 }

const deriverOf = (settings: AccountKeySettings) => Effect.runSync(Effect.provide(AddressDeriver, HdAddressDeriver(settings)))

describe("account public keys from the mnemonic", () => {
  it("gives the BIP84 document's account zpub (m/84'/0'/0')", () => {
    expect(keys.bitcoin).toBe(bip84Zpub)
    expect(keys.litecoin.startsWith("zpub")).toBe(true)
    expect(keys.ethereum.startsWith("xpub")).toBe(true)
    expect(keys.tron.startsWith("xpub")).toBe(true)
  })

  it("reads a typed mnemonic as wallets do (spaces, capitals), refuses a bad one without echoing its words", () => {
    expect(accountPublicKey(`  ${mnemonic.toUpperCase().replaceAll(" ", "   ")} `, "", "bitcoin")).toEqual(Either.right(bip84Zpub))
    expect(Either.getLeft(accountPublicKey(mnemonic.replace("about", "abandon"), "", "bitcoin"))._tag).toBe("Some")
    const unknown = accountPublicKey(mnemonic.replace("about", "zzzxq"), "", "bitcoin")
    expect(Either.isLeft(unknown) && unknown.left).toContain("word 12")
    expect(Either.isLeft(unknown) && unknown.left).not.toContain("zzzxq")
    expect(Either.isLeft(accountPublicKey("abandon about", "", "ethereum"))).toBe(true)
    expect(accountPublicKey(mnemonic, "TREZOR", "bitcoin")).not.toEqual(Either.right(bip84Zpub))
  })
})

describe("addresses from the account public key alone", () => {
  it("matches the published first addresses, through accountPublicKey, parseAccountKey and deriveAddress", () => {
    for (const chain of chains) expect(deriveAddress(chain, parse(chain, keys[chain]), 0)).toBe(published[chain])
    expect(deriveAddress("bitcoin", parse("bitcoin", bip84Zpub), 1)).toBe(bip84Second)
  })

  it("matches them through HdAddressDeriver, which lists exactly the configured networks", () => {
    const deriver = deriverOf({ bitcoin: { key: keys.bitcoin }, litecoin: { key: keys.litecoin }, ethereum: { key: keys.ethereum }, tron: { key: keys.tron } })
    expect(deriver.networks).toEqual(["bitcoin", "litecoin", "ethereum", "tron"])
    for (const chain of chains) expect(Effect.runSync(deriver.derive(chain, 0))).toBe(published[chain])
    const some = deriverOf({ tron: { key: keys.tron }, bitcoin: { key: keys.bitcoin } })
    expect(some.networks).toEqual(["bitcoin", "tron"])
    const exit = Effect.runSyncExit(some.derive("litecoin", 0))
    expect(Exit.isFailure(exit) && Cause.isDie(exit.cause)).toBe(true)
    expect(Exit.isFailure(Effect.runSyncExit(some.derive("solana", 0)))).toBe(true)
    expect(deriverOf({}).networks).toEqual([])
  })

  it("gives the private path's addresses at 1 and 2 (deriveFromMnemonic)", () => {
    const deriver = deriverOf({ bitcoin: { key: keys.bitcoin }, litecoin: { key: keys.litecoin }, ethereum: { key: keys.ethereum }, tron: { key: keys.tron } })
    for (const chain of chains) {
      for (const i of [1, 2]) {
        const expected = Either.getOrThrow(deriveFromMnemonic(mnemonic, "", chain, i))
        expect(deriveAddress(chain, parse(chain, keys[chain]), i)).toBe(expected)
        expect(Effect.runSync(deriver.derive(chain, i))).toBe(expected)
      }
    }
    expect(Either.getOrThrow(deriveFromMnemonic(mnemonic, "", "bitcoin", 1))).toBe(bip84Second)
  })

  it("an xpub and the same key as zpub, Ltub or Mtub give the same addresses", () => {
    const xpub = reencode(keys.litecoin, V.xpub)
    expect(xpub.startsWith("xpub")).toBe(true)
    for (const [chain, version] of [["bitcoin", V.zpub], ["litecoin", V.zpub], ["litecoin", V.Ltub], ["litecoin", V.Mtub], ["bitcoin", V.xpub]] as const) {
      const other = reencode(xpub, version)
      for (const i of [0, 7]) expect(deriveAddress(chain, parse(chain, other), i)).toBe(deriveAddress(chain, parse(chain, xpub), i))
    }
    expect(reencode(xpub, V.Ltub).startsWith("Ltub")).toBe(true)
    expect(reencode(xpub, V.Mtub).startsWith("Mtub")).toBe(true)
    expect(deriveAddress("litecoin", parse("litecoin", reencode(xpub, V.Ltub)), 0)).toBe(published.litecoin)
    expect(deriveAddress("ethereum", parse("ethereum", reencode(keys.ethereum, V.xpub)), 0)).toBe(published.ethereum)
  })

  it("test networks: tpub and vpub give bcrt1/tb1 and rltc1/tltc1 addresses; a test key is refused for mainnet", () => {
    const tpub = reencode(keys.bitcoin, V.tpub)
    const vpub = reencode(keys.litecoin, V.vpub)
    const regtest = deriverOf({ bitcoin: { key: tpub, net: "regtest" }, litecoin: { key: tpub, net: "regtest" } })
    expect(Effect.runSync(regtest.derive("bitcoin", 0))).toMatch(/^bcrt1q/)
    expect(Effect.runSync(regtest.derive("litecoin", 0))).toMatch(/^rltc1q/)
    const testnet = deriverOf({ bitcoin: { key: vpub, net: "testnet" }, litecoin: { key: vpub, net: "testnet" } })
    expect(Effect.runSync(testnet.derive("bitcoin", 0))).toMatch(/^tb1q/)
    expect(Effect.runSync(testnet.derive("litecoin", 0))).toMatch(/^tltc1q/)
    expect(deriveAddress("litecoin", parse("litecoin", keys.litecoin), 0, "regtest")).toMatch(/^rltc1/)
    expect(segwitHrp).toEqual({ bitcoin: { mainnet: "bc", testnet: "tb", regtest: "bcrt" }, litecoin: { mainnet: "ltc", testnet: "tltc", regtest: "rltc" } })
    const refused = makeHdDeriver({ bitcoin: { key: tpub } })
    expect(Either.isLeft(refused) && refused.left).toEqual({ chain: "bitcoin", reason: expect.stringContaining("test-network") })
  })

  it("an index outside 0..2^31-1 is a RangeError", () => {
    const account = parse("bitcoin", keys.bitcoin)
    for (const i of [-1, 1.5, 2 ** 31, Number.NaN]) expect(() => deriveAddress("bitcoin", account, i)).toThrow(RangeError)
    expect(deriveAddress("bitcoin", account, 2 ** 31 - 1)).toMatch(/^bc1q/)
  })

  it("for random indexes the public-key path equals the private path on all four chains", () => {
    const seed = mnemonicToSeedSync(mnemonic, "")
    const accounts = Object.fromEntries(chains.map((c) => [c, parse(c, keys[c])])) as Record<ChainFamily, HDKey>
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom<ChainNet>("mainnet", "testnet", "regtest"), (i, net) => {
      for (const chain of chains) expect(deriveAddress(chain, accounts[chain], i, net)).toBe(deriveFromSeed(seed, chain, i, net))
    }), { numRuns: 50 })
  })
})

describe("refused account keys, with reasons", () => {
  const seed = mnemonicToSeedSync(mnemonic, "")
  const root = HDKey.fromMasterSeed(seed)

  it("a private key", () => {
    expect(refusal("bitcoin", bip84Zprv)).toContain("this is a PRIVATE key; give the account PUBLIC key")
    expect(refusal("ethereum", root.derive("m/44'/60'/0'").privateExtendedKey)).toContain("PRIVATE")
    expect(refusal("litecoin", reencode(bip84Zprv, 0x019d9cfe))).toContain("PRIVATE")
  })

  it("a key that is not at the account level (depth 3)", () => {
    const atRoot = refusal("bitcoin", root.publicExtendedKey)
    expect(atRoot).toContain("depth 0")
    expect(atRoot).toContain("depth 3")
    expect(atRoot).toContain("m/84'/0'/0'")
    expect(refusal("ethereum", root.derive("m/44'/60'/0'/0").publicExtendedKey)).toContain("m/44'/60'/0'")
    expect(refusal("tron", root.derive("m/44'/195'").publicExtendedKey)).toContain("m/44'/195'/0'")
  })

  it("another chain's or convention's version", () => {
    const forEthereum = refusal("ethereum", keys.bitcoin)
    expect(forEthereum).toContain("zpub")
    expect(forEthereum).toContain("ethereum accepts xpub")
    const ltub = refusal("bitcoin", reencode(keys.bitcoin, V.Ltub))
    expect(ltub).toContain("Ltub")
    expect(ltub).toContain("bitcoin accepts xpub, zpub, tpub, vpub")
    expect(refusal("litecoin", reencode(keys.litecoin, V.ypub))).toContain("ypub")
    expect(refusal("tron", reencode(keys.tron, 0x12345678))).toContain("unknown version bytes 0x12345678")
  })

  it("a changed character (checksum) and garbage", () => {
    expect(refusal("bitcoin", `${bip84Zpub.slice(0, -1)}t`)).toContain("checksum")
    expect(refusal("bitcoin", bip84Zpub.slice(0, -3))).toContain("complete")
    expect(refusal("bitcoin", "")).toContain("no key")
    expect(refusal("ethereum", "0x9858EfFD232B4033E47d90003D41EC34EcaEda94")).toContain("Base58")
    fc.assert(fc.property(fc.string({ maxLength: 120 }), fc.constantFrom(...chains), (s, chain) => {
      const r = parseAccountKey(chain, s)
      if (Either.isLeft(r)) expect(r.left.length).toBeGreaterThan(0)
    }), { numRuns: 200 })
  })

  it("HdAddressDeriver fails to build with InvalidAccountKey naming the variable and the reason", () => {
    const error = Effect.runSync(Effect.flip(Effect.provide(AddressDeriver, HdAddressDeriver({ bitcoin: { key: keys.bitcoin }, ethereum: { key: bip84Zprv } }))))
    expect(error).toBeInstanceOf(InvalidAccountKey)
    expect(error.chain).toBe("ethereum")
    expect(error.message).toContain("ETH_XPUB: this is a PRIVATE key")
    expect(error.message).not.toContain(bip84Zprv)
    const tron = Effect.runSync(Effect.flip(Effect.provide(AddressDeriver, HdAddressDeriver({ tron: { key: "hello" } }))))
    expect(tron.message).toMatch(/^TRON_XPUB: /)
  })
})

describe("Solana addresses (SLIP-10 ed25519, m/44'/501'/i'/0')", () => {
  it("gives the published first address and consecutive accounts", () => {
    const first = Either.getOrThrow(solanaAddresses(mnemonic, "", 0, 3))
    expect(first[0]).toBe("HAgk14JpMQLgt6rVgv7cBQFJWFto5Dqxi472uT3DKpqk")
    expect(new Set(first).size).toBe(3)
    expect(Either.getOrThrow(solanaAddresses(mnemonic, "", 2, 1))).toEqual([first[2]])
    expect(Either.getOrThrow(solanaAddresses(mnemonic, "", 0, 0))).toEqual([])
    expect(Either.isLeft(solanaAddresses(mnemonic, "", -1, 1))).toBe(true)
    expect(Either.isLeft(solanaAddresses(mnemonic, "", 2 ** 31 - 1, 2))).toBe(true)
    expect(Either.isLeft(solanaAddresses("abandon abandon", "", 0, 1))).toBe(true)
  })
})
