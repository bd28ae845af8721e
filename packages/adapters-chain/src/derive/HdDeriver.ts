/**
 * The `AddressDeriver` port over the owner's account public keys. Each key is parsed once when the
 * layer is built; a bad key fails the layer with the variable's name and the reason. No private key.
 */
import type { HDKey } from "@scure/bip32"
import { AddressDeriver, type Network } from "@tokenshop/domain"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import { type ChainFamily, chainFamilies, kindOf, parseAccountKey } from "./AccountKeys.js"
import { type ChainNet, deriveAddress } from "./Addresses.js"

/** The owner's account public keys, one per chain that takes payments on its own addresses. */
export interface AccountKeySettings {
  readonly bitcoin?: { readonly key: string; readonly net?: ChainNet }
  readonly litecoin?: { readonly key: string; readonly net?: ChainNet }
  readonly ethereum?: { readonly key: string }
  readonly tron?: { readonly key: string }
}

/** The environment variable each chain's account key is read from. */
export const accountKeyVariables: Record<ChainFamily, string> = {
  bitcoin: "BTC_XPUB",
  litecoin: "LTC_XPUB",
  ethereum: "ETH_XPUB",
  tron: "TRON_XPUB"
}

/** A configured account key cannot be used; the message names its variable, never the key. */
export class InvalidAccountKey extends Data.TaggedError("InvalidAccountKey")<{
  readonly chain: ChainFamily
  readonly reason: string
}> {
  override get message() {
    return `${accountKeyVariables[this.chain]}: ${this.reason}`
  }
}

const netOf = (settings: AccountKeySettings, chain: ChainFamily): ChainNet =>
  chain === "bitcoin" || chain === "litecoin" ? settings[chain]?.net ?? "mainnet" : "mainnet"

/**
 * The deriver for the configured chains (and only those), or the first chain whose key is refused
 * and why. A test-network key (tpub, vpub) is refused for mainnet addresses.
 */
export const makeHdDeriver = (
  settings: AccountKeySettings
): Either.Either<AddressDeriver["Type"], { readonly chain: ChainFamily; readonly reason: string }> => {
  const accounts = new Map<Network, { readonly chain: ChainFamily; readonly key: HDKey; readonly net: ChainNet }>()
  for (const chain of chainFamilies) {
    const configured = settings[chain]
    if (configured === undefined) continue
    const net = netOf(settings, chain)
    const parsed = parseAccountKey(chain, configured.key)
    if (Either.isLeft(parsed)) return Either.left({ chain, reason: parsed.left })
    const kind = kindOf(parsed.right)
    if (kind?.test === true && net === "mainnet") {
      return Either.left({ chain, reason: `a ${kind.name} is a test-network key; give the mainnet account key or set the network to testnet or regtest` })
    }
    accounts.set(chain, { chain, key: parsed.right, net })
  }
  return Either.right(AddressDeriver.of({
    networks: [...accounts.keys()],
    derive: (network, index) => {
      const account = accounts.get(network)
      return account === undefined
        ? Effect.die(new Error(`no account public key is configured for ${network}`))
        : Effect.sync(() => deriveAddress(account.chain, account.key, index, account.net))
    }
  }))
}

/** The `AddressDeriver` over these keys; fails to build with `InvalidAccountKey` when one is refused. */
export const HdAddressDeriver = (settings: AccountKeySettings): Layer.Layer<AddressDeriver, InvalidAccountKey> =>
  Layer.effect(
    AddressDeriver,
    Effect.suspend(() =>
      Either.match(makeHdDeriver(settings), {
        onLeft: (refused) => Effect.fail(new InvalidAccountKey(refused)),
        onRight: Effect.succeed
      })
    )
  )
