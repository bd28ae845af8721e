import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { AddressBook, ApprovalRunner, Withdrawals } from "../src/index.js"
import {
  AddressDeriverMemory, AddressValidatorMemory, BroadcasterMemory, NotifierMemory, PaymentGatewayMemory, PriceSourceMemory, ShopMemory,
  WalletControl, WalletProcessorMemory
} from "../src/testing/memory.js"
import { ADMIN, admin, cli } from "./support.js"

/** One satoshi is worth half a cent: each part of 200 sats rounds on its own. */
const halfCentSats = ShopMemory({ admins: new Set([ADMIN]) }, {
  services: Layer.mergeAll(
    BroadcasterMemory, ApprovalRunner.inline, NotifierMemory, PaymentGatewayMemory(), WalletProcessorMemory(), AddressValidatorMemory, AddressDeriverMemory(),
    PriceSourceMemory({ BTC: "500000" })
  )
})

describe("a withdrawal's preview", () => {
  it.effect("shows parts that add up to the total exactly, where rounding each part alone would miss by a cent", () =>
    Effect.gen(function*() {
      yield* (yield* WalletControl).fund("BTC", 200n)
      yield* (yield* AddressBook).add(cli, "BTC", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")
      const preview = yield* (yield* Withdrawals).preview(admin, { asset: "BTC", destination: "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", scope: { kind: "all" } })
      // 200 sats = $1.00; the network fee 2 sats = $0.01; the service fee 1 sat = $0.005 → $0.00 (half to even)
      expect(preview.fiat).toMatchObject({ total: { amount: 100n }, networkFee: { amount: 1n }, serviceFee: { amount: 0n }, receiving: { amount: 99n } })
      const f = preview.fiat!
      expect(f.networkFee.amount + f.serviceFee.amount + f.receiving.amount).toBe(f.total.amount)
    }).pipe(Effect.provide(halfCentSats)))
})
