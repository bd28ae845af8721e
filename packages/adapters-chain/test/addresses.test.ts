import { sha256 } from "@noble/hashes/sha2.js"
import { base58check, bech32 } from "@scure/base"
import type { Asset } from "@tokenshop/domain"
import * as Either from "effect/Either"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { addressValidatorContract } from "@tokenshop/domain/testing"
import { ChainAddressValidator, toChecksumAddress, validateAddress } from "../src/AddressValidation.js"

const ok = (asset: Asset, address: string) => Either.getOrThrow(validateAddress(asset, address))
const bad = (asset: Asset, address: string) => {
  const r = validateAddress(asset, address)
  expect(r._tag, `${asset} ${address}`).toBe("Left")
  return r._tag === "Left" ? r.left.reason : ""
}
const legacy = (version: number, hash = new Uint8Array(20).fill(7)) => base58check(sha256).encode(Uint8Array.from([version, ...hash]))

describe("address validation with checksums", () => {
  it("Bitcoin: legacy, P2SH, SegWit v0 and Taproot; refuses a changed character and the wrong encoding", () => {
    ok("BTC", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")
    ok("BTC", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy")
    expect(ok("BTC", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4")).toBe("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")
    ok("BTC", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0")
    expect(bad("BTC", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5")).toContain("checksum")
    expect(bad("BTC", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")).toContain("checksum")
    bad("BTC", "bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4") // mixed case
    bad("BTC", "ltc1qw508d6qejxtdg4y5r3zarvary0c5xw7kgmn4n9") // another network
    bad("BTC", legacy(0x30))
  })

  it("Litecoin and Dogecoin: their own prefixes and version bytes", () => {
    const program = bech32.encode("ltc", [0, ...bech32.toWords(new Uint8Array(20).fill(3))])
    ok("LTC", program)
    ok("LTC", legacy(0x30))
    ok("LTC", legacy(0x32))
    bad("LTC", legacy(0x00))
    ok("DOGE", legacy(0x1e))
    bad("DOGE", legacy(0x30))
    bad("DOGE", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")
  })

  it("Ethereum and BNB Chain: EIP-55 test vectors; a wrong letter case is refused; lowercase is checksummed", () => {
    for (const a of ["0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"]) {
      expect(ok("ETH", a)).toBe(a)
      expect(ok("USDT_BEP20", a.toLowerCase())).toBe(a)
    }
    expect(bad("USDC_ERC20", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")).toContain("checksum")
    bad("ETH", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe")
    bad("ETH", `0x${"0".repeat(40)}`)
  })

  it("TRON and Solana", () => {
    ok("USDT_TRC20", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")
    bad("USDT_TRC20", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u")
    ok("SOL", "So11111111111111111111111111111111111111112")
    expect(bad("USDC_SOL", "11111111111111111111111111111111")).toContain("System Program")
    bad("SOL", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
    bad("SOL", "So1111111111111111111111111111111111111111l")
  })

  it("any single changed character of a checksummed address is refused", () => {
    const address = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
    const charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
    fc.assert(fc.property(fc.integer({ min: 4, max: address.length - 1 }), fc.constantFrom(...charset), (i, c) => {
      fc.pre(address[i] !== c)
      expect(validateAddress("BTC", address.slice(0, i) + c + address.slice(i + 1))._tag).toBe("Left")
    }))
    expect(toChecksumAddress("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")).toBe("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
  })

  it("garbage is refused with a reason, never thrown", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), fc.constantFrom<Asset>("BTC", "LTC", "DOGE", "ETH", "SOL", "USDT_TRC20"), (s, asset) => {
      const r = validateAddress(asset, s)
      if (r._tag === "Left") expect(r.left.reason.length).toBeGreaterThan(0)
    }))
  })
})

describe("a neighbour network's valid address is refused, and the neighbour named", () => {
  const btcP2pkh = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
  const btcP2sh = "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"
  const btcSegwit = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
  const ltcP2pkh = legacy(0x30)
  const ltcP2sh = legacy(0x32)
  const ltcSegwit = bech32.encode("ltc", [0, ...bech32.toWords(new Uint8Array(20).fill(3))])
  const doge = legacy(0x1e)
  const eth = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
  const tron = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
  const sol = "So11111111111111111111111111111111111111112"

  it("Bitcoin refuses Litecoin (L…, M…, ltc1…) and Solana addresses", () => {
    for (const a of [ltcP2pkh, ltcP2sh, ltcSegwit]) expect(bad("BTC", a)).toContain("this is a litecoin address")
    expect(bad("BTC", sol)).toContain("this is a solana address")
    expect(bad("BTC", doge)).toContain("dogecoin")
  })

  it("Litecoin refuses Bitcoin addresses, the 3… P2SH (version 0x05) included, and Dogecoin ones", () => {
    for (const a of [btcP2sh, legacy(0x05), btcP2pkh, btcSegwit]) expect(bad("LTC", a)).toContain("this is a bitcoin address")
    expect(bad("LTC", btcP2sh)).toContain("start with M")
    expect(bad("LTC", doge)).toContain("this is a dogecoin address")
  })

  it("Dogecoin refuses Litecoin and Bitcoin addresses", () => {
    expect(bad("DOGE", ltcP2pkh)).toContain("this is a litecoin address")
    expect(bad("DOGE", btcP2sh)).toContain("this is a bitcoin address")
  })

  it("Ethereum and BNB Chain refuse TRON addresses", () => {
    expect(bad("ETH", tron)).toContain("this is a tron address")
    expect(bad("USDT_BEP20", tron)).toContain("this is a tron address")
  })

  it("TRON refuses Ethereum and Bitcoin Base58 addresses", () => {
    expect(bad("USDT_TRC20", eth)).toContain("this is an ethereum or bsc address")
    for (const a of [btcP2pkh, btcP2sh]) expect(bad("TRX", a)).toContain("this is a bitcoin address")
  })

  it("Solana refuses Bitcoin addresses", () => {
    for (const a of [btcP2pkh, btcP2sh, btcSegwit]) expect(bad("SOL", a)).toContain("this is a bitcoin address")
    expect(bad("USDC_SOL", eth)).toContain("ethereum")
  })

  it("a typo in a neighbour's address is still only a checksum error", () => {
    expect(bad("LTC", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz")).toContain("checksum")
  })
})

addressValidatorContract("chain checksums", ChainAddressValidator, {
  valid: [
    ["BTC", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"],
    ["BTC", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"],
    ["ETH", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"],
    ["USDT_TRC20", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"],
    ["SOL", "So11111111111111111111111111111111111111112"]
  ],
  invalid: [["BTC", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5"], ["ETH", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"], ["LTC", ""]]
})
