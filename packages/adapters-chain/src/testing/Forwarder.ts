/**
 * A contract that forwards the ETH it is sent to the address in its call data (32 bytes, the
 * address in the low 20), as a Safe or an exchange's payout contract would: the recipient gets an
 * internal transfer, with no transaction of its own. Hand-assembled, test-only:
 * runtime PUSH1 0 ×4, CALLVALUE, PUSH1 0, CALLDATALOAD, GAS, CALL, POP, STOP; creation code copies
 * the 16 runtime bytes and returns them.
 */
import { type Address, pad } from "viem"

export const forwarderBytecode = "0x601080600b6000396000f36000600060006000346000355af15000" as const

/** The call data that makes the forwarder pay `to`. */
export const forwardTo = (to: Address): `0x${string}` => pad(to.toLowerCase() as `0x${string}`, { size: 32 })
