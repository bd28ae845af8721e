import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { type Asset, assets, type Network } from "../Currency.js"
import { InvalidAddress } from "../Errors.js"
import { AddressValidator } from "../Withdrawals.js"

const B58 = "[1-9A-HJ-NP-Za-km-z]"
const BECH32 = "[02-9ac-hj-np-z]"
const formats: Record<Network, RegExp> = {
  bitcoin: new RegExp(`^(bc1${BECH32}{11,71}|[13]${B58}{25,34})$`),
  litecoin: new RegExp(`^(ltc1${BECH32}{11,71}|[LM3]${B58}{26,33})$`),
  dogecoin: new RegExp(`^D[5-9A-HJ-NP-U]${B58}{32}$`),
  solana: new RegExp(`^${B58}{32,44}$`),
  ethereum: /^0x[0-9a-fA-F]{40}$/,
  bsc: /^0x[0-9a-fA-F]{40}$/,
  tron: new RegExp(`^T${B58}{33}$`)
}

/**
 * Checks the shape of an address for the asset's network (no checksums): enough for tests and
 * embedders; the chain adapter's validator adds checksums.
 */
export const AddressValidatorMemory: Layer.Layer<AddressValidator> = Layer.succeed(AddressValidator, AddressValidator.of({
  validate: (asset: Asset, address: string) => {
    const trimmed = address.trim()
    const network = assets[asset].network
    return formats[network].test(trimmed)
      ? Effect.succeed(trimmed)
      : Effect.fail(new InvalidAddress({ address, reason: `not a ${network} address` }))
  }
}))
