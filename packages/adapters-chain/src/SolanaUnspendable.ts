/**
 * Solana addresses nobody can spend from, so a withdrawal sent there is lost: well-known program
 * ids and token mints (their keys are unknown, and programs hold no one's SOL), and program-derived
 * addresses, which lie off the ed25519 curve so that no private key exists to sign for them.
 */
import { ed25519 } from "@noble/curves/ed25519.js"

/** Well-known mainnet program ids and mints, each with the words that name it. */
const wellKnown: ReadonlyMap<string, string> = new Map([
  ["11111111111111111111111111111111", "the Solana System Program's address"],
  ["TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA", "the Solana Token Program's address"],
  ["TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb", "the Solana Token-2022 Program's address"],
  ["ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL", "the Solana Associated Token Account Program's address"],
  ["Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB", "the USDT token mint's address on Solana"],
  ["EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v", "the USDC token mint's address on Solana"]
])

/**
 * True when the 32 bytes decode to a point of the ed25519 curve. Decoded leniently (ZIP-215: a
 * y coordinate of 2^255 - 19 or more is reduced), as the Solana runtime's curve25519-dalek does
 * when it decides whether a program-derived address candidate is off the curve.
 */
const onCurve = (key: Uint8Array): boolean => {
  try {
    ed25519.Point.fromBytes(key, true)
    return true
  } catch {
    return false
  }
}

/** Why nobody can spend from this Solana address (its Base58 text and 32 bytes), if so. */
export const solanaUnspendable = (address: string, key: Uint8Array): string | undefined => {
  const known = wellKnown.get(address)
  if (known !== undefined) return `${known}: nobody can spend from it`
  if (!onCurve(key)) return "a program-derived address (off the ed25519 curve): no key can sign for it"
  return undefined
}
