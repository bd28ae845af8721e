/** A ChainLookup over transactions a test sets, by network and txid; `set` replaces one (a block mined on). */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { ChainLookup, type LookedUpTransaction } from "../ChainLookup.js"
import type { Network } from "../Currency.js"

export interface ChainLookupMemoryControl {
  readonly set: (network: Network, tx: LookedUpTransaction) => void
}

export const makeChainLookupMemory = (networks: ReadonlyArray<Network> = ["ethereum"]) => {
  const known = new Map<string, LookedUpTransaction>()
  const control: ChainLookupMemoryControl = { set: (network, tx) => void known.set(`${network}:${tx.txid}`, tx) }
  const layer = Layer.succeed(ChainLookup, ChainLookup.of({
    networks,
    transaction: (network, txid) => Effect.sync(() => known.get(`${network}:${txid}`) ?? null)
  }))
  return { control, layer }
}
