/**
 * The payments a scanner asks about again every poll: every open one of its assets, read from the
 * shop in keyset pages by id, never capped (a cap would let the oldest ones starve newer ones:
 * one cheap transaction with a thousand outputs to the shop's addresses would do it). The domain
 * leaves out a held payment out of every block for a week (HELD_RECHECK_FOR).
 */
import { type Asset, type ChainDeposit, ChainDeposits } from "@tokenshop/domain"
import * as Effect from "effect/Effect"

/** Open payments read from the shop at once. */
export const openPageSize = 500

/** Every open payment of `assets`, oldest first per asset. */
export const allOpen = (assets: ReadonlyArray<Asset>, pageSize = openPageSize): Effect.Effect<ReadonlyArray<ChainDeposit>, never, ChainDeposits> =>
  Effect.gen(function*() {
    const chain = yield* ChainDeposits
    const out: Array<ChainDeposit> = []
    for (const asset of assets) {
      let after = 0
      for (;;) {
        const page = yield* chain.open(asset, after, pageSize)
        out.push(...page)
        if (page.length < pageSize) break
        after = page[page.length - 1]!.id
      }
    }
    return out
  })
