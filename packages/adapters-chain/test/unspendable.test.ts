import { getAddressEncoder, getProgramDerivedAddress, type Address } from "@solana/kit"
import { bech32, bech32m } from "@scure/base"
import type { Asset } from "@tokenshop/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { validateAddress } from "../src/AddressValidation.js"
import { solanaAddresses } from "../src/derive/Offline.js"

const ok = (asset: Asset, address: string) => Either.getOrThrow(validateAddress(asset, address))
const bad = (asset: Asset, address: string) => {
  const r = validateAddress(asset, address)
  expect(r._tag, `${asset} ${address}`).toBe("Left")
  return r._tag === "Left" ? r.left.reason : ""
}
const witness = (hrp: string, version: number, length: number) =>
  (version === 0 ? bech32 : bech32m).encode(hrp, [version, ...bech32.toWords(new Uint8Array(length).fill(9))])

const mnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
const wallet = Either.getOrThrow(solanaAddresses(mnemonic, "", 0, 1))[0]!
const tokenProgram = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"
const usdcMint = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v"

describe("Solana destinations nobody can spend from are refused, each with its reason", () => {
  it("the System Program, the token programs and the USDT and USDC mints", () => {
    expect(bad("SOL", "11111111111111111111111111111111")).toBe("not a valid solana address: the Solana System Program's address: nobody can spend from it")
    expect(bad("SOL", tokenProgram)).toContain("the Solana Token Program's address: nobody can spend from it")
    expect(bad("USDC_SOL", "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb")).toContain("Token-2022 Program's address: nobody can spend from it")
    expect(bad("SOL", "ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL")).toContain("Associated Token Account Program's address")
    expect(bad("USDT_SOL", "Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB")).toContain("the USDT token mint's address on Solana")
    expect(bad("USDC_SOL", usdcMint)).toContain("the USDC token mint's address on Solana: nobody can spend from it")
  })

  it("a program-derived address (the wallet's USDC token account) is off the curve: no key can sign for it", async () => {
    const enc = getAddressEncoder()
    const [ata] = await getProgramDerivedAddress({
      programAddress: "ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL" as Address,
      seeds: [enc.encode(wallet as Address), enc.encode(tokenProgram as Address), enc.encode(usdcMint as Address)]
    })
    expect(bad("USDC_SOL", ata)).toBe("not a valid solana address: a program-derived address (off the ed25519 curve): no key can sign for it")
    expect(bad("SOL", ata)).toContain("no key can sign for it")
  })

  it("a wallet's own address (an ed25519 public key) is still accepted", () => {
    expect(ok("SOL", wallet)).toBe(wallet)
    expect(ok("USDC_SOL", wallet)).toBe(wallet)
    ok("SOL", "So11111111111111111111111111111111111111112")
  })
})

describe("SegWit destinations today's wallets cannot spend from are refused, each with its reason", () => {
  it("witness versions 2 to 16 (BIP 350 vectors and built ones), on Bitcoin and Litecoin", () => {
    expect(bad("BTC", "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs")).toBe(
      "not a valid bitcoin address: a witness version 2 address: not spendable by today's wallets (reserved for future upgrades)"
    )
    expect(bad("BTC", "BC1SW50QGDZ25J")).toContain("a witness version 16 address: not spendable by today's wallets")
    for (let v = 2; v <= 16; v++) {
      expect(bad("BTC", witness("bc", v, 32))).toContain(`a witness version ${v} address: not spendable`)
      expect(bad("LTC", witness("ltc", v, 20))).toContain(`a witness version ${v} address: not spendable`)
    }
  })

  it("version 1 programs that are not 32 bytes", () => {
    expect(bad("BTC", "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y")).toContain(
      "a witness version 1 program of 40 bytes (Taproot keys are 32): not spendable by today's wallets"
    )
    for (const n of [2, 20, 31, 33]) expect(bad("BTC", witness("bc", 1, n))).toContain(`version 1 program of ${n} bytes`)
    expect(bad("LTC", witness("ltc", 1, 20))).toContain("version 1 program of 20 bytes")
  })

  it("v0 of 20 or 32 bytes and v1 Taproot of 32 bytes are still accepted; other v0 lengths still refused", () => {
    ok("BTC", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")
    ok("BTC", witness("bc", 0, 32))
    ok("BTC", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0")
    ok("LTC", witness("ltc", 1, 32))
    expect(bad("BTC", witness("bc", 0, 24))).toContain("version 0")
  })
})
