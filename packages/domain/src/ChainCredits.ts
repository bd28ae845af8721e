/**
 * Crediting a chain transaction an admin names: for payments the watchers cannot see by themselves
 * (ETH sent by a contract, where the node is not traced block by block). The transaction is read from
 * the node (ChainLookup), never taken from the admin: what it pays to a buyer's own address is reported
 * to ChainDeposits as a watcher's sighting would be, under the same keys, confirmation policy, minimum
 * and price. So it is credited once, whoever asks how often, and a payment a watcher also sees is the
 * same payment; one not deep enough yet is recorded as pending and credited by the watcher's re-checks.
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type { ChainDeposit } from "./ChainDepositRepo.js"
import type { ChainObservation } from "./ChainDepositState.js"
import { ChainDeposits } from "./ChainDeposits.js"
import { ChainLookup } from "./ChainLookup.js"
import type { Network } from "./Currency.js"
import { DepositAddressRepo } from "./DepositAddresses.js"
import { type NotAdmin, type ServiceUnavailable, TransactionNotCredited } from "./Errors.js"
import { ShopConfig } from "./ShopConfig.js"
import { type AdminRef, describeAdmin, Users } from "./Users.js"

export interface CreditedTransaction {
  readonly txid: string
  /** Each payment of the transaction to a buyer, as recorded now (credited, pending, below the minimum, …). */
  readonly deposits: ReadonlyArray<ChainDeposit>
  /** False when the node could not trace it: only its direct value was looked at. */
  readonly traced: boolean
}

/** A transaction hash as the chain's nodes write it: 0x and 64 hex digits (lower case). */
const hashOf = (text: string): string | null => {
  const t = text.trim()
  return /^0x[0-9a-fA-F]{64}$/.test(t) ? t.toLowerCase() : null
}

export class ChainCredits extends Context.Tag("@tokenshop/domain/ChainCredits")<ChainCredits, {
  /** Reads `txid` on `network` and records what it pays to buyers' addresses (Ethereum for now). */
  readonly creditTransaction: (admin: AdminRef, network: Network, txid: string) => Effect.Effect<
    CreditedTransaction,
    NotAdmin | TransactionNotCredited | ServiceUnavailable
  >
}>() {
  static readonly layer = Layer.effect(ChainCredits, Effect.gen(function*() {
    const users = yield* Users
    const chain = yield* ChainDeposits
    const addresses = yield* DepositAddressRepo
    const config = yield* ShopConfig
    const lookup = yield* Effect.serviceOption(ChainLookup)

    return ChainCredits.of({
      creditTransaction: Effect.fn("ChainCredits.creditTransaction")(function*(admin: AdminRef, network: Network, txid: string) {
        yield* users.ensureAdmin(admin)
        if (Option.isNone(lookup) || !lookup.value.networks.includes(network)) return yield* new TransactionNotCredited({ txid, reason: "unavailable" })
        const hash = network === "ethereum" || network === "bsc" ? hashOf(txid) : null
        if (hash === null) return yield* new TransactionNotCredited({ txid: txid.slice(0, 80), reason: "malformed" })
        const tx = yield* lookup.value.transaction(network, hash)
        if (tx === null) return yield* new TransactionNotCredited({ txid: hash, reason: "not-found" })
        const seen: Array<ChainObservation> = []
        for (const t of tx.transfers) {
          if (!config.chain.assets.includes(t.asset)) continue
          const found = yield* addresses.byAddress(network, t.to)
          if (Option.isNone(found)) continue
          seen.push({
            asset: t.asset, txid: tx.txid, index: t.index, address: found.value.address, units: t.units,
            confirmations: tx.confirmations, final: tx.final, block: tx.block
          })
        }
        if (seen.length === 0) return yield* new TransactionNotCredited({ txid: hash, reason: "no-payment" })
        yield* Effect.logInfo(`${describeAdmin(admin)} asked to credit ${hash}: ${seen.length} payment(s) to buyers' addresses`)
        const recorded = yield* chain.observe({ watcher: `credit-by-hash (${describeAdmin(admin)})`, seen, vanished: [] })
        return { txid: hash, deposits: recorded, traced: tx.traced }
      })
    })
  }))
}
